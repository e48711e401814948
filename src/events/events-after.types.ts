import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';
import { EventAgenda, EventParty } from './event.types.js';

// GraphQL shapes of the door (check-in) and of after the event (the funnel, printable documents).

@ObjectType({ description: 'An arrival at the door, as the organizers and their volunteers see it.' })
export class EventCheckIn extends EventParty {
  @Field(() => ID)
  registrationId: string;

  @Field({ description: 'The check-in code typed.' })
  code: string;

  @Field(() => [String], { description: 'The people attending for it, to greet them by name.' })
  people: string[];

  @Field(() => DateTimeResolver)
  checkedInAt: Date;

  @Field({ description: 'It had been checked in before (the first arrival time is kept).' })
  alreadyCheckedIn: boolean;
}

@ObjectType()
export class EventCheckInPayload {
  @Field(() => EventCheckIn, { nullable: true })
  checkIn: EventCheckIn | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class EventAgendaPayload {
  @Field(() => EventAgenda, { nullable: true, description: 'Your organization\'s agenda after the change.' })
  agenda: EventAgenda | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'A count for the organizers: small counts are never shown exactly.' })
export class FunnelCount {
  @Field(() => Int, { nullable: true, description: 'The number; null when it is fewer than 3.' })
  value: number | null;

  @Field({ description: 'true when the count is below 3 (0, 1 or 2 alike: shown as "fewer than 3").' })
  fewerThanThree: boolean;

  @Field({ description: 'Totals only: true when counts below 3 of single events were left out, so the true total is at least value.' })
  atLeast: boolean;

  @Field({ description: 'How to print it: "12", "fewer than 3", "at least 12".' })
  label: string;
}

@ObjectType({ description: 'What came of an event, as counts: registered -> checked in -> meetings held -> introductions asked -> accepted -> collaborations.' })
export class EventFunnel {
  @Field(() => FunnelCount, { description: 'Active registrations (live).' })
  registered: FunnelCount;

  @Field(() => FunnelCount, { description: 'Registrations checked in at the door (live).' })
  checkedIn: FunnelCount;

  @Field(() => FunnelCount, { description: 'Meetings at least one side said took place (as of releasedAt).' })
  meetingsHeld: FunnelCount;

  @Field(() => FunnelCount, { description: 'Introductions asked from the event\'s meetings (as of releasedAt).' })
  introductionsAsked: FunnelCount;

  @Field(() => FunnelCount, { description: 'Of those, accepted (as of releasedAt).' })
  introductionsAccepted: FunnelCount;

  @Field(() => FunnelCount, { description: 'Pairs that met at the event and have worked together since (as of releasedAt).' })
  collaborations: FunnelCount;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the answers-based counts were last released (null: none yet, shown as 0).' })
  releasedAt: Date | null;

  @Field({ description: 'Why the answers-based counts may lag: they are released only once at least three organizations have answered since the last release.' })
  note: string;
}

@ObjectType({ description: 'The funnel summed over an organizer\'s past events (ended, not cancelled).' })
export class EventFunnelTotals {
  @Field(() => Int)
  events: number;

  @Field(() => FunnelCount)
  registered: FunnelCount;

  @Field(() => FunnelCount)
  checkedIn: FunnelCount;

  @Field(() => FunnelCount)
  meetingsHeld: FunnelCount;

  @Field(() => FunnelCount)
  introductionsAsked: FunnelCount;

  @Field(() => FunnelCount)
  introductionsAccepted: FunnelCount;

  @Field(() => FunnelCount)
  collaborations: FunnelCount;
}

@ObjectType({ description: 'A short-lived link to a printable document or a download.' })
export class EventDocumentLink {
  @Field({ description: 'Path on this server (prefix it with the GraphQL endpoint\'s origin); it works until expiresAt for you only as you are now.' })
  url: string;

  @Field(() => DateTimeResolver)
  expiresAt: Date;
}
