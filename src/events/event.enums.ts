import { registerEnumType } from 'type-graphql';

// Closed sets of the networking-events feature, each registered with the schema right under its definition.

export enum EventFormat {
  ONE_TO_ONE = 'ONE_TO_ONE',
  TABLES = 'TABLES',
}
registerEnumType(EventFormat, {
  name: 'EventFormat',
  description: 'ONE_TO_ONE: rounds of two-organization meetings. TABLES: rounds of tables seating seatsPerTable organizations.',
});

/** DRAFT -> OPEN -> SCHEDULED -> PUBLISHED -> ENDED; any but ENDED may become CANCELLED. */
export enum EventStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'DRAFT (organizers only) -> OPEN (registration) -> SCHEDULED (a draft schedule exists) -> PUBLISHED '
    + '(attendees see their agendas) -> ENDED; CANCELLED from any state but ENDED.',
});

export enum AttendeeListVisibility {
  ORGANIZER_ONLY = 'ORGANIZER_ONLY',
  ATTENDEES = 'ATTENDEES',
  PUBLIC = 'PUBLIC',
}
registerEnumType(AttendeeListVisibility, {
  name: 'AttendeeListVisibility',
  description: 'Who sees the list of attending organizations besides the organizers. PRIVATE organizations are never listed to non-members.',
});

export enum MetBeforePolicy {
  EXCLUDE = 'EXCLUDE',
  RANK_LOWER = 'RANK_LOWER',
  ALLOW = 'ALLOW',
}
registerEnumType(MetBeforePolicy, {
  name: 'MetBeforePolicy',
  description: 'Pairs that met before (a collaboration, or a meeting at an earlier event of the same organizer): '
    + 'EXCLUDE never schedules them, RANK_LOWER halves their score, ALLOW treats them like any pair.',
});

export enum KindRuleMode {
  ONLY = 'ONLY',
  NEVER = 'NEVER',
}
registerEnumType(KindRuleMode, {
  name: 'KindRuleMode',
  description: 'ONLY: organizations of the kind meet only the kinds listed. NEVER: they never meet the kinds listed.',
});

export enum RegistrationStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

export enum RegistrationSource {
  SELF = 'SELF',
  ORGANIZER = 'ORGANIZER',
  IMPORT = 'IMPORT',
}
registerEnumType(RegistrationSource, {
  name: 'RegistrationSource',
  description: 'SELF: a member of the organization registered it. ORGANIZER: added by an organizer. IMPORT: from a CSV upload.',
});

export enum ImportLineStatus {
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  REFUSED = 'REFUSED',
}
registerEnumType(ImportLineStatus, { name: 'ImportLineStatus' });

/** Limits that keep one event's schedule computable in a request (the engine handles 1,000 x 8 in seconds). */
export const EVENT_LIMITS = {
  maxRounds: 24,
  minMinutes: 5,
  maxMinutes: 240,
  minSeats: 3,
  maxSeats: 12,
  maxCapacity: 1000,
  maxPeople: 10,
  maxSkills: 30,
  maxDoNotMeet: 50,
  maxImportLines: 1000,
} as const;

export enum EventDocumentKind {
  MATCH_LIST_CSV = 'MATCH_LIST_CSV',
  ORGANIZER_SHEET = 'ORGANIZER_SHEET',
  AGENDA = 'AGENDA',
}
registerEnumType(EventDocumentKind, {
  name: 'EventDocumentKind',
  description: 'MATCH_LIST_CSV: every meeting as CSV (organizers). ORGANIZER_SHEET: the whole schedule and the door list, '
    + 'printable HTML (organizers). AGENDA: one registered organization\'s agenda, printable HTML (its members).',
});

/** After the event: how long attendees may say whether their meetings took place. */
export const FEEDBACK_DAYS = 30;
