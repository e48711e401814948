import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../core/connection.js';
import { LocationPrecision, OrganizationKind } from '../core/enums.js';
import { UserError } from '../core/user-error.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { SuggestionReason } from '../core/reason.types.js';
import { Introduction } from '../introductions/introduction.types.js';
import { Skill } from '../taxonomy/taxonomy.types.js';
import {
  AttendeeListVisibility, EventFormat, EventStatus, ImportLineStatus, KindRuleMode, MetBeforePolicy, RegistrationSource,
  RegistrationStatus,
} from './event.enums.js';
import type { EventRow } from './event-row.js';

// GraphQL shapes of events. Every organization in them is an OrganizationRecord already checked against the
// viewer (privacy/event-visibility.ts) or an anonymous card; the Event object itself is resolved field by field
// (event.resolver.ts) because what it shows depends on who asks. Rounds and tables count from 1 here.

@ObjectType({ description: 'Where an event takes place: exact for organizers and registrants, else coarsened to its precision.' })
export class EventPlace {
  @Field(() => String, { nullable: true, description: 'Venue; for people not registered only at EXACT precision.' })
  venue: string | null;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => LocationPrecision)
  precision: LocationPrecision;
}

@ObjectType({ description: 'A who-can-meet rule by organization kind (it applies both ways).' })
export class EventKindRule {
  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => KindRuleMode)
  mode: KindRuleMode;

  @Field(() => [OrganizationKind])
  kinds: OrganizationKind[];
}

@ObjectType({ description: 'A networking event: rounds of meetings (or tables) between registered organizations.' })
export class Event {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => DateTimeResolver)
  startsAt: Date;

  @Field(() => DateTimeResolver)
  endsAt: Date;

  @Field(() => DateTimeResolver)
  registrationDeadline: Date;

  @Field()
  online: boolean;

  @Field(() => Int)
  rounds: number;

  @Field(() => Int)
  minutesPerMeeting: number;

  @Field(() => EventFormat)
  format: EventFormat;

  @Field(() => Int, { nullable: true })
  seatsPerTable: number | null;

  @Field(() => Int, { nullable: true, description: 'Most active registrations; null: no limit.' })
  capacity: number | null;

  @Field(() => EventStatus, { description: 'ENDED once endsAt has passed (for an event that was not cancelled).' })
  status: EventStatus;

  @Field(() => AttendeeListVisibility)
  attendeeListVisibility: AttendeeListVisibility;

  @Field(() => [EventKindRule])
  kindRules: EventKindRule[];

  @Field(() => MetBeforePolicy)
  metBefore: MetBeforePolicy;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  /** Internal: the row the field resolvers read. */
  row: EventRow;
}

@ObjectType({ description: 'An organization at an event: exactly one of organization and anonymous is set.' })
export class EventParty {
  @Field(() => Organization, { nullable: true, description: 'When you may see it by name.' })
  organization: OrganizationRecord | null;

  @Field(() => AnonymousOrganization, { nullable: true, description: 'A PRIVATE organization you may not name.' })
  anonymous: AnonymousOrganization | null;
}

@ObjectType({ description: 'A registration in full: for the organizers and the registered organization\'s members only.' })
export class EventRegistration extends EventParty {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => RegistrationSource)
  source: RegistrationSource;

  @Field(() => [String], { description: 'Names of the people attending.' })
  people: string[];

  @Field(() => String, { nullable: true })
  contactEmail: string | null;

  @Field(() => [Skill], { description: 'What it seeks at this event.' })
  seeking: Skill[];

  @Field(() => [Skill], { description: 'What it offers at this event.' })
  offering: Skill[];

  @Field(() => [Int], { nullable: true, description: 'Rounds (from 1) it can meet in; null: every round.' })
  availableRounds: number[] | null;

  @Field(() => [EventParty], { description: 'Organizations it will not meet: never shown to them or to anyone else.' })
  doNotMeet: EventParty[];

  @Field(() => Int, { nullable: true })
  maxMeetings: number | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The code printed on the agenda, typed at the door to check in.' })
  checkInCode: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was checked in at the door.' })
  checkedInAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was found absent: its later meetings were freed.' })
  noShowAt: Date | null;
}

@ObjectType({ description: 'An entry of an event\'s attendee list: an organization you may name, and what it seeks and offers there.' })
export class EventAttendee {
  @Field(() => Organization)
  organization: OrganizationRecord;

  @Field(() => [Skill])
  seeking: Skill[];

  @Field(() => [Skill])
  offering: Skill[];
}

@ObjectType({ description: 'A meeting of the schedule, as the organizers see it.' })
export class EventMeeting {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'From 1.' })
  round: number;

  @Field(() => DateTimeResolver)
  startsAt: Date;

  @Field(() => DateTimeResolver)
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'TABLES: the table, from 1.' })
  table: number | null;

  @Field(() => Float, { description: 'Mutual pair score, 0 to 1.' })
  score: number;

  @Field(() => [SuggestionReason], { description: 'Why these two meet, as the first registration reads it.' })
  reasons: SuggestionReason[];

  @Field({ description: 'Kept as it is by regeneration and repairs.' })
  locked: boolean;

  @Field({ description: 'Placed or changed by an organizer.' })
  manual: boolean;

  @Field(() => [EventRegistration])
  registrations: EventRegistration[];
}

@ObjectType()
export class EventSitOut {
  @Field(() => Int)
  round: number;

  @Field(() => EventRegistration)
  registration: EventRegistration;
}

@ObjectType({ description: 'A meeting a repair of the published schedule made or changed.' })
export class EventScheduleChange {
  @Field(() => Int)
  round: number;

  @Field(() => [EventRegistration])
  registrations: EventRegistration[];

  @Field({ description: 'What they had in that round before, in words.' })
  was: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

export const { Connection: EventMeetingConnection } = connectionTypes(EventMeeting, 'EventMeeting');
export const { Connection: EventRegistrationConnection } = connectionTypes(EventRegistration, 'EventRegistration');
export const { Connection: EventAttendeeConnection } = connectionTypes(EventAttendee, 'EventAttendee');
export const { Connection: EventConnection } = connectionTypes(Event, 'Event');

@ObjectType({ description: 'The schedule as the organizers see it (draft or published).' })
export class EventSchedule {
  @Field(() => Int, { nullable: true })
  seed: number | null;

  @Field(() => DateTimeResolver, { nullable: true })
  generatedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Int)
  meetingCount: number;

  @Field(() => Float, { description: 'The lowest total score of an attendee who can meet (the worst served).' })
  minTotal: number;

  @Field(() => Float)
  meanTotal: number;

  @Field(() => [EventSitOut], { description: 'Available attendees without a meeting, per round.' })
  sitOuts: EventSitOut[];

  @Field(() => [EventScheduleChange], { description: 'What repairs after late cancellations moved, newest first.' })
  changes: EventScheduleChange[];

  /** Internal: the event it belongs to. */
  eventId: string;
}

@ObjectType({ description: 'Someone you meet: exactly one of organization and anonymous is set.' })
export class EventCounterpart extends EventParty {
  @Field(() => [String], { description: 'The people attending for it (not shown for an anonymous one).' })
  people: string[];

  @Field(() => Float, { description: 'Mutual pair score, 0 to 1 (in steps of 0.05 for an anonymous one).' })
  score: number;

  @Field(() => [SuggestionReason], { description: 'Why you meet, the same sentences as partner suggestions; for an anonymous one only what its card shows.' })
  reasons: SuggestionReason[];

  @Field(() => ID, { description: 'The meeting: mark it held (eventMeetingMark) or ask for an introduction from it.' })
  meetingId: string;

  @Field(() => Boolean, { nullable: true, description: 'Your answer: did it take place? (null until you say). The other side\'s answer is never shown.' })
  viewerHeld: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Your rating of the meeting, 1 to 5. The other side\'s is never shown.' })
  viewerRating: number | null;

  @Field(() => Introduction, { nullable: true, description: 'The introduction your organization asked from this meeting, if any (never one the other side asked).' })
  viewerIntroduction: Introduction | null;
}

@ObjectType({ description: 'A change to your agenda after publishing (a cancellation or a no-show moved a meeting).' })
export class EventAgendaChange {
  @Field(() => Int)
  round: number;

  @Field({ description: 'What changed, in words; it never says who cancelled or why.' })
  message: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType({ description: 'One round of an agenda.' })
export class EventAgendaItem {
  @Field(() => Int)
  round: number;

  @Field(() => DateTimeResolver)
  startsAt: Date;

  @Field(() => DateTimeResolver)
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'TABLES: your table, from 1.' })
  table: number | null;

  @Field({ description: 'No meeting for you in this round (a break).' })
  sitOut: boolean;

  @Field(() => [EventCounterpart], { description: 'Who you meet (TABLES: your table-mates).' })
  with: EventCounterpart[];
}

@ObjectType({ description: "One registered organization's own agenda of a published schedule." })
export class EventAgenda {
  @Field(() => EventRegistration)
  registration: EventRegistration;

  @Field(() => [EventAgendaItem], { description: 'Every round, in order; rounds you are not available in are left out.' })
  items: EventAgendaItem[];

  @Field(() => [EventAgendaChange], { description: 'Changes to your agenda since publishing, newest first.' })
  changes: EventAgendaChange[];
}

@ObjectType()
export class EventImportLine {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' })
  line: number;

  @Field({ description: 'The organization as written on the line.' })
  organization: string;

  @Field(() => ImportLineStatus)
  status: ImportLineStatus;

  @Field(() => String, { nullable: true, description: 'Why it was refused: a stable code.' })
  code: string | null;

  @Field(() => String, { nullable: true })
  message: string | null;
}

@ObjectType()
export class EventPayload {
  @Field(() => Event, { nullable: true })
  event: Event | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class EventRegistrationPayload {
  @Field(() => EventRegistration, { nullable: true })
  registration: EventRegistration | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'A CSV upload: every line is reported; nothing is imported unless every line can be.' })
export class EventRegistrationImportPayload {
  @Field(() => Event, { nullable: true })
  event: Event | null;

  @Field(() => Int, { description: 'Registrations added or updated (0 when a line was refused or on a dry run).' })
  imported: number;

  @Field(() => [EventImportLine])
  lines: EventImportLine[];

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class EventSchedulePayload {
  @Field(() => Event, { nullable: true })
  event: Event | null;

  @Field(() => EventSchedule, { nullable: true })
  schedule: EventSchedule | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
