// The reference for ONE_TO_ONE quality: the exact maximum-weight matching (Edmonds' blossom algorithm, npm
// edmonds-blossom) of each round, round after round, under the same rules as the engine (availability, caps with
// room kept for later locks, locks kept, no pair twice) and with no fairness weighting. Tests and benches only.
import blossom from 'edmonds-blossom';
import { buildProblem, isAvailable } from '../events/schedule-problem.js';
import { checkLocks } from '../events/one-to-one.js';
import { finishSchedule, makeMeeting } from '../events/schedule-output.js';
import type { Schedule, ScheduleInput, ScheduledMeeting, SitOut } from '../events/schedule-types.js';

/** Scores are integers for the blossom algorithm (it compares slacks exactly). */
const SCALE = 1_000_000;

export function exactRoundMatching(vertices: number[], edges: { a: number; b: number; w: number }[]): Map<number, number> {
  const local = new Map<number, number>();
  vertices.forEach((v, i) => local.set(v, i));
  const input: [number, number, number][] = edges.map((e) => [local.get(e.a)!, local.get(e.b)!, Math.round(e.w * SCALE)]);
  const mates = new Map<number, number>();
  if (input.length === 0) return mates;
  const mate = blossom(input);
  mate.forEach((u, i) => {
    if (u >= 0) mates.set(vertices[i], vertices[u]);
  });
  return mates;
}

export function exactRoundAfterRound(input: ScheduleInput): Schedule {
  const p = buildProblem(input);
  const { n, rounds } = p;
  const locks = checkLocks(p);
  const used = new Uint8Array(p.pairA.length);
  const count = new Int32Array(n);
  const lockedAhead = new Int32Array(n);
  for (const l of locks) {
    used[p.pairOf(l.a, l.b)] = 1;
    lockedAhead[l.a]++;
    lockedAhead[l.b]++;
  }
  const meetings: ScheduledMeeting[] = [];
  const sitOuts: SitOut[] = [];
  for (let r = 0; r < rounds; r++) {
    const busy = new Uint8Array(n);
    for (const l of locks.filter((x) => x.round === r)) {
      meetings.push(makeMeeting(p, r, l.a, l.b, null, true));
      for (const v of [l.a, l.b]) {
        busy[v] = 1;
        count[v]++;
        lockedAhead[v]--;
      }
    }
    const active = new Uint8Array(n);
    const vertices: number[] = [];
    for (let v = 0; v < n; v++) {
      if (isAvailable(p, v, r) && !busy[v] && count[v] + lockedAhead[v] < p.cap[v]) {
        active[v] = 1;
        vertices.push(v);
      }
    }
    const edges: { a: number; b: number; w: number }[] = [];
    for (let e = 0; e < p.pairA.length; e++) {
      // a zero score still counts as a meeting (as in the engine, a tiny weight)
      if (!used[e] && active[p.pairA[e]] && active[p.pairB[e]]) edges.push({ a: p.pairA[e], b: p.pairB[e], w: p.score[e] + 1e-4 });
    }
    const mates = exactRoundMatching(vertices, edges);
    for (const v of vertices) {
      const u = mates.get(v);
      if (u === undefined) sitOuts.push({ round: r, attendee: v });
      else if (u > v) {
        meetings.push(makeMeeting(p, r, v, u, null, false));
        used[p.pairOf(v, u)] = 1;
        count[v]++;
        count[u]++;
      }
    }
  }
  return finishSchedule(n, meetings, [], sitOuts);
}
