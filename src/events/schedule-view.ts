import { ForbiddenError } from '../core/errors.js';
import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { band } from '../privacy/anonymous-card.js';
import { CARD_REASON_CODES, isOrganizer } from '../privacy/event-visibility.js';
import { EventParties } from './event-parties.js';
import { roundTimes, type EventRow } from './event-view.js';
import { EventStatus } from './event.enums.js';
import type { EventAgenda, EventAgendaItem, EventCounterpart, EventMeeting, EventSchedule, EventScheduleChange } from './event.types.js';
import type { StoredReason } from './meeting.entity.js';
import { REGISTRATION_COLUMNS, toRegistrations, type RegistrationRow } from './registration-view.js';
import { activeRegistrations } from './schedule-input.js';
import { agendaChanges, askedFromMeetings } from './agenda-extras.js';
import { MEETING_COLUMNS, meetingRows, type MeetingRow } from './schedule-store.js';

// What a schedule shows, and to whom. The organizers see every meeting, sit-out and change. An attendee sees its own
// agenda only, once the schedule is published: its meetings and its own breaks, never anyone else's, never a score or
// a word about a pair that was not scheduled. So nothing an attendee can read tells why two organizations do not
// meet (a do-not-meet entry, a dealbreaker, a kind rule or just a lower score all look alike: no meeting).

interface MeetingWithReasons extends MeetingRow {
  reasonsA: StoredReason[];
  reasonsB: StoredReason[];
}

interface MeetingWithMarks extends MeetingWithReasons {
  heldA: boolean | null;
  heldB: boolean | null;
  ratingA: number | null;
  ratingB: number | null;
}

const rounded = (v: number) => Math.round(v * 1e6) / 1e6;

/** The organizers' view of the schedule; null for anyone else. */
export async function organizerSchedule(ctx: RequestContext, row: EventRow): Promise<EventSchedule | null> {
  if (!isOrganizer(ctx.viewer, row.organizerId)) return null;
  const [registrations, meetings] = await Promise.all([activeRegistrations(ctx.db, row.id), meetingRows(ctx.db, row.id)]);
  const byRegistration = new Map(registrations.map((r) => [r.id, { rounds: new Set<number>(), total: 0 }]));
  for (const m of meetings) {
    for (const id of [m.registrationAId, m.registrationBId]) {
      const entry = byRegistration.get(id);
      if (!entry) continue;
      entry.rounds.add(m.round);
      entry.total += m.score;
    }
  }
  const sitOuts: { round: number; registration: RegistrationRow }[] = [];
  const totals: number[] = [];
  if (meetings.length > 0) {
    for (const r of registrations) {
      const entry = byRegistration.get(r.id)!;
      const rounds = r.availableRounds ?? Array.from({ length: row.rounds }, (_, i) => i);
      if (r.maxMeetings === 0 || rounds.length === 0 || r.noShowAt) continue;
      totals.push(entry.total);
      if (r.maxMeetings !== null && entry.rounds.size >= r.maxMeetings) continue;
      for (const round of rounds) if (round < row.rounds && !entry.rounds.has(round)) sitOuts.push({ round, registration: r });
    }
  }
  const shown = await toRegistrations(ctx, row.organizerId, [...new Set(sitOuts.map((s) => s.registration))]);
  const shownById = new Map(shown.map((r) => [r.id, r]));
  return {
    eventId: row.id,
    seed: row.scheduleSeed,
    generatedAt: row.scheduledAt,
    publishedAt: row.storedStatus === EventStatus.PUBLISHED || row.status === EventStatus.ENDED ? row.publishedAt : null,
    meetingCount: meetings.length,
    minTotal: totals.length ? rounded(Math.min(...totals)) : 0,
    meanTotal: totals.length ? rounded(totals.reduce((s, t) => s + t, 0) / totals.length) : 0,
    sitOuts: sitOuts.sort((a, b) => a.round - b.round).map((s) => ({ round: s.round + 1, registration: shownById.get(s.registration.id)! })),
    changes: await scheduleChanges(ctx, row),
  };
}

async function scheduleChanges(ctx: RequestContext, row: EventRow): Promise<EventScheduleChange[]> {
  const changes: { round: number; registrationIds: string[]; was: string; createdAt: Date }[] = await ctx.db.query(
    `SELECT round, registration_ids AS "registrationIds", was, created_at AS "createdAt" FROM event_schedule_changes
     WHERE event_id = $1 ORDER BY created_at DESC, id LIMIT 200`,
    [row.id],
  );
  const ids = [...new Set(changes.flatMap((c) => c.registrationIds))];
  const rows: RegistrationRow[] = ids.length
    ? await ctx.db.query(`SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.id = ANY($1::uuid[])`, [ids])
    : [];
  const registrations = new Map((await toRegistrations(ctx, row.organizerId, rows)).map((r) => [r.id, r]));
  return changes.map((c) => ({
    round: c.round + 1, was: c.was, createdAt: c.createdAt,
    registrations: c.registrationIds.map((id) => registrations.get(id)).filter((r) => r !== undefined),
  }));
}

/** The organizers' page of meetings (optionally one round), by round and table. */
export async function organizerMeetings(ctx: RequestContext, row: EventRow, round: number | null, page: Page): Promise<ConnectionShape<EventMeeting>> {
  if (!isOrganizer(ctx.viewer, row.organizerId)) throw new ForbiddenError('Only the organizers see the whole schedule');
  const params = new SqlParams();
  const where = [`m.event_id = ${params.add(row.id)}`];
  if (round !== null) where.push(`m.round = ${params.add(round - 1)}`);
  const query = {
    columns: `${MEETING_COLUMNS}, m.reasons_a AS "reasonsA", m.reasons_b AS "reasonsB"`,
    from: 'event_meetings m', where: where.join(' AND '), orderBy: 'm.round, m.table_number NULLS FIRST, m.score DESC, m.id', params,
  };
  return queryPage(ctx.db, query, page, async (rows: MeetingWithReasons[]) => {
    const ids = [...new Set(rows.flatMap((m) => [m.registrationAId, m.registrationBId]))];
    const regRows: RegistrationRow[] = ids.length
      ? await ctx.db.query(`SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.id = ANY($1::uuid[])`, [ids])
      : [];
    const registrations = new Map((await toRegistrations(ctx, row.organizerId, regRows)).map((r) => [r.id, r]));
    return rows.map((m) => ({
      id: m.id,
      round: m.round + 1,
      ...roundTimes(row, m.round),
      table: m.tableNumber === null ? null : m.tableNumber + 1,
      score: m.score,
      reasons: m.reasonsA,
      locked: m.locked,
      manual: m.manual,
      registrations: [registrations.get(m.registrationAId)!, registrations.get(m.registrationBId)!].filter(Boolean),
    }));
  });
}

/**
 * The agenda of one registered organization, for its members, once the schedule is published (null before, or when it
 * is not registered). Rounds it is available in, in order; a counterpart it may not name is an anonymous card with a
 * banded score and only the reasons about what the card shows.
 */
export async function agendaFor(ctx: RequestContext, row: EventRow, organizationId: string): Promise<EventAgenda | null> {
  const orgId = await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization see its agenda');
  if (row.storedStatus !== EventStatus.PUBLISHED && row.status !== EventStatus.ENDED) return null;
  const [mine]: RegistrationRow[] = await ctx.db.query(
    `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.organization_id = $2 AND r.status = 'ACTIVE'`,
    [row.id, orgId],
  );
  if (!mine) return null;
  const meetings: MeetingWithMarks[] = await ctx.db.query(
    `SELECT ${MEETING_COLUMNS}, m.reasons_a AS "reasonsA", m.reasons_b AS "reasonsB", m.held_a AS "heldA", m.held_b AS "heldB",
       m.rating_a AS "ratingA", m.rating_b AS "ratingB" FROM event_meetings m
     WHERE m.event_id = $1 AND (m.registration_a_id = $2 OR m.registration_b_id = $2) ORDER BY m.round, m.id`,
    [row.id, mine.id],
  );
  const [introductions, changes] = await Promise.all([
    askedFromMeetings(ctx, meetings.map((m) => m.id), orgId),
    agendaChanges(ctx, row.id, mine.id),
  ]);
  const otherIds = meetings.map((m) => (m.registrationAId === mine.id ? m.registrationBId : m.registrationAId));
  const others: RegistrationRow[] = otherIds.length
    ? await ctx.db.query(`SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.id = ANY($1::uuid[])`, [otherIds])
    : [];
  const otherById = new Map(others.map((r) => [r.id, r]));
  const parties = await EventParties.load(ctx, [mine.organizationId, ...mine.doNotMeetIds, ...others.map((r) => r.organizationId)]);
  const [registration] = await toRegistrations(ctx, row.organizerId, [mine], parties);
  const counterpart = (m: MeetingWithMarks): EventCounterpart => {
    const mineIsA = m.registrationAId === mine.id;
    const other = otherById.get(mineIsA ? m.registrationBId : m.registrationAId)!;
    const named = parties.named(other.organizationId);
    const reasons = mineIsA ? m.reasonsA : m.reasonsB;
    return {
      ...parties.party(other.organizationId),
      people: named ? other.people : [],
      score: named ? m.score : band(m.score),
      reasons: named ? reasons : reasons.filter((r) => CARD_REASON_CODES.has(r.code)).map((r) => ({ ...r, weight: band(r.weight) })),
      // Only this side's own answers and asks: the other side's mark, rating or introduction never appear here.
      meetingId: m.id,
      viewerHeld: mineIsA ? m.heldA : m.heldB,
      viewerRating: mineIsA ? m.ratingA : m.ratingB,
      viewerIntroduction: introductions.get(m.id) ?? null,
    };
  };
  const rounds = mine.availableRounds ?? Array.from({ length: row.rounds }, (_, i) => i);
  const items: EventAgendaItem[] = rounds.filter((r) => r < row.rounds).map((round) => {
    const here = meetings.filter((m) => m.round === round);
    return {
      round: round + 1,
      ...roundTimes(row, round),
      table: here[0]?.tableNumber === null || here[0] === undefined ? null : here[0].tableNumber + 1,
      sitOut: here.length === 0,
      with: here.map(counterpart).sort((a, b) => b.score - a.score),
    };
  });
  return { registration, items, changes };
}
