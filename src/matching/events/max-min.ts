// The max-min step after ONE_TO_ONE generation: lift the worst-served attendee's total by changing partners
// inside one round, as long as everyone touched ends strictly above that total (so the number of attendees at the
// minimum falls each time and the step ends) and the schedule's total loses at most MAX_MIN_BUDGET of itself.
// Moves, for the lowest attendee i in a round r (locked meetings never move, no pair twice, caps and availability
// kept, sit-outs only traded between attendees so that nobody sits out more than the other did):
//  - swap: i meets j and k meets l  ->  i meets k and j meets l;
//  - rotate (when j and l may not meet): i-j, k-l, x-y  ->  i-k, j-x, y-l;
//  - steal: i meets j (or sits out) and k sits out  ->  i meets k (j sits out instead);
//  - take: i sits out and k meets l  ->  i meets k (l sits out instead).
import { isAvailable, type ScheduleProblem } from './schedule-problem.js';
import { makeMeeting } from './schedule-output.js';
import type { ScheduledMeeting, SitOut } from './schedule-types.js';

export const MAX_MIN_BUDGET = 0.005;

interface Move {
  r: number;
  k: number;
  kind: 'swap' | 'steal' | 'take' | 'rotate';
  gainI: number;
  loss: number;
  x?: number;
  y?: number;
}
const EPS = 1e-9;

export function raiseMinimum(p: ScheduleProblem, meetings: ScheduledMeeting[], sitOuts: SitOut[]): void {
  const { n, rounds } = p;
  const mate: Int32Array[] = Array.from({ length: rounds }, () => new Int32Array(n).fill(-1));
  const meetingAt: (ScheduledMeeting | null)[][] = Array.from({ length: rounds }, () => new Array(n).fill(null));
  const used = new Uint8Array(p.pairA.length);
  const total = new Float64Array(n);
  const count = new Int32Array(n);
  const sitCount = new Int32Array(n);
  const sitting: Uint8Array[] = Array.from({ length: rounds }, () => new Uint8Array(n));
  let sum = 0;
  for (const m of meetings) {
    mate[m.round][m.a] = m.b;
    mate[m.round][m.b] = m.a;
    meetingAt[m.round][m.a] = m;
    meetingAt[m.round][m.b] = m;
    used[p.pairOf(m.a, m.b)] = 1;
    total[m.a] += m.score;
    total[m.b] += m.score;
    count[m.a]++;
    count[m.b]++;
    sum += 2 * m.score;
  }
  for (const s of sitOuts) {
    sitting[s.round][s.attendee] = 1;
    sitCount[s.attendee]++;
  }
  let budget = MAX_MIN_BUDGET * sum;
  const s = (x: number, y: number) => {
    const e = p.pairOf(x, y);
    return e >= 0 && !used[e] ? p.score[e] : -1; // -1: not allowed or already met
  };
  const sc = (x: number, y: number) => p.score[p.pairOf(x, y)];

  const unmeet = (r: number, x: number, y: number) => {
    const m = meetingAt[r][x]!;
    meetings.splice(meetings.indexOf(m), 1);
    used[p.pairOf(x, y)] = 0;
    mate[r][x] = mate[r][y] = -1;
    meetingAt[r][x] = meetingAt[r][y] = null;
    total[x] -= m.score;
    total[y] -= m.score;
    count[x]--;
    count[y]--;
  };
  const meet = (r: number, x: number, y: number) => {
    const m = makeMeeting(p, r, x, y, null, false);
    meetings.push(m);
    used[p.pairOf(x, y)] = 1;
    mate[r][x] = y;
    mate[r][y] = x;
    meetingAt[r][x] = meetingAt[r][y] = m;
    total[x] += m.score;
    total[y] += m.score;
    count[x]++;
    count[y]++;
  };
  const sitOut = (r: number, x: number, on: boolean) => {
    sitting[r][x] = on ? 1 : 0;
    sitCount[x] += on ? 1 : -1;
  };

  // i-j, k-l, x-y -> i-k, j-x, y-l (either orientation of x-y), everyone touched above the floor
  const bestRotation = (r: number, i: number, j: number, k: number, l: number, floor: number, baseLoss: number, budget: number) => {
    let best: { x: number; y: number; loss: number } | null = null;
    for (let x = 0; x < n; x++) {
      const y = mate[r][x];
      if (y === -1 || x === i || x === j || x === k || x === l || y === i || y === j || y === k || y === l) continue;
      if (meetingAt[r][x]!.locked) continue;
      const sjx = s(j, x);
      const syl = s(y, l);
      if (sjx < 0 || syl < 0) continue;
      const sxy = sc(x, y);
      const loss = 2 * (baseLoss + sxy - sjx - syl);
      if (loss > budget + EPS || (best && loss >= best.loss)) continue;
      const tj = total[j] - sc(i, j) + sjx;
      const tl = total[l] - sc(k, l) + syl;
      if (tj <= floor + EPS || tl <= floor + EPS || total[x] - sxy + sjx <= floor + EPS || total[y] - sxy + syl <= floor + EPS) continue;
      best = { x, y, loss };
    }
    return best;
  };

  for (let iter = 0; iter < 4 * n; iter++) {
    let i = -1;
    for (let v = 0; v < n; v++) if (i === -1 || total[v] < total[i]) i = v;
    if (i === -1) break;
    const floor = total[i];
    // best move: the smallest loss of schedule total that lifts i at all (then the largest lift); the next
    // iterations lift it further if it is still the lowest
    let best: Move | null = null;
    for (let r = 0; r < rounds; r++) {
      const j = mate[r][i];
      const mi = meetingAt[r][i];
      if (mi?.locked) continue;
      const iSits = sitting[r][i] === 1;
      if (j === -1 && !iSits) continue; // i cannot meet in this round
      const sij = j === -1 ? 0 : sc(i, j);
      for (let k = 0; k < n; k++) {
        if (k === i || k === j) continue;
        const sik = s(i, k);
        if (sik < 0 || sik - sij <= EPS) continue;
        const l = mate[r][k];
        let loss: number;
        let kind: Move['kind'];
        if (l !== -1) {
          if (meetingAt[r][k]!.locked) continue;
          const skl = sc(k, l);
          if (total[k] - skl + sik <= floor + EPS) continue;
          if (j !== -1) {
            const sjl = s(j, l);
            if (sjl < 0 || total[j] - sij + sjl <= floor + EPS || total[l] - skl + sjl <= floor + EPS) {
              // no swap: rotate through a third meeting (x, y): i-k, j-x, y-l
              const rot = bestRotation(r, i, j, k, l, floor, sij + skl - sik, budget);
              if (rot && (!best || rot.loss < best.loss - EPS || (Math.abs(rot.loss - best.loss) <= EPS && sik - sij > best.gainI))) {
                best = { r, k, kind: 'rotate', gainI: sik - sij, loss: rot.loss, x: rot.x, y: rot.y };
              }
              continue;
            }
            kind = 'swap';
            loss = 2 * (sij + skl - sik - sjl);
          } else {
            // take: l sits out instead of i
            if (count[i] >= p.cap[i] || total[l] - skl <= floor + EPS || sitCount[l] + 1 > sitCount[i]) continue;
            kind = 'take';
            loss = 2 * (skl - sik);
          }
        } else {
          if (!sitting[r][k] || !isAvailable(p, k, r) || count[k] >= p.cap[k]) continue;
          if (j !== -1) {
            // steal: j sits out instead of k
            if (total[j] - sij <= floor + EPS || sitCount[j] + 1 > sitCount[k]) continue;
            if (total[k] + sik <= floor + EPS) continue;
            kind = 'steal';
            loss = 2 * (sij - sik);
          } else {
            if (count[i] >= p.cap[i]) continue;
            kind = 'steal';
            loss = -2 * sik;
          }
        }
        if (loss > budget + EPS) continue;
        const gainI = sik - sij;
        if (!best || loss < best.loss - EPS || (Math.abs(loss - best.loss) <= EPS && gainI > best.gainI)) best = { r, k, kind, gainI, loss };
      }
    }
    if (!best) break;
    const { r, k } = best;
    const j = mate[r][i];
    const l = mate[r][k];
    if (j !== -1) unmeet(r, i, j);
    if (l !== -1) unmeet(r, k, l);
    if (best.kind === 'swap') meet(r, j, l);
    if (best.kind === 'rotate') {
      unmeet(r, best.x!, best.y!);
      meet(r, j, best.x!);
      meet(r, best.y!, l);
    }
    meet(r, i, k);
    if (sitting[r][i]) sitOut(r, i, false);
    if (sitting[r][k]) sitOut(r, k, false);
    if (best.kind === 'take') sitOut(r, l, true);
    if (best.kind === 'steal' && j !== -1) sitOut(r, j, true);
    budget -= best.loss;
  }
  syncSitOuts(sitOuts, sitting);
}

function syncSitOuts(sitOuts: SitOut[], sitting: Uint8Array[]): void {
  sitOuts.length = 0;
  sitting.forEach((row, r) => row.forEach((on, v) => on && sitOuts.push({ round: r, attendee: v })));
}
