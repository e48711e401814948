// Schedule quality, measured: ONE_TO_ONE against the exact maximum-weight matching of each round, round after
// round (edmonds-blossom: matching/reference/exact-schedule.ts), and TABLES against random seating and a long
// local search. The reference itself is checked against brute force on tiny graphs first.
import { generateSchedule } from '../../src/matching/events/index.js';
import { exactRoundAfterRound, exactRoundMatching } from '../../src/matching/reference/exact-schedule.js';
import { randomScheduleInstance } from '../../src/matching/reference/random-schedule-instances.js';
import { scheduleViolations } from '../../src/matching/reference/schedule-invariants.js';
import { longTableSearch, randomSeating, tableQuality } from '../../src/matching/reference/table-references.js';
import { seededRandom } from '../../src/matching/events/seeded-random.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function bruteForce(n: number, w: Map<string, number>): number {
  const best = (left: number[]): number => {
    if (left.length < 2) return 0;
    const [v, ...rest] = left;
    let b = best(rest); // v single
    rest.forEach((u, i) => {
      const x = w.get(`${Math.min(u, v)}:${Math.max(u, v)}`);
      if (x !== undefined) b = Math.max(b, x + best(rest.filter((_, j) => j !== i)));
    });
    return b;
  };
  return best([...Array(n).keys()]);
}

describe('the exact reference', () => {
  it('edmonds-blossom finds the maximum-weight matching (brute force, 40 random graphs of up to 9 vertices)', () => {
    const rand = seededRandom(11);
    for (let t = 0; t < 40; t++) {
      const n = 2 + Math.floor(rand() * 8);
      const edges: { a: number; b: number; w: number }[] = [];
      const w = new Map<string, number>();
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rand() < 0.6) {
        const x = Math.round(rand() * 1000) / 1000;
        edges.push({ a, b, w: x });
        w.set(`${a}:${b}`, x);
      }
      const mates = exactRoundMatching([...Array(n).keys()], edges);
      let total = 0;
      for (const [v, u] of mates) {
        expect(mates.get(u)).toBe(v);
        if (u > v) total += w.get(`${v}:${u}`)!;
      }
      expect(total).toBeCloseTo(bruteForce(n, w), 6);
    }
  });
});

describe('ONE_TO_ONE against the exact matching, round after round', () => {
  // [attendees, rounds, density, seeds]: total >= 99% of the reference's, lowest attendee total not below it
  const cases: [number, number, number, number][] = [[30, 6, 0.9, 8], [50, 8, 0.9, 8], [101, 8, 0.5, 5], [160, 8, 0.95, 3]];
  it.each(cases)('%i attendees, %i rounds, density %f (%i seeds)', (n, rounds, density, seeds) => {
    for (let seed = 1; seed <= seeds; seed++) {
      const input = randomScheduleInstance(seed, { attendees: n, rounds, density, locks: 2 });
      const ours = generateSchedule(input);
      const ref = exactRoundAfterRound(input);
      expect(scheduleViolations(input, ref)).toEqual([]);
      const ratio = sum(ours.totals) / sum(ref.totals);
      expect({ seed, ratio: ratio >= 0.99 ? 'ok' : ratio }).toEqual({ seed, ratio: 'ok' });
      expect(Math.min(...ours.totals)).toBeGreaterThanOrEqual(Math.min(...ref.totals) - 1e-9);
    }
  });
});

describe('TABLES against random seating and a long local search', () => {
  it.each([[30, 4, 5], [60, 5, 6]])('%i attendees, %i rounds, %i seats', (n, rounds, seats) => {
    for (let seed = 1; seed <= 3; seed++) {
      const input = randomScheduleInstance(seed, { attendees: n, rounds, format: 'TABLES', seatsPerTable: seats, missRate: 0.05, capRate: 0 });
      const ours = tableQuality(generateSchedule(input));
      const random = tableQuality(randomSeating(input));
      const long = tableQuality(longTableSearch(input, 5, 10));
      expect(ours.total).toBeGreaterThan(1.3 * random.total);
      expect(ours.total).toBeGreaterThanOrEqual(0.97 * long.total);
      expect(ours.repeats).toBeLessThanOrEqual(Math.max(2, random.repeats));
    }
  });
});
