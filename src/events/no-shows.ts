import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import type { EventRow } from './event-view.js';
import { EventStatus } from './event.enums.js';
import { repairSchedule } from './schedule-engine.js';
import { buildEventProblem } from './schedule-input.js';
import { meetingRows, recordChanges, storeSchedule, toEngineSchedule } from './schedule-store.js';
import { firstOpenRound } from './schedule.service.js';

// No-shows free their later meetings, and the published schedule repairs itself for the rounds not yet begun
// (repairSchedule: the fewest changes; rounds begun and every meeting without a no-show stay as they are). A no-show
// is one the organizers marked, or, once check-in is open, one not checked in `graceMinutes` after the start of a
// round it has a meeting in. What moved is recorded for the organizers (schedule.changes) and each affected
// attendee reads it on its agenda (agenda.changes) without being told who did not come.

const MINUTE = 60_000;

/** Registrations the door rule makes no-shows now: active, not checked in, not yet marked, with a meeting in a round past its grace. */
async function dueNoShows(tx: EntityManager, row: EventRow, now: number): Promise<string[]> {
  if (row.noShowGraceMinutes === null || row.storedStatus !== EventStatus.PUBLISHED) return [];
  const roundMs = row.minutesPerMeeting * MINUTE;
  const elapsed = now - row.startsAt.getTime() - row.noShowGraceMinutes * MINUTE;
  if (elapsed < 0) return [];
  // Rounds whose start plus the grace has passed: 0..lastDue.
  const lastDue = Math.min(row.rounds - 1, Math.floor(elapsed / roundMs));
  const rows: { id: string }[] = await tx.query(
    `SELECT r.id FROM event_registrations r
     WHERE r.event_id = $1 AND r.status = 'ACTIVE' AND r.checked_in_at IS NULL AND r.no_show_at IS NULL
       AND EXISTS (SELECT 1 FROM event_meetings m WHERE m.event_id = $1 AND m.round <= $2
         AND (m.registration_a_id = r.id OR m.registration_b_id = r.id))
     ORDER BY r.id`,
    [row.id, lastDue],
  );
  return rows.map((r) => r.id);
}

/**
 * Marks these registrations as no-shows and repairs the schedule from the first round not yet begun. The caller
 * holds the event row lock. Returns how many meetings were cancelled and how many were made.
 */
export async function freeNoShows(ctx: RequestContext, tx: EntityManager, row: EventRow, registrationIds: string[], now = Date.now()): Promise<{ cancelled: number; added: number }> {
  if (registrationIds.length === 0) return { cancelled: 0, added: 0 };
  await tx.query(`UPDATE event_registrations SET no_show_at = now(), updated_at = now() WHERE id = ANY($1::uuid[]) AND no_show_at IS NULL`, [registrationIds]);
  if (row.storedStatus !== EventStatus.PUBLISHED) return { cancelled: 0, added: 0 };
  const problem = await buildEventProblem(ctx, tx, row);
  const rows = await meetingRows(tx, row.id);
  const removed = registrationIds.map((id) => problem.index.get(id)).filter((i): i is number => i !== undefined);
  const fromRound = firstOpenRound(row, now);
  if (fromRound >= row.rounds) return { cancelled: 0, added: 0 };
  const previous = toEngineSchedule(problem, rows);
  // Locks do not bind a repair (it keeps every meeting it does not have to drop); a no-show's locked meeting goes too.
  const result = repairSchedule({ ...problem.input, locked: [], seed: row.scheduleSeed ?? 0 }, previous, { removed, fromRound });
  await storeSchedule(tx, row.id, problem, rows, result.schedule);
  const id = (i: number) => problem.registrations[i].id;
  const gone = new Set(removed);
  await recordChanges(tx, row.id, [
    ...result.cancelled.map((m) => ({
      round: m.round, registrationIds: [id(m.a), id(m.b)], was: `${gone.has(m.a) && gone.has(m.b) ? 'both sides' : 'one side'} did not come (no-show)`,
    })),
    ...result.moved.map((m) => ({ round: m.round, registrationIds: [id(m.a), id(m.b)], was: m.was })),
  ]);
  return { cancelled: result.cancelled.length, added: result.moved.length };
}

/** Applies the door rule (check-in open with a grace) at `now`: who is due becomes a no-show, the schedule repairs. */
export async function applyDoorRule(ctx: RequestContext, tx: EntityManager, row: EventRow, now = Date.now()): Promise<number> {
  const due = await dueNoShows(tx, row, now);
  await freeNoShows(ctx, tx, row, due, now);
  return due.length;
}
