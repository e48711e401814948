import type { EntityManager } from 'typeorm';
import type { Schedule, ScheduledMeeting } from './schedule-engine.js';
import { pairKey, type EventProblem } from './schedule-input.js';

// Meetings between the database (rows keyed by registration ids, sides ordered by uuid) and the engine (attendee
// indexes, a < b). Writes touch only what changed, so a repair or a regeneration around locks keeps every row
// (and its id, its lock, its manual flag) that stays as it was.

export interface MeetingRow {
  id: string;
  round: number;
  registrationAId: string;
  registrationBId: string;
  tableNumber: number | null;
  score: number;
  locked: boolean;
  manual: boolean;
}

export const MEETING_COLUMNS = `m.id, m.round, m.registration_a_id AS "registrationAId", m.registration_b_id AS "registrationBId",
  m.table_number AS "tableNumber", m.score, m.locked, m.manual`;

export async function meetingRows(tx: Pick<EntityManager, 'query'>, eventId: string): Promise<MeetingRow[]> {
  return tx.query(`SELECT ${MEETING_COLUMNS} FROM event_meetings m WHERE m.event_id = $1 ORDER BY m.round, m.table_number NULLS FIRST, m.id`, [eventId]);
}

/** The stored meetings as the engine's schedule (rows of registrations no longer active are left out). */
export function toEngineSchedule(problem: EventProblem, rows: MeetingRow[]): Schedule {
  const meetings: ScheduledMeeting[] = [];
  for (const row of rows) {
    const x = problem.index.get(row.registrationAId);
    const y = problem.index.get(row.registrationBId);
    if (x === undefined || y === undefined) continue;
    meetings.push({ round: row.round, a: Math.min(x, y), b: Math.max(x, y), table: row.tableNumber, score: row.score, reasons: [], locked: row.locked });
  }
  meetings.sort((p, q) => p.round - q.round || p.a - q.a || p.b - q.b);
  const totals = new Array<number>(problem.registrations.length).fill(0);
  for (const m of meetings) {
    totals[m.a] += m.score;
    totals[m.b] += m.score;
  }
  const tables = new Map<string, { round: number; table: number; members: Set<number>; score: number }>();
  for (const m of meetings) {
    if (m.table === null) continue;
    const key = `${m.round}:${m.table}`;
    const t = tables.get(key) ?? { round: m.round, table: m.table, members: new Set<number>(), score: 0 };
    t.members.add(m.a);
    t.members.add(m.b);
    t.score += m.score;
    tables.set(key, t);
  }
  return {
    meetings,
    tables: [...tables.values()].map((t) => ({ round: t.round, table: t.table, members: [...t.members].sort((p, q) => p - q), score: t.score })),
    sitOuts: [],
    totals,
  };
}

const keyOf = (round: number, a: string, b: string, table: number | null) => `${round}:${a}:${b}:${table ?? ''}`;

/**
 * Makes the stored meetings of an event equal to `schedule`: rows not in it are deleted, meetings not yet stored
 * are inserted (with their scores and both sides' reasons), the rest stay. Returns the inserted meetings.
 */
export async function storeSchedule(
  tx: EntityManager, eventId: string, problem: EventProblem, rows: MeetingRow[], schedule: Schedule,
  flags: { locked: boolean; manual: boolean } = { locked: false, manual: false },
): Promise<ScheduledMeeting[]> {
  const wanted = new Map<string, ScheduledMeeting>();
  for (const m of schedule.meetings) {
    const ids = [problem.registrations[m.a].id, problem.registrations[m.b].id].sort();
    wanted.set(keyOf(m.round, ids[0], ids[1], m.table), m);
  }
  const stale = rows.filter((r) => !wanted.delete(keyOf(r.round, r.registrationAId, r.registrationBId, r.tableNumber))).map((r) => r.id);
  if (stale.length) await tx.query('DELETE FROM event_meetings WHERE id = ANY($1::uuid[])', [stale]);
  const added = [...wanted.values()];
  await insertMeetings(tx, eventId, problem, added, flags);
  return added;
}

export async function insertMeetings(
  tx: EntityManager, eventId: string, problem: EventProblem, meetings: ScheduledMeeting[], flags: { locked: boolean; manual: boolean },
): Promise<void> {
  if (meetings.length === 0) return;
  const cols = { round: [] as number[], a: [] as string[], b: [] as string[], table: [] as (number | null)[], score: [] as number[], ra: [] as string[], rb: [] as string[] };
  for (const m of meetings) {
    const x = problem.registrations[m.a].id;
    const y = problem.registrations[m.b].id;
    const info = problem.pairs.get(pairKey(m.a, m.b));
    const [first, second] = x < y ? [m.a, m.b] : [m.b, m.a];
    // reasonsA belongs to the lower engine index; stored side A is the lower uuid.
    const lowerIndexFirst = first === Math.min(m.a, m.b);
    cols.round.push(m.round);
    cols.a.push(problem.registrations[first].id);
    cols.b.push(problem.registrations[second].id);
    cols.table.push(m.table);
    cols.score.push(info?.score ?? m.score);
    cols.ra.push(JSON.stringify((lowerIndexFirst ? info?.reasonsA : info?.reasonsB) ?? []));
    cols.rb.push(JSON.stringify((lowerIndexFirst ? info?.reasonsB : info?.reasonsA) ?? []));
  }
  await tx.query(
    `INSERT INTO event_meetings (event_id, round, registration_a_id, registration_b_id, table_number, score, reasons_a, reasons_b, locked, manual)
     SELECT $1, t.round, t.a, t.b, t.tbl, t.score, t.ra::jsonb, t.rb::jsonb, $9, $10
     FROM unnest($2::smallint[], $3::uuid[], $4::uuid[], $5::smallint[], $6::float8[], $7::text[], $8::text[]) AS t(round, a, b, tbl, score, ra, rb)`,
    [eventId, cols.round, cols.a, cols.b, cols.table, cols.score, cols.ra, cols.rb, flags.locked, flags.manual],
  );
}

/** What a repair moved, for the organizers (schedule.changes). */
export async function recordChanges(tx: EntityManager, eventId: string, changes: { round: number; registrationIds: string[]; was: string }[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO event_schedule_changes (event_id, round, registration_ids, was)
     SELECT $1, t.round, string_to_array(t.ids, ',')::uuid[], t.was FROM unnest($2::smallint[], $3::text[], $4::text[]) AS t(round, ids, was)`,
    [eventId, changes.map((c) => c.round), changes.map((c) => c.registrationIds.join(',')), changes.map((c) => c.was)],
  );
}
