import type { ConnectionShape, Page } from '../core/connection.js';
import { isUuid } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { canSeeAttendeeList, isOrganizer, listableAttendeesSql, visibleEventsSql } from '../privacy/event-visibility.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import { loadSkills, skillList } from './event-parties.js';
import { EVENT_COLUMNS, EVENT_FROM, EVENT_STATUS_SQL, toEvent, type EventRow } from './event-view.js';
import type { EventStatus, RegistrationStatus } from './event.enums.js';
import type { Event, EventAttendee, EventRegistration } from './event.types.js';
import { REGISTRATION_COLUMNS, toRegistrations, type RegistrationRow } from './registration-view.js';

// Reads: the events list, and the lists inside one event (registrations in full, the attendee list).

export interface EventListArgs {
  organizerOrganizationId?: string | null;
  statuses?: EventStatus[] | null;
  upcoming?: boolean | null;
  registeredOrganizationId?: string | null;
}

/** Events the viewer may see, soonest first. */
export async function listEvents(ctx: RequestContext, args: EventListArgs, page: Page): Promise<ConnectionShape<Event>> {
  const params = new SqlParams();
  const where = [visibleEventsSql(ctx.viewer, params)];
  if (args.organizerOrganizationId) where.push(`e.organizer_organization_id = ${params.add(isUuid(args.organizerOrganizationId) ? args.organizerOrganizationId : null)}`);
  if (args.statuses?.length) where.push(`${EVENT_STATUS_SQL} = ANY(${params.add(args.statuses)}::text[])`);
  if (args.upcoming) where.push('e.ends_at > now()');
  if (args.registeredOrganizationId) {
    // Only one's own organizations' registrations can be asked about: anything else matches nothing.
    const org = isUuid(args.registeredOrganizationId) && ctx.viewer.isMemberOf(args.registeredOrganizationId.toLowerCase())
      ? args.registeredOrganizationId.toLowerCase() : null;
    where.push(`EXISTS (SELECT 1 FROM event_registrations rr WHERE rr.event_id = e.id AND rr.status = 'ACTIVE' AND rr.organization_id = ${params.add(org)})`);
  }
  return queryPage(ctx.db, { columns: EVENT_COLUMNS, from: EVENT_FROM, where: where.join(' AND '), orderBy: 'e.starts_at, e.id', params }, page,
    async (rows: EventRow[]) => {
      // Which of the viewer's organizations are registered, for the whole page in one statement.
      const mine: { eventId: string; organizationId: string }[] = rows.length && ctx.viewer.memberships.size
        ? await ctx.db.query(
          `SELECT event_id AS "eventId", organization_id AS "organizationId" FROM event_registrations
           WHERE event_id = ANY($1::uuid[]) AND organization_id = ANY($2::uuid[]) AND status = 'ACTIVE'`,
          [rows.map((r) => r.id), ctx.viewer.organizationIds],
        )
        : [];
      return rows.map((row) => toEvent({ ...row, viewerRegistrations: mine.filter((m) => m.eventId === row.id).map((m) => m.organizationId) }));
    });
}

/**
 * Registrations in full: every one for the organizers, the viewer's own organizations' for anyone else (so a
 * registrant reads its own do-not-meet list and nobody else's).
 */
export async function listRegistrations(ctx: RequestContext, row: EventRow, status: RegistrationStatus | null, page: Page): Promise<ConnectionShape<EventRegistration>> {
  const params = new SqlParams();
  const where = [`r.event_id = ${params.add(row.id)}`];
  if (!isOrganizer(ctx.viewer, row.organizerId)) where.push(`r.organization_id = ANY(${params.add(ctx.viewer.organizationIds)}::uuid[])`);
  if (status) where.push(`r.status = ${params.add(status)}`);
  const query = { columns: REGISTRATION_COLUMNS, from: 'event_registrations r', where: where.join(' AND '), orderBy: 'r.created_at, r.id', params };
  return queryPage(ctx.db, query, page, (rows: RegistrationRow[]) => toRegistrations(ctx, row.organizerId, rows));
}

export function attending(ctx: RequestContext, row: EventRow): boolean {
  return (row.viewerRegistrations ?? []).length > 0;
}

/** The attendee list, or null when the viewer may not read it. Only organizations it may name are listed and counted. */
export async function listAttendees(ctx: RequestContext, row: EventRow, page: Page): Promise<ConnectionShape<EventAttendee> | null> {
  if (!canSeeAttendeeList(ctx.viewer, row.organizerId, row.attendeeListVisibility, attending(ctx, row))) return null;
  const params = new SqlParams();
  const where = `r.event_id = ${params.add(row.id)} AND r.status = 'ACTIVE' AND ${listableAttendeesSql(ctx.viewer, params)}`;
  const query = {
    columns: `${ORGANIZATION_COLUMNS}, r.seeking_skill_ids AS "seekingSkillIds", r.offering_skill_ids AS "offeringSkillIds"`,
    from: 'event_registrations r JOIN organizations o ON o.id = r.organization_id', where, orderBy: 'o.name, o.id', params,
  };
  return queryPage(ctx.db, query, page, async (rows: (OrganizationRecord & { seekingSkillIds: string[]; offeringSkillIds: string[] })[]) => {
    const skills = await loadSkills(ctx, rows.flatMap((r) => [...r.seekingSkillIds, ...r.offeringSkillIds]));
    return rows.map(({ seekingSkillIds, offeringSkillIds, ...organization }) => ({
      organization, seeking: skillList(skills, seekingSkillIds), offering: skillList(skills, offeringSkillIds),
    }));
  });
}

/** Active registrations, for the organizers only (a count anyone could read would move when a PRIVATE organization registers). */
export async function registrationCount(ctx: RequestContext, row: EventRow): Promise<number | null> {
  if (!isOrganizer(ctx.viewer, row.organizerId)) return null;
  const [{ count }] = await ctx.db.query(`SELECT count(*)::int AS count FROM event_registrations WHERE event_id = $1 AND status = 'ACTIVE'`, [row.id]);
  return count;
}
