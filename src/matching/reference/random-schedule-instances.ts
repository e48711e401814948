// Seeded random event-schedule instances, for tests and the schedule bench only (not used by the service).
// Attendees seek and offer a few of SKILLS; a pair's score is how well each offers what the other seeks, plus
// noise, so scores have structure (some attendees are wanted by many, some by few) like real partner scores.
import type { LockedMeeting, ScheduleAttendee, ScheduleFormat, ScheduleInput, SchedulePair } from '../events/schedule-types.js';
import { seededRandom } from '../events/seeded-random.js';

const SKILLS = 12;
const REASONS = ['Offers what you seek', 'Works on the same issue'];

export interface ScheduleInstanceOptions {
  attendees: number;
  rounds: number;
  format?: ScheduleFormat;
  seatsPerTable?: number;
  /** share of pairs that may meet (default 0.95) */
  density?: number;
  /** chance an attendee misses any one round (default 0.1) */
  missRate?: number;
  /** chance an attendee has a cap on meetings (default 0.15) */
  capRate?: number;
  /** locked meetings to draw (default 0) */
  locks?: number;
}

function skillSet(rand: () => number): number {
  let mask = 0;
  const k = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < k; i++) mask |= 1 << Math.floor(rand() * SKILLS);
  return mask;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

export function randomScheduleInstance(seed: number, opts: ScheduleInstanceOptions): ScheduleInput {
  const rand = seededRandom(seed * 7919 + 17);
  const n = opts.attendees;
  const rounds = opts.rounds;
  const density = opts.density ?? 0.95;
  const missRate = opts.missRate ?? 0.1;
  const capRate = opts.capRate ?? 0.15;
  const seeks: number[] = [];
  const offers: number[] = [];
  const appeal: number[] = [];
  const attendees: ScheduleAttendee[] = [];
  for (let v = 0; v < n; v++) {
    seeks.push(skillSet(rand));
    offers.push(skillSet(rand));
    appeal.push(0.5 + rand());
    const availableRounds: number[] = [];
    for (let r = 0; r < rounds; r++) if (rand() >= missRate) availableRounds.push(r);
    const maxMeetings = rand() < capRate ? 1 + Math.floor(rand() * Math.max(1, rounds - 1)) : null;
    attendees.push({ id: `att-${v}`, availableRounds, maxMeetings });
  }
  const pairs: SchedulePair[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (rand() >= density) continue;
      const fit = popcount(seeks[a] & offers[b]) + popcount(seeks[b] & offers[a]);
      const raw = (0.25 * fit + 0.35 * rand()) * Math.sqrt(appeal[a] * appeal[b]);
      const score = Math.round(Math.min(1, raw) * 1000) / 1000;
      pairs.push({ a, b, score, reasons: REASONS });
    }
  }
  const locked: LockedMeeting[] = [];
  if (opts.locks) {
    const used = new Set<string>();
    for (let tries = 0; locked.length < opts.locks && tries < opts.locks * 50; tries++) {
      const pair = pairs[Math.floor(rand() * pairs.length)];
      if (!pair) break;
      const round = Math.floor(rand() * rounds);
      const key = `${pair.a}:${pair.b}`;
      const clash = locked.some((l) => l.round === round && (l.a === pair.a || l.b === pair.a || l.a === pair.b || l.b === pair.b));
      const ok = [pair.a, pair.b].every((v) => attendees[v].availableRounds.includes(round) && (attendees[v].maxMeetings ?? Infinity) >= 1 + locked.filter((l) => l.a === v || l.b === v).length);
      if (used.has(key) || clash || !ok) continue;
      used.add(key);
      locked.push({ round, a: pair.a, b: pair.b });
    }
  }
  return {
    format: opts.format ?? 'ONE_TO_ONE',
    rounds,
    seatsPerTable: opts.format === 'TABLES' ? (opts.seatsPerTable ?? 6) : undefined,
    attendees,
    pairs,
    locked,
    seed,
  };
}
