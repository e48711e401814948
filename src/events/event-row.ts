import type { LocationPrecision } from '../core/enums.js';
import type { AttendeeListVisibility, EventFormat, EventStatus, MetBeforePolicy } from './event.enums.js';
import type { KindRule } from './pair-rules.js';

/** An event row as EVENT_COLUMNS (event-view.ts) returns it: the exact place too, so only field resolvers read it. */
export interface EventRow {
  id: string;
  organizerId: string;
  organizerVisibility: string;
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
  placePrecision: LocationPrecision;
  rounds: number;
  minutesPerMeeting: number;
  format: EventFormat;
  seatsPerTable: number | null;
  capacity: number | null;
  status: EventStatus;
  storedStatus: EventStatus;
  attendeeListVisibility: AttendeeListVisibility;
  kindRules: KindRule[];
  metBefore: MetBeforePolicy;
  scheduleSeed: number | null;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  /** Check-in at the door is open with this grace (minutes after a round's start); null: not used. */
  noShowGraceMinutes: number | null;
  /** The viewer's organizations registered (ACTIVE) at this event, when the query asked for them. */
  viewerRegistrations?: string[];
}
