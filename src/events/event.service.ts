import type { EntityManager } from 'typeorm';
import { UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { lockEventAsOrganizer } from './event-access.js';
import type { EventRow } from './event-view.js';
import { EventFormat, EventStatus } from './event.enums.js';
import type { EventCreateInput, EventFields, EventIdInput, EventUpdateInput } from './event.inputs.js';
import { normalizeKindRules, type KindRule } from './pair-rules.js';

// The life of an event: create (DRAFT), change, open registration, cancel. Schedules live in schedule.service.ts.
// Each function runs inside runMutation's transaction and returns the id of the event it touched.

/** The settings an event is stored with, after merging an input over what it had. */
interface EventSettings {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  online: boolean;
  venue: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  placePrecision: string;
  rounds: number;
  minutesPerMeeting: number;
  format: EventFormat;
  seatsPerTable: number | null;
  capacity: number | null;
  attendeeListVisibility: string;
  kindRules: KindRule[];
  metBefore: string;
}

function required<T>(value: T | undefined | null, field: string): T {
  if (value === undefined || value === null) throw new UserInputError('REQUIRED', `input.${field}`, `${field} is required`);
  return value;
}

/** Settings from an input over a base (an existing event, or the defaults of a new one). */
function merge(input: EventFields, base: Partial<EventSettings>): EventSettings {
  const startsAt = required(input.startsAt ?? base.startsAt, 'startsAt');
  const online = input.online ?? base.online ?? false;
  const place = input.place === undefined ? null : input.place;
  const keepPlace = input.place === undefined && !online;
  const format = required(input.format ?? base.format, 'format');
  const seats = input.seatsPerTable !== undefined ? input.seatsPerTable : base.seatsPerTable ?? null;
  return {
    title: required(input.title ?? base.title, 'title').trim(),
    description: (input.description ?? base.description ?? '').trim(),
    startsAt,
    endsAt: required(input.endsAt ?? base.endsAt, 'endsAt'),
    registrationDeadline: input.registrationDeadline ?? base.registrationDeadline ?? startsAt,
    online,
    venue: online ? null : keepPlace ? base.venue ?? null : place?.venue?.trim() ?? null,
    country: online ? null : keepPlace ? base.country ?? null : place?.country.toUpperCase() ?? null,
    region: online ? null : keepPlace ? base.region ?? null : place?.region?.trim() ?? null,
    city: online ? null : keepPlace ? base.city ?? null : place?.city?.trim() ?? null,
    latitude: online ? null : keepPlace ? base.latitude ?? null : place?.latitude ?? null,
    longitude: online ? null : keepPlace ? base.longitude ?? null : place?.longitude ?? null,
    placePrecision: keepPlace ? base.placePrecision ?? 'CITY' : place?.precision ?? 'CITY',
    rounds: required(input.rounds ?? base.rounds, 'rounds'),
    minutesPerMeeting: required(input.minutesPerMeeting ?? base.minutesPerMeeting, 'minutesPerMeeting'),
    format,
    seatsPerTable: format === EventFormat.TABLES ? seats : null,
    capacity: input.capacity !== undefined ? input.capacity : base.capacity ?? null,
    attendeeListVisibility: input.attendeeListVisibility ?? base.attendeeListVisibility ?? 'ORGANIZER_ONLY',
    kindRules: normalizeKindRules(input.kindRules ?? base.kindRules ?? []),
    metBefore: input.metBefore ?? base.metBefore ?? 'RANK_LOWER',
  };
}

function check(s: EventSettings): void {
  if (s.endsAt.getTime() <= s.startsAt.getTime()) throw new UserInputError('INVALID_TIME', 'input.endsAt', 'The event must end after it starts');
  if (s.registrationDeadline.getTime() > s.startsAt.getTime()) {
    throw new UserInputError('INVALID_TIME', 'input.registrationDeadline', 'Registration must close at or before the start');
  }
  const minutes = (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
  if (s.rounds * s.minutesPerMeeting > minutes) {
    throw new UserInputError('ROUNDS_DO_NOT_FIT', 'input.rounds', `${s.rounds} rounds of ${s.minutesPerMeeting} minutes do not fit between the start and the end`);
  }
  if (s.format === EventFormat.TABLES && s.seatsPerTable === null) {
    throw new UserInputError('REQUIRED', 'input.seatsPerTable', 'A TABLES event needs seatsPerTable');
  }
  if ((s.latitude === null) !== (s.longitude === null)) {
    throw new UserInputError('INVALID_PLACE', 'input.place.latitude', 'Give both latitude and longitude, or neither');
  }
  if (s.kindRules.some((r, i) => s.kindRules.findIndex((x) => x.kind === r.kind && x.mode === r.mode) !== i)) {
    throw new UserInputError('DUPLICATE', 'input.kindRules', 'One rule per kind and mode: merge their kinds');
  }
}

const COLUMNS = ['title', 'description', 'starts_at', 'ends_at', 'registration_deadline', 'online', 'venue', 'country', 'region', 'city',
  'latitude', 'longitude', 'place_precision', 'rounds', 'minutes_per_meeting', 'format', 'seats_per_table', 'capacity',
  'attendee_list_visibility', 'kind_rules', 'met_before'];

function values(s: EventSettings): unknown[] {
  return [s.title, s.description, s.startsAt, s.endsAt, s.registrationDeadline, s.online, s.venue, s.country, s.region, s.city,
    s.latitude, s.longitude, s.placePrecision, s.rounds, s.minutesPerMeeting, s.format, s.seatsPerTable, s.capacity,
    s.attendeeListVisibility, JSON.stringify(s.kindRules), s.metBefore];
}

export async function createEvent(ctx: RequestContext, tx: EntityManager, input: EventCreateInput): Promise<string> {
  const organizer = await requireOrganization(tx, ctx.viewer, input.organizerOrganizationId, 'edit');
  const settings = merge(input, {});
  check(settings);
  const placeholders = COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO events (organizer_organization_id, ${COLUMNS.join(', ')}) VALUES ($1, ${placeholders}) RETURNING id`,
    [organizer.id, ...values(settings)],
  );
  return row.id;
}

/** What changes the shape of the schedule: a draft schedule is dropped, a published one refuses the change. */
const SHAPE: (keyof EventSettings)[] = ['rounds', 'minutesPerMeeting', 'format', 'seatsPerTable', 'startsAt'];

export async function updateEvent(ctx: RequestContext, tx: EntityManager, input: EventUpdateInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.id);
  assertChangeable(row, 'input.id');
  const before = settingsOf(row);
  const after = merge(input, before);
  check(after);
  const reshaped = SHAPE.some((k) => String(before[k]) !== String(after[k]));
  if (reshaped && row.storedStatus === EventStatus.PUBLISHED) {
    throw new UserInputError('SCHEDULE_PUBLISHED', 'input.id', 'The schedule is published: its rounds, times, format and tables can no longer change');
  }
  const sets = COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
  await tx.query(`UPDATE events SET ${sets}, updated_at = now() WHERE id = $1`, [row.id, ...values(after)]);
  if (reshaped && row.storedStatus === EventStatus.SCHEDULED) {
    // The draft no longer fits the event: drop it (locks included) and reopen, so the organizer regenerates.
    await tx.query('DELETE FROM event_meetings WHERE event_id = $1', [row.id]);
    await tx.query(`UPDATE events SET status = 'OPEN', scheduled_at = NULL WHERE id = $1`, [row.id]);
  }
  return row.id;
}

function settingsOf(row: EventRow): EventSettings {
  return {
    title: row.title, description: row.description, startsAt: row.startsAt, endsAt: row.endsAt, registrationDeadline: row.registrationDeadline,
    online: row.online, venue: row.venue, country: row.country ? row.country.trim() : null, region: row.region, city: row.city,
    latitude: row.latitude, longitude: row.longitude, placePrecision: row.placePrecision, rounds: row.rounds, minutesPerMeeting: row.minutesPerMeeting,
    format: row.format, seatsPerTable: row.seatsPerTable, capacity: row.capacity, attendeeListVisibility: row.attendeeListVisibility,
    kindRules: row.kindRules, metBefore: row.metBefore,
  };
}

/** An ended or cancelled event is history: nothing about it changes any more. */
export function assertChangeable(row: EventRow, field: string): void {
  if (row.status === EventStatus.CANCELLED || row.status === EventStatus.ENDED) {
    throw new UserInputError('INVALID_STATE', field, `This event is ${row.status.toLowerCase()}`);
  }
}

export async function openEvent(ctx: RequestContext, tx: EntityManager, input: EventIdInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  if (row.status !== EventStatus.DRAFT) {
    throw new UserInputError('INVALID_STATE', 'input.eventId', `Only a DRAFT event can be opened (this one is ${row.status})`);
  }
  await tx.query(`UPDATE events SET status = 'OPEN', updated_at = now() WHERE id = $1`, [row.id]);
  return row.id;
}

export async function cancelEvent(ctx: RequestContext, tx: EntityManager, input: EventIdInput): Promise<string> {
  const { row } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  assertChangeable(row, 'input.eventId');
  await tx.query(`UPDATE events SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [row.id]);
  return row.id;
}
