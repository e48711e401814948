// Which rule a manual meeting (a lock, a swap, an added meeting) breaks against a schedule, named in words for the
// organizer. The same checks validate locked meetings before a schedule is generated around them.
import { NO_CAP, isAvailable, type ScheduleProblem } from './schedule-problem.js';
import type { BrokenRule } from './schedule-types.js';

export interface MeetingRef {
  round: number;
  a: number;
  b: number;
  table?: number | null;
}

/**
 * Checks `meeting` against `booked` (the meetings already in the schedule, not including the one checked).
 * TABLES: a meeting means "a and b share a table"; being seated at the same table twice is allowed (repeat
 * table-mates are only avoided), and a table given explicitly must have a free seat or hold one of the two.
 */
export function findBrokenRule(p: ScheduleProblem, booked: readonly MeetingRef[], meeting: MeetingRef): BrokenRule | null {
  const { round, a, b } = meeting;
  const valid = (v: number) => Number.isInteger(v) && v >= 0 && v < p.n;
  if (!Number.isInteger(round) || round < 0 || round >= p.rounds) {
    return { rule: 'INVALID_MEETING', message: `Round ${round + 1} is not a round of this event (1 to ${p.rounds})` };
  }
  if (!valid(a) || !valid(b)) return { rule: 'INVALID_MEETING', message: 'The meeting names an attendee who is not registered' };
  if (a === b) return { rule: 'INVALID_MEETING', message: 'An attendee cannot meet itself' };
  if (p.pairOf(a, b) < 0) {
    return { rule: 'PAIR_NOT_ALLOWED', message: "These two attendees may not meet under the event's who-can-meet rules" };
  }
  for (const v of [a, b]) {
    if (!isAvailable(p, v, round)) {
      return { rule: 'ATTENDEE_UNAVAILABLE', attendee: v, message: `${capitalize(which(v, a))} attendee is not available in round ${round + 1}` };
    }
  }
  const tables = p.input.format === 'TABLES';
  const roundsA = new Set<number>();
  const roundsB = new Set<number>();
  const seated = new Map<number, number>(); // TABLES: attendee -> table in this round
  const tableSize = new Map<number, Set<number>>();
  for (const m of booked) {
    const involvesA = m.a === a || m.b === a;
    const involvesB = m.a === b || m.b === b;
    if (!tables && ((m.a === a && m.b === b) || (m.a === b && m.b === a))) {
      return m.round === round
        ? { rule: 'DOUBLE_BOOKED', message: `These two attendees already meet in round ${round + 1}` }
        : { rule: 'SAME_PAIR_TWICE', message: `These two attendees already meet in round ${m.round + 1}` };
    }
    if (involvesA) roundsA.add(m.round);
    if (involvesB) roundsB.add(m.round);
    if (m.round === round) {
      if (!tables && (involvesA || involvesB)) {
        const v = involvesA ? a : b;
        return { rule: 'DOUBLE_BOOKED', attendee: v, message: `${capitalize(which(v, a))} attendee already has a meeting in round ${round + 1}` };
      }
      if (tables && m.table !== null && m.table !== undefined) {
        for (const v of [m.a, m.b]) {
          seated.set(v, m.table);
          if (!tableSize.has(m.table)) tableSize.set(m.table, new Set());
          tableSize.get(m.table)!.add(v);
        }
      }
    }
  }
  const countA = roundsA.size + (roundsA.has(round) ? 0 : 1);
  const countB = roundsB.size + (roundsB.has(round) ? 0 : 1);
  if (tables) {
    const ta = seated.get(a);
    const tb = seated.get(b);
    if (ta !== undefined && tb !== undefined && ta !== tb) {
      return { rule: 'DOUBLE_BOOKED', message: `The two attendees are seated at different tables in round ${round + 1}` };
    }
    const target = meeting.table ?? ta ?? tb;
    if (target !== undefined && target !== null) {
      if ((ta !== undefined && ta !== target) || (tb !== undefined && tb !== target)) {
        return { rule: 'DOUBLE_BOOKED', message: `An attendee is already seated at another table in round ${round + 1}` };
      }
      const members = tableSize.get(target) ?? new Set<number>();
      const extra = (members.has(a) ? 0 : 1) + (members.has(b) ? 0 : 1);
      if (members.size + extra > (p.input.seatsPerTable ?? 0)) {
        return { rule: 'TABLE_FULL', message: `Table ${target + 1} has no free seat in round ${round + 1}` };
      }
    }
  }
  if (p.cap[a] !== NO_CAP && countA > p.cap[a]) {
    return { rule: 'OVER_CAP', attendee: a, message: `The first attendee would have more than its cap of ${p.cap[a]} meetings` };
  }
  if (p.cap[b] !== NO_CAP && countB > p.cap[b]) {
    return { rule: 'OVER_CAP', attendee: b, message: `The second attendee would have more than its cap of ${p.cap[b]} meetings` };
  }
  return null;
}

function which(v: number, a: number): string {
  return v === a ? 'the first' : 'the second';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
