import type { EntityManager } from 'typeorm';
import { NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { lockEventAsOrganizer, lockEventAtDoor, registrationSides } from './event-access.js';
import type { EventRow } from './event-view.js';
import { EventStatus } from './event.enums.js';
import type { EventCheckInInput, EventCheckInOpenInput, EventNoShowMarkInput, EventVolunteerSetInput } from './events-after.inputs.js';
import { normalizeCheckInCode } from './check-in-codes.js';
import { applyDoorRule, freeNoShows } from './no-shows.js';

// The door: volunteers and organizers check attendees in by the code on their agenda; organizers open check-in (from
// then on the no-show rule applies, see no-shows.ts), mark a no-show by hand, and designate volunteers. Every
// function runs in runMutation's transaction under the event row lock.

const DEFAULT_GRACE_MINUTES = 10;

function assertAtTheDoor(row: EventRow, field: string): void {
  if (row.status === EventStatus.CANCELLED || row.status === EventStatus.ENDED) {
    throw new UserInputError('INVALID_STATE', field, `This event is ${row.status.toLowerCase()}`);
  }
  if (row.storedStatus !== EventStatus.PUBLISHED) {
    throw new UserInputError('NOT_PUBLISHED', field, 'Check-in starts once the schedule is published');
  }
}

export interface CheckInResult {
  eventId: string;
  registrationId: string;
  alreadyCheckedIn: boolean;
}

export async function checkIn(ctx: RequestContext, tx: EntityManager, input: EventCheckInInput): Promise<CheckInResult> {
  const { row } = await lockEventAtDoor(ctx, tx, input.eventId);
  assertAtTheDoor(row, 'input.eventId');
  const [found]: { id: string; checkedInAt: Date | null }[] = await tx.query(
    `SELECT id, checked_in_at AS "checkedInAt" FROM event_registrations WHERE event_id = $1 AND checkin_code = $2 AND status = 'ACTIVE' FOR UPDATE`,
    [row.id, normalizeCheckInCode(input.code)],
  );
  if (!found) throw new UserInputError('UNKNOWN_CODE', 'input.code', 'No active registration of this event has this code');
  if (found.checkedInAt === null) {
    // Arriving clears a no-show mark; the meetings it lost stay lost (an organizer can add meetings by hand).
    await tx.query('UPDATE event_registrations SET checked_in_at = now(), no_show_at = NULL, updated_at = now() WHERE id = $1', [found.id]);
  }
  // Every arrival is also a moment to apply the door rule to everyone else (the sweep does it between arrivals).
  await applyDoorRule(ctx, tx, row);
  return { eventId: row.id, registrationId: found.id, alreadyCheckedIn: found.checkedInAt !== null };
}

export async function openCheckIn(ctx: RequestContext, tx: EntityManager, input: EventCheckInOpenInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  assertAtTheDoor(row, 'input.eventId');
  const grace = input.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  await tx.query('UPDATE events SET no_show_grace_minutes = $2, updated_at = now() WHERE id = $1', [row.id, grace]);
  // Rounds already past their grace apply at once: opening late frees the meetings of whoever has not arrived.
  await applyDoorRule(ctx, tx, { ...row, noShowGraceMinutes: grace });
  return row.id;
}

export async function markNoShow(ctx: RequestContext, tx: EntityManager, input: EventNoShowMarkInput): Promise<string> {
  const sides = await registrationSides(tx, input.registrationId);
  if (!sides) throw new NotFoundError('Registration');
  let row: EventRow;
  try {
    ({ row } = await lockEventAsOrganizer(ctx, tx, sides.eventId));
  } catch (error) {
    // A registration exists for the organizers (and its own members, who cannot mark it): anyone else learns nothing.
    if (error instanceof NotFoundError || (error as { code?: string }).code === 'FORBIDDEN') throw new NotFoundError('Registration');
    throw error;
  }
  assertAtTheDoor(row, 'input.registrationId');
  const [registration]: { id: string; status: string; noShowAt: Date | null }[] = await tx.query(
    'SELECT id, status, no_show_at AS "noShowAt" FROM event_registrations WHERE id = $1 FOR UPDATE', [input.registrationId.toLowerCase()],
  );
  if (registration.status !== 'ACTIVE') throw new UserInputError('INVALID_STATE', 'input.registrationId', 'This registration is cancelled');
  if (registration.noShowAt) throw new UserInputError('ALREADY_NO_SHOW', 'input.registrationId', 'This registration is already marked as a no-show');
  await freeNoShows(ctx, tx, row, [registration.id]);
  return row.id;
}

export async function setVolunteer(ctx: RequestContext, tx: EntityManager, input: EventVolunteerSetInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  if (!isUuid(input.userId)) throw new UserInputError('NOT_A_MEMBER', 'input.userId', 'Volunteers are members of the organizing organization');
  const userId = input.userId.toLowerCase();
  if (!input.volunteer) {
    await tx.query('DELETE FROM event_volunteers WHERE event_id = $1 AND user_id = $2', [row.id, userId]);
    return row.id;
  }
  // The organizing organization is locked (lockEventAsOrganizer), so the membership read here cannot change under us.
  const member: unknown[] = await tx.query('SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2', [row.organizerId, userId]);
  if (!member.length) throw new UserInputError('NOT_A_MEMBER', 'input.userId', 'Volunteers are members of the organizing organization');
  await tx.query('INSERT INTO event_volunteers (event_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.id, userId]);
  return row.id;
}
