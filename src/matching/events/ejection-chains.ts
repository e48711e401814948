// Ejection chains (alternating paths and cycles, as in Lin-Kernighan) to lift a round's matching towards the
// maximum weight. From an attendee u (dropping its meeting with a, if any), the chain repeatedly adds a pair
// (x, y) from x's candidate list (its heaviest pairs this round) and, when y was matched to z, drops (y, z) and
// continues from z; it closes by pairing the last z with a (an alternating cycle) or by stopping (a path). A chain
// is applied as soon as its total gain is positive; partial gains must stay positive (the Lin-Kernighan gain
// criterion) and the breadth shrinks with depth, so a pass costs O(n * K * breadth).
import type { RoundGraph } from './round-graph.js';

const EPS = 1e-12;
/** candidates per attendee (its heaviest usable pairs this round) */
const K = 16;
/** branches tried at each depth; the length is the deepest chain */
const BREADTH = [12, 6, 3, 2, 2, 1, 1, 1, 1, 1];
const MAX_PASSES = 20;

export function ejectionChains(g: RoundGraph, mate: Int32Array, order: Int32Array): void {
  const { p, active, weight } = g;
  const n = p.n;
  // candidate lists: the K heaviest usable pairs of each active attendee, heaviest first
  const cand = new Int32Array(n * K).fill(-1);
  const candW = new Float64Array(n * K);
  for (let x = 0; x < n; x++) {
    if (!active[x]) continue;
    let size = 0;
    const base = x * K;
    for (let i = p.adjStart[x], end = p.adjStart[x + 1]; i < end; i++) {
      const w = weight[p.adjPair[i]];
      if (w <= 0) continue;
      const y = p.adjOther[i];
      if (!active[y]) continue;
      if (size === K && w <= candW[base + K - 1]) continue;
      let j = size < K ? size++ : K - 1;
      while (j > 0 && candW[base + j - 1] < w) {
        candW[base + j] = candW[base + j - 1];
        cand[base + j] = cand[base + j - 1];
        j--;
      }
      candW[base + j] = w;
      cand[base + j] = y;
    }
  }
  const w = (x: number, y: number): number => {
    if (x < 0 || y < 0) return 0;
    const e = p.pairOf(x, y);
    if (e < 0) return 0;
    const v = weight[e];
    return v > 0 ? v : 0;
  };

  const touched = new Int32Array(n);
  let stamp = 0;
  const addX: number[] = [];
  const addY: number[] = [];
  let closeWith = -1;
  let start = -1;
  let loose = -1;

  // DFS from open end x with partial gain gain; returns true when a positive chain was found (left in addX/addY)
  const search = (x: number, gain: number, depth: number): boolean => {
    const breadth = BREADTH[depth];
    const base = x * K;
    let tried = 0;
    for (let c = 0; c < K && tried < breadth; c++) {
      const y = cand[base + c];
      if (y < 0) break;
      const wxy = candW[base + c];
      if (gain + wxy <= EPS) break; // heaviest first: the rest cannot pass the gain criterion either
      if (touched[y] === stamp || mate[x] === y) continue;
      tried++;
      addX.push(x);
      addY.push(y);
      const z = mate[y];
      if (z === -1) return true; // path ends at a free attendee; gain + wxy > 0
      if (touched[z] !== stamp) {
        const g2 = gain + wxy - w(y, z);
        if (loose !== -1 && z !== loose) {
          const wz = w(z, loose);
          if (wz > 0 && g2 + wz > EPS) {
            closeWith = z;
            return true;
          }
        }
        if (g2 > EPS) return true; // path: z (and the loose start) stay free
        if (depth + 1 < BREADTH.length) {
          touched[y] = stamp;
          touched[z] = stamp;
          if (search(z, g2, depth + 1)) return true;
          touched[y] = 0;
          touched[z] = 0;
        }
      }
      addX.pop();
      addY.pop();
    }
    return false;
  };

  // "don't look" bits, as in Lin-Kernighan: after the first sweep, only attendees next to a change are tried again
  const queued = new Uint8Array(n);
  let queue: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const u = order[k];
    if (active[u]) {
      queue.push(u);
      queued[u] = 1;
    }
  }
  const wake = (v: number) => {
    if (v >= 0 && !queued[v]) {
      queued[v] = 1;
      next.push(v);
    }
  };
  let next: number[] = [];
  for (let pass = 0; pass < MAX_PASSES && queue.length > 0; pass++) {
    for (const u of queue) {
      queued[u] = 0;
      stamp++;
      addX.length = 0;
      addY.length = 0;
      closeWith = -1;
      start = u;
      loose = mate[u];
      touched[u] = stamp;
      if (loose !== -1) touched[loose] = stamp;
      if (!search(u, -w(u, loose), 0)) continue;
      // apply: drop the meetings the chain broke, then make its new ones
      wake(start);
      wake(loose);
      if (loose !== -1) {
        mate[start] = -1;
        mate[loose] = -1;
      }
      for (let i = 0; i < addY.length; i++) {
        const z = mate[addY[i]];
        wake(z);
        wake(addY[i]);
        if (z !== -1) {
          mate[z] = -1;
          mate[addY[i]] = -1;
        }
      }
      for (let i = 0; i < addX.length; i++) {
        mate[addX[i]] = addY[i];
        mate[addY[i]] = addX[i];
      }
      if (closeWith !== -1) {
        mate[closeWith] = loose;
        mate[loose] = closeWith;
      }
    }
    queue = next;
    next = [];
  }
}
