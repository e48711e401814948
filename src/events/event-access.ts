import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { lockOrganizations } from '../authorization/organization-guard.js';
import { canCheckIn, canSeeEvent, isOrganizer, visibleEventsSql } from '../privacy/event-visibility.js';
import { EVENT_COLUMNS, EVENT_FROM, type EventRow } from './event-view.js';

// Who may read and change an event. An event the viewer may not see answers NOT_FOUND exactly like a random id;
// one it sees but may not change answers FORBIDDEN. Every write locks the organizations it depends on first (with
// the viewer's roles read fresh under the lock, see authorization/organization-guard.ts), then the event row, which
// serializes the writes to one event (capacity, deadline, publish, schedule edits).

/** The event as the viewer may see it, or NOT_FOUND. */
export async function readVisibleEvent(ctx: RequestContext, eventId: string): Promise<EventRow> {
  if (!isUuid(eventId)) throw new NotFoundError('Event');
  const params = new SqlParams();
  const id = params.add(eventId);
  const rows: EventRow[] = await ctx.db.query(
    `SELECT ${EVENT_COLUMNS}${viewerRegistrationsSql(ctx.viewer, params)} FROM ${EVENT_FROM}
     WHERE e.id = ${id} AND ${visibleEventsSql(ctx.viewer, params)}`,
    params.values,
  );
  if (!rows[0]) throw new NotFoundError('Event');
  return rows[0];
}

/** Extra select column: the viewer's organizations registered (ACTIVE) at the event, alias `e`. */
export function viewerRegistrationsSql(viewer: Viewer, params: SqlParams): string {
  if (viewer.memberships.size === 0) return `, '{}'::uuid[] AS "viewerRegistrations"`;
  return `, ARRAY(SELECT r.organization_id FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'ACTIVE'
    AND r.organization_id = ANY(${params.add(viewer.organizationIds)}::uuid[])) AS "viewerRegistrations"`;
}

async function lockedEventRow(tx: EntityManager, eventId: string): Promise<EventRow> {
  const [row]: EventRow[] = await tx.query(`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = $1 FOR UPDATE OF e`, [eventId]);
  return row;
}

/** The organizing organization of an event, read without a lock (it never changes), or null. */
async function organizerOf(tx: EntityManager, eventId: string): Promise<string | null> {
  if (!isUuid(eventId)) return null;
  const rows: { organizerId: string }[] = await tx.query('SELECT organizer_organization_id AS "organizerId" FROM events WHERE id = $1', [eventId]);
  return rows[0]?.organizerId ?? null;
}

/**
 * Locks an event for a change only its organizers may make: the organizing organization, then the event row. An
 * event the viewer may not see is NOT_FOUND; one it sees but does not organize is FORBIDDEN.
 */
export async function lockEventAsOrganizer(ctx: RequestContext, tx: EntityManager, eventId: string): Promise<{ row: EventRow; viewer: Viewer }> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const organizerId = await organizerOf(tx, eventId);
  if (!organizerId) throw new NotFoundError('Event');
  const { viewer } = await lockOrganizations(tx, ctx.viewer, [organizerId]);
  const row = await lockedEventRow(tx, eventId);
  const registered = await registeredAmong(tx, eventId, viewer.organizationIds);
  if (!row || !canSeeEvent(viewer, { status: row.status, organizer: { id: organizerId, visibility: row.organizerVisibility } }, registered)) {
    throw new NotFoundError('Event');
  }
  if (!isOrganizer(viewer, organizerId)) throw new ForbiddenError("Only the organizing organization's owners and editors can do this");
  return { row, viewer };
}

/**
 * Locks an event for a change by (or on behalf of) one registered organization: that organization and the organizing
 * one (in id order, by lockOrganizations), then the event row. Returns the fresh viewer, who may be an organizer, a
 * member of the registrant, or neither (the caller decides what each may do).
 */
export async function lockEventWith(ctx: RequestContext, tx: EntityManager, eventId: string, organizationId: string): Promise<{ row: EventRow; viewer: Viewer }> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const organizerId = await organizerOf(tx, eventId);
  if (!organizerId) throw new NotFoundError('Event');
  const { viewer } = await lockOrganizations(tx, ctx.viewer, isUuid(organizationId) ? [organizerId, organizationId] : [organizerId]);
  const row = await lockedEventRow(tx, eventId);
  const registered = await registeredAmong(tx, eventId, viewer.organizationIds);
  if (!row || !canSeeEvent(viewer, { status: row.status, organizer: { id: organizerId, visibility: row.organizerVisibility } }, registered)) {
    throw new NotFoundError('Event');
  }
  return { row, viewer };
}

/**
 * Locks an event for the door (check-in): the organizing organization, then the event row. Organizers and the
 * volunteers they designated pass (canCheckIn, roles read fresh under the lock); anyone else who sees the event is
 * FORBIDDEN, and anyone who does not is NOT_FOUND.
 */
export async function lockEventAtDoor(ctx: RequestContext, tx: EntityManager, eventId: string): Promise<{ row: EventRow; viewer: Viewer }> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const organizerId = await organizerOf(tx, eventId);
  if (!organizerId) throw new NotFoundError('Event');
  const { viewer } = await lockOrganizations(tx, ctx.viewer, [organizerId]);
  const row = await lockedEventRow(tx, eventId);
  const registered = await registeredAmong(tx, eventId, viewer.organizationIds);
  if (!row || !canSeeEvent(viewer, { status: row.status, organizer: { id: organizerId, visibility: row.organizerVisibility } }, registered)) {
    throw new NotFoundError('Event');
  }
  if (!canCheckIn(viewer, organizerId, await isVolunteer(tx, row.id, viewer.userId))) {
    throw new ForbiddenError('Only the organizers and the volunteers they designated check attendees in');
  }
  return { row, viewer };
}

export async function isVolunteer(db: Pick<EntityManager, 'query'>, eventId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const rows: unknown[] = await db.query('SELECT 1 FROM event_volunteers WHERE event_id = $1 AND user_id = $2', [eventId, userId]);
  return rows.length > 0;
}

async function registeredAmong(tx: Pick<EntityManager, 'query'>, eventId: string, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows: { id: string }[] = await tx.query(
    `SELECT organization_id AS id FROM event_registrations WHERE event_id = $1 AND status = 'ACTIVE' AND organization_id = ANY($2::uuid[])`,
    [eventId, organizationIds],
  );
  return rows.map((r) => r.id);
}

/** The event of a registration (for writes addressed by registration id), or null. */
export async function registrationSides(tx: EntityManager, registrationId: string): Promise<{ eventId: string; organizationId: string } | null> {
  if (!isUuid(registrationId)) return null;
  const rows: { eventId: string; organizationId: string }[] = await tx.query(
    'SELECT event_id AS "eventId", organization_id AS "organizationId" FROM event_registrations WHERE id = $1',
    [registrationId],
  );
  return rows[0] ?? null;
}
