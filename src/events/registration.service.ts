import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { isOrganizer } from '../privacy/event-visibility.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { lockEventWith, registrationSides } from './event-access.js';
import type { EventRow } from './event-view.js';
import { EventStatus, RegistrationSource, RegistrationStatus } from './event.enums.js';
import type { EventRegisterInput, EventRegistrationIdInput, EventRegistrationUpdateInput } from './event.inputs.js';
import { assertChangeable } from './event.service.js';
import { registrationValues, valuesOf, type RegistrationValues } from './registration-fields.js';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registration-view.js';
import { dropFromSchedule } from './schedule.service.js';
import { assignCheckInCode } from './check-in-codes.js';

// Registrations: a member (OWNER or EDITOR) registers its organization while the event is OPEN and before the
// deadline; organizers add, change and cancel any registration until the event ends. Capacity binds everyone.
// Every write holds the event row lock (event-access.ts), so capacity and deadline are judged one write at a time.

/** Self-registration is open: status OPEN and before the deadline (judged when the write holds the event lock). */
function assertRegistrationOpen(row: EventRow, field: string): void {
  if (row.status !== EventStatus.OPEN) {
    throw new UserInputError('REGISTRATION_CLOSED', field, 'Registration is not open for this event: ask its organizers');
  }
  if (Date.now() > row.registrationDeadline.getTime()) {
    throw new UserInputError('REGISTRATION_CLOSED', field, 'The registration deadline has passed: ask the organizers');
  }
}

/** Capacity counts ACTIVE registrations, under the event lock. */
async function assertCapacity(tx: EntityManager, row: EventRow, adding: number, field: string): Promise<void> {
  if (row.capacity === null) return;
  const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM event_registrations WHERE event_id = $1 AND status = 'ACTIVE'`, [row.id]);
  if (count + adding > row.capacity) throw new UserInputError('EVENT_FULL', field, `The event is full (${row.capacity} registrations)`);
}

async function existing(tx: EntityManager, eventId: string, organizationId: string): Promise<RegistrationRow | undefined> {
  const rows: RegistrationRow[] = await tx.query(
    `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.organization_id = $2`,
    [eventId, organizationId],
  );
  return rows[0];
}

/**
 * Writes a registration (new, or a cancelled one re-activated; an ACTIVE one is refused unless `update`), counting
 * it against the capacity. Returns its id and whether it was added or updated.
 */
export async function writeRegistration(
  tx: EntityManager, row: EventRow, organizationId: string, values: RegistrationValues,
  source: RegistrationSource, userId: string | null, options: { update: boolean; field: string },
): Promise<{ id: string; added: boolean }> {
  const before = await existing(tx, row.id, organizationId);
  if (before?.status === RegistrationStatus.ACTIVE && !options.update) {
    throw new UserInputError('ALREADY_REGISTERED', options.field, 'This organization is already registered');
  }
  if (before?.status !== RegistrationStatus.ACTIVE) await assertCapacity(tx, row, 1, options.field);
  const params = [values.people, values.contactEmail, values.seekingSkillIds, values.offeringSkillIds, values.availableRounds,
    values.doNotMeetIds, values.maxMeetings];
  if (before) {
    await tx.query(
      `UPDATE event_registrations SET people = $2, contact_email = $3, seeking_skill_ids = $4, offering_skill_ids = $5,
         available_rounds = $6, do_not_meet_ids = $7, max_meetings = $8, status = 'ACTIVE', cancelled_at = NULL,
         source = CASE WHEN status = 'ACTIVE' THEN source ELSE $9 END, updated_at = now() WHERE id = $1`,
      [before.id, ...params, source],
    );
    await assignCheckInCode(tx, row.id, before.id);
    return { id: before.id, added: before.status !== RegistrationStatus.ACTIVE };
  }
  const [inserted]: { id: string }[] = await tx.query(
    `INSERT INTO event_registrations (event_id, organization_id, people, contact_email, seeking_skill_ids, offering_skill_ids,
       available_rounds, do_not_meet_ids, max_meetings, source, registered_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [row.id, organizationId, ...params, source, userId],
  );
  await assignCheckInCode(tx, row.id, inserted.id);
  return { id: inserted.id, added: true };
}

/** Is the organization one the (fresh) viewer may name, acting for its organizations? */
async function nameable(tx: EntityManager, viewer: Viewer, organizationId: string): Promise<boolean> {
  if (!isUuid(organizationId)) return false;
  const rows: { id: string; visibility: string }[] = await tx.query('SELECT id, visibility FROM organizations WHERE id = $1', [organizationId]);
  return Boolean(rows[0]) && canSeeOrganization(viewer.actingForOrganizations(), rows[0]);
}

export async function register(ctx: RequestContext, tx: EntityManager, input: EventRegisterInput): Promise<string> {
  const { row, viewer } = await lockEventWith(ctx, tx, input.eventId, input.organizationId);
  assertChangeable(row, 'input.eventId');
  const organizationId = input.organizationId.toLowerCase();
  if (!(await nameable(tx, viewer, organizationId))) throw new NotFoundError('Organization');
  const organizer = isOrganizer(viewer, row.organizerId);
  const self = viewer.canEdit(organizationId);
  if (!organizer && !self) {
    throw new ForbiddenError('Only owners and editors of the organization, or the event\'s organizers, can register it');
  }
  if (!organizer) assertRegistrationOpen(row, 'input.eventId');
  const values = await registrationValues({ tx, viewer, event: row, organizationId, before: null, path: 'input' }, input);
  const source = self ? RegistrationSource.SELF : RegistrationSource.ORGANIZER;
  const written = await writeRegistration(tx, row, organizationId, values, source, viewer.userId, { update: false, field: 'input.organizationId' });
  return written.id;
}

/** Locks the event of a registration and tells who the viewer is to it; a registration it may not see is NOT_FOUND. */
async function lockRegistration(ctx: RequestContext, tx: EntityManager, registrationId: string) {
  const sides = await registrationSides(tx, registrationId);
  if (!sides) throw new NotFoundError('Registration');
  const { row, viewer } = await lockEventWith(ctx, tx, sides.eventId, sides.organizationId);
  const [registration]: RegistrationRow[] = await tx.query(`SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.id = $1 FOR UPDATE`, [registrationId]);
  const organizer = isOrganizer(viewer, row.organizerId);
  const member = viewer.isMemberOf(sides.organizationId);
  if (!registration || (!organizer && !member)) throw new NotFoundError('Registration');
  if (!organizer && !viewer.canEdit(sides.organizationId)) throw new ForbiddenError('Only owners and editors of the organization can change its registration');
  return { row, viewer, registration, organizer };
}

export async function updateRegistration(ctx: RequestContext, tx: EntityManager, input: EventRegistrationUpdateInput): Promise<string> {
  const { row, viewer, registration, organizer } = await lockRegistration(ctx, tx, input.registrationId);
  assertChangeable(row, 'input.registrationId');
  if (registration.status !== RegistrationStatus.ACTIVE) {
    throw new UserInputError('INVALID_STATE', 'input.registrationId', 'This registration is cancelled');
  }
  // After the deadline the schedule is being made: changes go through the organizers, who see what they affect.
  if (!organizer) assertRegistrationOpen(row, 'input.registrationId');
  const values = await registrationValues({
    tx, viewer, event: row, organizationId: registration.organizationId, before: valuesOf(registration), path: 'input',
  }, input);
  await writeRegistration(tx, row, registration.organizationId, values, registration.source, viewer.userId, { update: true, field: 'input.registrationId' });
  return registration.id;
}

/**
 * Cancels a registration (the organizers, or the registrant's owners and editors, until the event ends). Its
 * meetings go: a draft just loses them (regenerate to fill the gaps); a published schedule is repaired with the
 * fewest changes, and the organizers read what moved on the schedule's changes.
 */
export async function cancelRegistration(ctx: RequestContext, tx: EntityManager, input: EventRegistrationIdInput): Promise<string> {
  const { row, registration } = await lockRegistration(ctx, tx, input.registrationId);
  assertChangeable(row, 'input.registrationId');
  if (registration.status !== RegistrationStatus.ACTIVE) {
    throw new UserInputError('INVALID_STATE', 'input.registrationId', 'This registration is already cancelled');
  }
  await dropFromSchedule(ctx, tx, row, registration.id);
  await tx.query(`UPDATE event_registrations SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1`, [registration.id]);
  return registration.id;
}
