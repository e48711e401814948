import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { lockEventAsOrganizer } from './event-access.js';
import type { EventRow } from './event-view.js';
import { EventFormat, EventStatus } from './event.enums.js';
import type { EventIdInput } from './event.inputs.js';
import { assertChangeable } from './event.service.js';
import { REFUSAL_MESSAGES } from './pair-rules.js';
import type { EventMeetingAddInput, EventMeetingIdInput, EventMeetingLockInput, EventMeetingsSwapInput, EventScheduleGenerateInput } from './schedule.inputs.js';
import {
  findBrokenRule, generateSchedule, repairSchedule, ScheduleInputError, type LockedMeeting, type Schedule, type ScheduledMeeting,
} from './schedule-engine.js';
import { buildEventProblem, pairKey, type EventProblem } from './schedule-input.js';
import { insertMeetings, meetingRows, recordChanges, storeSchedule, toEngineSchedule, type MeetingRow } from './schedule-store.js';

// The organizer's workflow: generate a draft (around the locked meetings), lock, add, remove and swap meetings by
// hand (each change checked, and refused with the rule it would break), publish, and repair a published schedule
// after a late cancellation with the fewest changes. Each function runs in runMutation's transaction, holding the
// event row lock (event-access.ts), and returns the event id.

function assertEditable(row: EventRow): void {
  assertChangeable(row, 'input.eventId');
}

function lockedMeetings(problem: EventProblem, rows: MeetingRow[]): LockedMeeting[] {
  return toEngineSchedule(problem, rows.filter((r) => r.locked)).meetings.map((m) => ({ round: m.round, a: m.a, b: m.b, ...(m.table !== null ? { table: m.table } : {}) }));
}

/** A lock that now breaks a rule (a registration changed since) is named, so the organizer can release it. */
function checkLocks(problem: EventProblem, locks: LockedMeeting[]): void {
  const kept: ScheduledMeeting[] = [];
  for (const lock of locks) {
    const refusal = problem.refusals.get(pairKey(lock.a, lock.b));
    const broken = refusal ? { rule: refusal, message: REFUSAL_MESSAGES[refusal] }
      : findBrokenRule({ ...problem.input, seed: 0 }, { meetings: kept, tables: [], sitOuts: [], totals: [] }, lock);
    if (broken) {
      throw new UserInputError('LOCKED_MEETING_BREAKS_RULE', 'input.eventId',
        `A locked meeting in round ${lock.round + 1} breaks a rule (${broken.rule}): ${broken.message}. Release or remove it, then generate again`);
    }
    kept.push({ ...lock, table: lock.table ?? null, score: 0, reasons: [], locked: true });
  }
}

export async function generate(ctx: RequestContext, tx: EntityManager, input: EventScheduleGenerateInput): Promise<{ eventId: string; seed: number }> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  assertEditable(row);
  if (row.storedStatus === EventStatus.PUBLISHED) {
    throw new UserInputError('SCHEDULE_PUBLISHED', 'input.eventId', 'The schedule is published: change it meeting by meeting, or let cancellations repair it');
  }
  const problem = await buildEventProblem(ctx, tx, row);
  if (problem.registrations.length < 2) {
    throw new UserInputError('NOT_ENOUGH_ATTENDEES', 'input.eventId', 'A schedule needs at least two active registrations');
  }
  const rows = await meetingRows(tx, row.id);
  const locked = lockedMeetings(problem, rows);
  checkLocks(problem, locked);
  const seed = input.seed ?? randomInt(0, 2_147_483_647);
  let schedule: Schedule;
  try {
    schedule = generateSchedule({ ...problem.input, locked, seed });
  } catch (error) {
    if (error instanceof ScheduleInputError) throw new UserInputError('INVALID_SCHEDULE_INPUT', 'input.eventId', error.message);
    throw error;
  }
  // Locked rows stay as they are (storeSchedule keeps rows the new schedule still holds); the rest is replaced.
  await storeSchedule(tx, row.id, problem, rows, schedule);
  await tx.query(
    `UPDATE events SET status = 'SCHEDULED', schedule_seed = $2, scheduled_at = now(), updated_at = now() WHERE id = $1`,
    [row.id, seed],
  );
  return { eventId: row.id, seed };
}

export async function publish(ctx: RequestContext, tx: EntityManager, input: EventIdInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  assertEditable(row);
  if (row.storedStatus === EventStatus.PUBLISHED) throw new UserInputError('ALREADY_PUBLISHED', 'input.eventId', 'The schedule is already published');
  if (row.storedStatus !== EventStatus.SCHEDULED) {
    throw new UserInputError('INVALID_STATE', 'input.eventId', 'There is no schedule to publish: generate one first');
  }
  await tx.query(`UPDATE events SET status = 'PUBLISHED', published_at = now(), updated_at = now() WHERE id = $1`, [row.id]);
  return row.id;
}

/** A schedule can be edited by hand once it exists (or to start one by hand), until the event ends. */
async function editContext(ctx: RequestContext, tx: EntityManager, eventId: string) {
  const { row } = await lockEventAsOrganizer(ctx, tx, eventId);
  assertEditable(row);
  const problem = await buildEventProblem(ctx, tx, row);
  const rows = await meetingRows(tx, row.id);
  return { row, problem, rows };
}

async function markScheduled(tx: EntityManager, row: EventRow): Promise<void> {
  if (row.storedStatus !== EventStatus.PUBLISHED && row.storedStatus !== EventStatus.SCHEDULED) {
    await tx.query(`UPDATE events SET status = 'SCHEDULED', scheduled_at = now() WHERE id = $1`, [row.id]);
  }
}

/** The rule a meeting would break against the other meetings, as a user error on `field`, or nothing. */
function checkMeeting(problem: EventProblem, others: ScheduledMeeting[], meeting: { round: number; a: number; b: number; table: number | null }, field: string): void {
  const refusal = problem.refusals.get(pairKey(meeting.a, meeting.b));
  if (refusal) throw new UserInputError(refusal, field, REFUSAL_MESSAGES[refusal]);
  const broken = findBrokenRule({ ...problem.input, seed: 0 }, { meetings: others, tables: [], sitOuts: [], totals: [] }, meeting);
  if (broken) throw new UserInputError(broken.rule, field, broken.message);
}

/** TABLES: where two attendees sit together in a round: the table one of them has, else a new table. */
function tableFor(schedule: Schedule, round: number, a: number, b: number, asked: number | null): number | null {
  if (asked !== null) return asked;
  const seated = schedule.meetings.find((m) => m.round === round && m.table !== null && (m.a === a || m.b === a || m.a === b || m.b === b));
  if (seated) return seated.table;
  const used = schedule.meetings.filter((m) => m.round === round && m.table !== null).map((m) => m.table as number);
  return used.length ? Math.max(...used) + 1 : 0;
}

export async function addMeeting(ctx: RequestContext, tx: EntityManager, input: EventMeetingAddInput): Promise<string> {
  const { row, problem, rows } = await editContext(ctx, tx, input.eventId);
  const [x, y] = input.registrationIds.map((id) => (isUuid(id) ? problem.index.get(id.toLowerCase()) : undefined));
  if (x === undefined || y === undefined) {
    throw new UserInputError('UNKNOWN_REGISTRATION', 'input.registrationIds', 'Both must be active registrations of this event');
  }
  const current = toEngineSchedule(problem, rows);
  const round = input.round - 1;
  const tables = row.format === EventFormat.TABLES;
  const table = tables ? tableFor(current, round, x, y, input.table ? input.table - 1 : null) : null;
  const meeting = { round, a: Math.min(x, y), b: Math.max(x, y), table };
  checkMeeting(problem, current.meetings, meeting, 'input.registrationIds');
  // Placed by hand means agreed: it is locked, so regeneration and repairs keep it.
  await insertMeetings(tx, row.id, problem, [{ ...meeting, score: 0, reasons: [], locked: true }], { locked: true, manual: true });
  await markScheduled(tx, row);
  return row.id;
}

async function meetingOf(tx: EntityManager, meetingId: string): Promise<{ id: string; eventId: string } | null> {
  if (!isUuid(meetingId)) return null;
  const rows: { id: string; eventId: string }[] = await tx.query('SELECT id, event_id AS "eventId" FROM event_meetings WHERE id = $1', [meetingId]);
  return rows[0] ?? null;
}

/** Loads the event of a meeting for an organizer's edit; a meeting of an event one does not organize is NOT_FOUND. */
async function meetingContext(ctx: RequestContext, tx: EntityManager, meetingId: string) {
  const meeting = await meetingOf(tx, meetingId);
  if (!meeting) throw new NotFoundError('Meeting');
  try {
    const context = await editContext(ctx, tx, meeting.eventId);
    const stored = context.rows.find((r) => r.id === meeting.id);
    if (!stored) throw new NotFoundError('Meeting');
    return { ...context, stored };
  } catch (error) {
    // The meeting exists for the organizers only: anyone else learns nothing of it, not even its event.
    if (error instanceof NotFoundError || (error as { code?: string }).code === 'FORBIDDEN') throw new NotFoundError('Meeting');
    throw error;
  }
}

export async function removeMeeting(ctx: RequestContext, tx: EntityManager, input: EventMeetingIdInput): Promise<string> {
  const { row, stored } = await meetingContext(ctx, tx, input.meetingId);
  await tx.query('DELETE FROM event_meetings WHERE id = $1', [stored.id]);
  if (row.storedStatus === EventStatus.PUBLISHED) {
    await recordChanges(tx, row.id, [{ round: stored.round, registrationIds: [stored.registrationAId, stored.registrationBId], was: 'removed by the organizers' }]);
  }
  return row.id;
}

export async function lockMeeting(ctx: RequestContext, tx: EntityManager, input: EventMeetingLockInput): Promise<string> {
  const { row, stored } = await meetingContext(ctx, tx, input.meetingId);
  await tx.query('UPDATE event_meetings SET locked = $2 WHERE id = $1', [stored.id, input.locked ?? true]);
  return row.id;
}

export async function swapMeetings(ctx: RequestContext, tx: EntityManager, input: EventMeetingsSwapInput): Promise<string> {
  const [firstId, secondId] = input.meetingIds;
  const first = await meetingContext(ctx, tx, firstId);
  const second = first.rows.find((r) => isUuid(secondId) && r.id === secondId.toLowerCase());
  if (!second || second.id === first.stored.id) throw new NotFoundError('Meeting');
  const { row, problem, rows, stored } = first;
  if (row.format !== EventFormat.ONE_TO_ONE) {
    throw new UserInputError('NOT_ONE_TO_ONE', 'input.meetingIds', 'At a TABLES event, remove a meeting and add the seat you want instead');
  }
  const idx = (id: string) => problem.index.get(id)!;
  const [a, b, c, d] = [stored.registrationAId, stored.registrationBId, second.registrationAId, second.registrationBId].map(idx);
  // Same round: exchange partners (A-B, C-D -> A-D, C-B). Different rounds: exchange the rounds.
  const replacements = stored.round === second.round
    ? [{ round: stored.round, a, b: d }, { round: stored.round, a: c, b }]
    : [{ round: second.round, a, b }, { round: stored.round, a: c, b: d }];
  const others = toEngineSchedule(problem, rows.filter((r) => r.id !== stored.id && r.id !== second.id)).meetings;
  const placed: ScheduledMeeting[] = [];
  for (const m of replacements) {
    const meeting = { round: m.round, a: Math.min(m.a, m.b), b: Math.max(m.a, m.b), table: null };
    checkMeeting(problem, [...others, ...placed], meeting, 'input.meetingIds');
    placed.push({ ...meeting, score: 0, reasons: [], locked: true });
  }
  await tx.query('DELETE FROM event_meetings WHERE id = ANY($1::uuid[])', [[stored.id, second.id]]);
  await insertMeetings(tx, row.id, problem, placed, { locked: true, manual: true });
  if (row.storedStatus === EventStatus.PUBLISHED) {
    await recordChanges(tx, row.id, placed.map((m) => ({
      round: m.round, registrationIds: [problem.registrations[m.a].id, problem.registrations[m.b].id], was: 'swapped by the organizers',
    })));
  }
  return row.id;
}

/** The first round that has not started yet: a repair never rewrites history. */
export function firstOpenRound(row: EventRow, now = Date.now()): number {
  if (now < row.startsAt.getTime()) return 0;
  return Math.floor((now - row.startsAt.getTime()) / (row.minutesPerMeeting * 60_000)) + 1;
}

/**
 * Takes a registration out of the schedule before it is cancelled. A draft just loses its meetings; a published
 * schedule is repaired by the engine with the fewest changes (rounds already begun and locked meetings kept), and
 * what moved is recorded for the organizers.
 */
export async function dropFromSchedule(ctx: RequestContext, tx: EntityManager, row: EventRow, registrationId: string): Promise<void> {
  if (row.storedStatus !== EventStatus.PUBLISHED) {
    await tx.query('DELETE FROM event_meetings WHERE registration_a_id = $1 OR registration_b_id = $1', [registrationId]);
    return;
  }
  const problem = await buildEventProblem(ctx, tx, row);
  const rows = await meetingRows(tx, row.id);
  const removed = problem.index.get(registrationId)!;
  const fromRound = firstOpenRound(row);
  const previous = toEngineSchedule(problem, rows);
  const result = repairSchedule({ ...problem.input, locked: lockedMeetings(problem, rows.filter((r) => r.registrationAId !== registrationId && r.registrationBId !== registrationId)), seed: row.scheduleSeed ?? 0 },
    previous, { removed: [removed], fromRound });
  // Meetings of the cancelled registration in rounds already begun stay as history until the row goes.
  await storeSchedule(tx, row.id, problem, rows, result.schedule);
  await recordChanges(tx, row.id, result.moved.map((m) => ({
    round: m.round, registrationIds: [problem.registrations[m.a].id, problem.registrations[m.b].id], was: m.was,
  })));
}
