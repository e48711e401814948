// References for TABLES quality (tests and the schedule bench only): random seating (the floor any method must
// beat) and a long local search (many seeded restarts of the engine's construction and swap search plus random
// kicks, the best kept per round), both under the same round-by-round rules as the engine.
import { buildProblem } from '../events/schedule-problem.js';
import { seededPermutation } from '../events/seeded-random.js';
import type { Schedule, ScheduleInput } from '../events/schedule-types.js';
import { greedySeating, improveSeating, roundObjective, scheduleTables, type SeatRound } from '../events/tables.js';

export function randomSeating(input: ScheduleInput): Schedule {
  const seat: SeatRound = (tr, rand) => {
    const k = tr.people.length;
    const out = Int32Array.from(tr.pinned);
    const size = new Int32Array(tr.tables);
    for (const t of out) if (t >= 0) size[t]++;
    const cap = Math.min(tr.seats, Math.ceil(k / tr.tables));
    let t = 0;
    for (const i of seededPermutation(k, rand)) {
      if (out[i] >= 0) continue;
      while (size[t % tr.tables] >= cap) t++;
      out[i] = t % tr.tables;
      size[t % tr.tables]++;
      t++;
    }
    return out;
  };
  return scheduleTables(buildProblem(input), seat);
}

export function longTableSearch(input: ScheduleInput, restarts = 20, kicks = 30): Schedule {
  const seat: SeatRound = (tr, rand) => {
    let best: Int32Array | null = null;
    let bestValue = -Infinity;
    const k = tr.people.length;
    for (let r = 0; r < restarts; r++) {
      const order = seededPermutation(k, rand);
      const cur = greedySeating(tr, order);
      improveSeating(tr, cur, order, 1000);
      for (let kick = 0; kick <= kicks; kick++) {
        const value = roundObjective(tr, cur);
        if (value > bestValue) {
          bestValue = value;
          best = Int32Array.from(cur);
        }
        // kick: a few random swaps of unpinned attendees from the best seating, then search again
        cur.set(best!);
        for (let s = 0; s < 3; s++) {
          const x = Math.floor(rand() * k);
          const y = Math.floor(rand() * k);
          if (tr.pinned[x] < 0 && tr.pinned[y] < 0) [cur[x], cur[y]] = [cur[y], cur[x]];
        }
        improveSeating(tr, cur, seededPermutation(k, rand), 1000);
      }
    }
    return best!;
  };
  return scheduleTables(buildProblem(input), seat);
}

/** Summed pair scores at the tables, and pairs seated together more than once. */
export function tableQuality(s: Schedule): { total: number; repeats: number } {
  const total = s.tables.reduce((acc, t) => acc + t.score, 0);
  const seen = new Map<string, number>();
  for (const m of s.meetings) seen.set(`${m.a}:${m.b}`, (seen.get(`${m.a}:${m.b}`) ?? 0) + 1);
  let repeats = 0;
  for (const c of seen.values()) repeats += c - 1;
  return { total, repeats };
}
