// Near-maximum-weight matching for one round (ONE_TO_ONE), fast enough for 1,000 attendees and ~500k pairs.
//
// Method: (1) the suitor algorithm (Manne & Halappanavar), which yields exactly the greedy matching (heaviest edge
// first) in near-linear time without sorting the edges; (2) local search to a 2-opt local optimum: for every
// usable edge (u, v), take it into the matching when that gains weight, dropping u's and v's partners and
// re-pairing those two with each other or with a free attendee (this covers swaps of two meetings, and augmenting
// paths of up to three edges through free attendees). Greedy alone is a 1/2-approximation in theory and ~97% in
// practice; the local search closes most of the rest (tests and `npm run bench:schedule` measure it against the
// exact Edmonds blossom algorithm, round after round).
import type { ScheduleProblem } from './schedule-problem.js';

export interface RoundGraph {
  p: ScheduleProblem;
  /** 1 for attendees taking part in this round's matching */
  active: Uint8Array;
  /** per pair: the (adjusted) weight of meeting this round; <= 0 means the pair cannot meet this round */
  weight: Float64Array;
}

const EPS = 1e-12;
/** free attendees considered when re-pairing a partner freed by a move (keeps the move O(1)-ish on sparse rounds) */
const FREE_SCAN_LIMIT = 64;
const MAX_PASSES = 50;

function edgeWeight(g: RoundGraph, u: number, v: number): number {
  if (u < 0 || v < 0) return 0;
  const e = g.p.pairOf(u, v);
  if (e < 0) return 0;
  const w = g.weight[e];
  return w > 0 ? w : 0;
}

function hasUsablePair(g: RoundGraph, v: number): boolean {
  for (let i = g.p.adjStart[v], end = g.p.adjStart[v + 1]; i < end; i++) {
    if (g.weight[g.p.adjPair[i]] > 0 && g.active[g.p.adjOther[i]]) return true;
  }
  return false;
}

/** Greedy matching via suitors: every attendee proposes to its heaviest partner whose current offer it beats. */
export function suitorMatching(g: RoundGraph, order: Int32Array): Int32Array {
  const { p, active, weight } = g;
  const n = p.n;
  const suitor = new Int32Array(n).fill(-1);
  const offer = new Float64Array(n);
  for (let k = 0; k < order.length; k++) {
    let u = order[k];
    if (!active[u]) continue;
    while (u !== -1) {
      let best = -1;
      let bestW = 0;
      for (let i = p.adjStart[u], end = p.adjStart[u + 1]; i < end; i++) {
        const w = weight[p.adjPair[i]];
        if (w <= bestW) continue;
        const v = p.adjOther[i];
        if (!active[v] || w <= offer[v]) continue;
        best = v;
        bestW = w;
      }
      if (best === -1) break;
      const displaced = suitor[best];
      suitor[best] = u;
      offer[best] = bestW;
      u = displaced;
    }
  }
  const mate = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const s = suitor[v];
    if (s !== -1 && suitor[s] === v) mate[v] = s;
  }
  return mate;
}

/** Improves the matching in place until no 2-opt move gains weight (or the pass limit is hit). */
export function improveMatching(g: RoundGraph, mate: Int32Array, order: Int32Array): void {
  const { p, active, weight } = g;
  // free attendees that still have a usable pair this round (the others can never be re-paired)
  const free: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const v = order[k];
    if (active[v] && mate[v] === -1 && hasUsablePair(g, v)) free.push(v);
  }
  const removeFree = (v: number) => {
    const i = free.indexOf(v);
    if (i >= 0) free.splice(i, 1);
  };
  // best free partner for x, other than the excluded ones
  const bestFree = (x: number, ex1: number, ex2: number, ex3: number): [number, number] => {
    let best = -1;
    let bestW = 0;
    const limit = Math.min(free.length, FREE_SCAN_LIMIT);
    for (let i = 0; i < limit; i++) {
      const f = free[i];
      if (f === ex1 || f === ex2 || f === ex3 || f === x) continue;
      const w = edgeWeight(g, x, f);
      if (w > bestW) {
        bestW = w;
        best = f;
      }
    }
    return [best, bestW];
  };

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let k = 0; k < order.length; k++) {
      const u = order[k];
      if (!active[u]) continue;
      for (let i = p.adjStart[u], end = p.adjStart[u + 1]; i < end; i++) {
        const v = p.adjOther[i];
        if (v < u && mate[v] !== -1) continue; // matched-matched moves are symmetric: look at them once
        if (!active[v] || mate[u] === v) continue;
        const wuv = weight[p.adjPair[i]];
        if (wuv <= 0) continue;
        const a = mate[u];
        const b = mate[v];
        const loss = edgeWeight(g, u, a) + edgeWeight(g, v, b);
        if (wuv <= loss + EPS && free.length === 0) continue;
        // the freed partners a and b: pair them together, or each with a free attendee
        let gain = wuv - loss;
        let pa = -1;
        let pb = -1;
        const wab = a !== -1 && b !== -1 ? edgeWeight(g, a, b) : 0;
        let together = false;
        if (wab > 0) {
          together = true;
          gain += wab;
        }
        if (!together) {
          if (a !== -1) {
            const [f, w] = bestFree(a, u, v, -1);
            if (f !== -1) {
              pa = f;
              gain += w;
            }
          }
          if (b !== -1) {
            const [f, w] = bestFree(b, u, v, pa);
            if (f !== -1) {
              pb = f;
              gain += w;
            }
          }
        }
        if (gain <= EPS) continue;
        // apply
        if (a !== -1) mate[a] = -1;
        if (b !== -1) mate[b] = -1;
        removeFree(u);
        removeFree(v);
        mate[u] = v;
        mate[v] = u;
        if (together) {
          mate[a] = b;
          mate[b] = a;
        } else {
          if (a !== -1) {
            if (pa !== -1) {
              removeFree(pa);
              mate[a] = pa;
              mate[pa] = a;
            } else free.push(a);
          }
          if (b !== -1) {
            if (pb !== -1) {
              removeFree(pb);
              mate[b] = pb;
              mate[pb] = b;
            } else free.push(b);
          }
        }
        improved = true;
      }
    }
    if (!improved) break;
  }
}

export function matchRound(g: RoundGraph, order: Int32Array): Int32Array {
  const mate = suitorMatching(g, order);
  improveMatching(g, mate, order);
  return mate;
}
