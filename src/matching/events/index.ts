// The event schedule engine (issue 12): pure, deterministic (same input and seed => same schedule), no database.
// API contract with the EVENTS feature: /work/briefs/events-contract.md. Backwards-compatible additions to it:
// repairSchedule also answers `cancelled` (the meetings dropped) and moved entries carry aWas/bWas (previous
// partners); findBrokenRule answers the rule as a code with its message; ScheduleInputError is thrown for an
// input that breaks its own rules (a locked meeting that breaks one, an out-of-range index, a score outside [0, 1]).
import { findBrokenRule as findBrokenRuleIn } from './manual-check.js';
import { scheduleOneToOne } from './one-to-one.js';
import { repair } from './repair.js';
import { buildProblem } from './schedule-problem.js';
import type { BrokenRule, RepairResult, Schedule, ScheduleChange, ScheduleInput } from './schedule-types.js';
import { scheduleTables } from './tables.js';

export type * from './schedule-types.js';
export { ScheduleInputError } from './schedule-problem.js';

export function generateSchedule(input: ScheduleInput): Schedule {
  const p = buildProblem(input);
  return input.format === 'TABLES' ? scheduleTables(p) : scheduleOneToOne(p);
}

/** After a late cancellation (or check-in no-shows later): fewest changes, locked/past rounds kept. */
export function repairSchedule(input: ScheduleInput, previous: Schedule, change: ScheduleChange): RepairResult {
  return repair(buildProblem(input), previous, change);
}

/** The rule a manual meeting would break (as a code and a sentence for the organizer), or null. */
export function findBrokenRule(input: ScheduleInput, schedule: Schedule, meeting: { round: number; a: number; b: number; table?: number | null }): BrokenRule | null {
  return findBrokenRuleIn(buildProblem({ ...input, locked: [] }), schedule.meetings, meeting);
}

/** Which rule a manual change breaks, or null: pair not allowed, same pair twice, attendee unavailable, double-booked in a round, over its cap. */
export function checkManualMeeting(input: ScheduleInput, schedule: Schedule, meeting: { round: number; a: number; b: number; table?: number | null }): string | null {
  return findBrokenRule(input, schedule, meeting)?.message ?? null;
}
