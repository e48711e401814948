import type { EventRow } from './event-row.js';
import type { Event } from './event.types.js';

// Event rows as SQL returns them (event-row.ts), and the Event object the field resolvers start from.

export type { EventRow } from './event-row.js';

/** The status as read, alias `e`: an event past its end reads as ENDED (no job has to flip it). */
export const EVENT_STATUS_SQL = `(CASE WHEN e.status IN ('OPEN', 'SCHEDULED', 'PUBLISHED') AND e.ends_at <= now() THEN 'ENDED' ELSE e.status END)`;

export const EVENT_COLUMNS = `e.id, e.organizer_organization_id AS "organizerId", o.visibility AS "organizerVisibility",
  e.title, e.description, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.registration_deadline AS "registrationDeadline",
  e.online, e.venue, e.country, e.region, e.city, e.latitude, e.longitude, e.place_precision AS "placePrecision",
  e.rounds, e.minutes_per_meeting AS "minutesPerMeeting", e.format, e.seats_per_table AS "seatsPerTable", e.capacity,
  ${EVENT_STATUS_SQL} AS status, e.status AS "storedStatus", e.attendee_list_visibility AS "attendeeListVisibility",
  e.kind_rules AS "kindRules", e.met_before AS "metBefore", e.schedule_seed AS "scheduleSeed",
  e.scheduled_at AS "scheduledAt", e.published_at AS "publishedAt", e.created_at AS "createdAt",
  e.no_show_grace_minutes AS "noShowGraceMinutes"`;

/** FROM clause for EVENT_COLUMNS. */
export const EVENT_FROM = 'events e JOIN organizations o ON o.id = e.organizer_organization_id';


export function toEvent(row: EventRow): Event {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    registrationDeadline: row.registrationDeadline,
    online: row.online,
    rounds: row.rounds,
    minutesPerMeeting: row.minutesPerMeeting,
    format: row.format,
    seatsPerTable: row.seatsPerTable,
    capacity: row.capacity,
    status: row.status,
    attendeeListVisibility: row.attendeeListVisibility,
    kindRules: row.kindRules as Event['kindRules'],
    metBefore: row.metBefore,
    createdAt: row.createdAt,
    row,
  };
}

/** When a round (0-based) starts and ends. */
export function roundTimes(row: Pick<EventRow, 'startsAt' | 'minutesPerMeeting'>, round: number): { startsAt: Date; endsAt: Date } {
  const start = row.startsAt.getTime() + round * row.minutesPerMeeting * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + row.minutesPerMeeting * 60_000) };
}
