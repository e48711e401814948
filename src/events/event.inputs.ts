import {
  ArrayMaxSize, ArrayUnique, IsISO31661Alpha2, IsLatitude, IsLongitude, IsOptional, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocationPrecision, OrganizationKind } from '../core/enums.js';
import { Omittable } from '../core/input-rules.js';
import { AttendeeListVisibility, EVENT_LIMITS, EventFormat, KindRuleMode, MetBeforePolicy } from './event.enums.js';

@InputType({ description: 'Where an in-person event takes place.' })
export class EventPlaceInput {
  @Field({ nullable: true, description: 'Name or address of the venue; shown to non-registrants only at EXACT precision.' })
  @IsOptional()
  @Length(1, 200)
  venue?: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. KE.' })
  @IsISO31661Alpha2()
  country: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  region?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  city?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @Field(() => LocationPrecision, { description: 'What people who are not registered may learn of the place. Default CITY.', nullable: true })
  @Omittable()
  precision?: LocationPrecision;
}

@InputType({ description: 'A who-can-meet rule by organization kind, e.g. FOUNDATION ONLY [COMMUNITY_GROUP, FAITH_BASED].' })
export class EventKindRuleInput {
  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => KindRuleMode)
  mode: KindRuleMode;

  @Field(() => [OrganizationKind])
  @ArrayMaxSize(20)
  kinds: OrganizationKind[];
}

/** Fields shared by create and update; on update every field is optional (absent = unchanged). */
@InputType()
export class EventFields {
  @Field({ nullable: true, description: '1 to 200 characters.' })
  @Omittable()
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @Omittable()
  @Length(0, 8000)
  description?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  @Omittable()
  startsAt?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'After startsAt; the rounds must fit between the two.' })
  @Omittable()
  endsAt?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Self-registration closes then; at or before startsAt. Default: startsAt.' })
  @Omittable()
  registrationDeadline?: Date;

  @Field({ nullable: true, description: 'An online event has no place.' })
  @Omittable()
  online?: boolean;

  @Field(() => EventPlaceInput, { nullable: true, description: 'Where it takes place (in-person events); null clears it.' })
  @IsOptional()
  @ValidateNested()
  place?: EventPlaceInput | null;

  @Field(() => Int, { nullable: true, description: `Meeting rounds, 1 to ${EVENT_LIMITS.maxRounds}.` })
  @Omittable()
  @Min(1)
  @Max(EVENT_LIMITS.maxRounds)
  rounds?: number;

  @Field(() => Int, { nullable: true, description: `Minutes per meeting round, ${EVENT_LIMITS.minMinutes} to ${EVENT_LIMITS.maxMinutes}.` })
  @Omittable()
  @Min(EVENT_LIMITS.minMinutes)
  @Max(EVENT_LIMITS.maxMinutes)
  minutesPerMeeting?: number;

  @Field(() => EventFormat, { nullable: true })
  @Omittable()
  format?: EventFormat;

  @Field(() => Int, { nullable: true, description: `TABLES only: seats per table, ${EVENT_LIMITS.minSeats} to ${EVENT_LIMITS.maxSeats}.` })
  @IsOptional()
  @Min(EVENT_LIMITS.minSeats)
  @Max(EVENT_LIMITS.maxSeats)
  seatsPerTable?: number | null;

  @Field(() => Int, { nullable: true, description: `Most active registrations, 2 to ${EVENT_LIMITS.maxCapacity}; null: no limit but the engine's (${EVENT_LIMITS.maxCapacity}).` })
  @IsOptional()
  @Min(2)
  @Max(EVENT_LIMITS.maxCapacity)
  capacity?: number | null;

  @Field(() => AttendeeListVisibility, { nullable: true, description: 'Default ORGANIZER_ONLY.' })
  @Omittable()
  attendeeListVisibility?: AttendeeListVisibility;

  @Field(() => [EventKindRuleInput], { nullable: true, description: 'Who-can-meet rules by kind; [] for none.' })
  @Omittable()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  kindRules?: EventKindRuleInput[];

  @Field(() => MetBeforePolicy, { nullable: true, description: 'Default RANK_LOWER.' })
  @Omittable()
  metBefore?: MetBeforePolicy;
}

@InputType()
export class EventCreateInput extends EventFields {
  @Field(() => ID, { description: 'The organizing organization (you must be an OWNER or EDITOR).' })
  organizerOrganizationId: string;
}

@InputType()
export class EventUpdateInput extends EventFields {
  @Field(() => ID)
  id: string;
}

@InputType()
export class EventIdInput {
  @Field(() => ID)
  eventId: string;
}

/** Shared registration fields; on update every field is optional (absent = unchanged). */
@InputType()
export class RegistrationFields {
  @Field(() => [String], { nullable: true, description: `Names of the people attending (optional), at most ${EVENT_LIMITS.maxPeople}.` })
  @Omittable()
  @ArrayMaxSize(EVENT_LIMITS.maxPeople)
  @Length(1, 200, { each: true })
  people?: string[];

  @Field(() => String, { nullable: true, description: 'Who the organizers write to about this event; organizers and your members only. null clears it.' })
  @IsOptional()
  @Length(3, 254)
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'contactEmail must be an email address' })
  contactEmail?: string | null;

  @Field(() => [ID], { nullable: true, description: "Skills sought at this event. Default: the organization's open needs." })
  @Omittable()
  @ArrayMaxSize(EVENT_LIMITS.maxSkills)
  @ArrayUnique()
  seekingSkillIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Skills offered at this event. Default: the organization's capabilities." })
  @Omittable()
  @ArrayMaxSize(EVENT_LIMITS.maxSkills)
  @ArrayUnique()
  offeringSkillIds?: string[];

  @Field(() => [Int], { nullable: true, description: 'Rounds (from 1) it can meet in; null: every round.' })
  @IsOptional()
  @ArrayMaxSize(EVENT_LIMITS.maxRounds)
  @ArrayUnique()
  @Min(1, { each: true })
  @Max(EVENT_LIMITS.maxRounds, { each: true })
  availableRounds?: number[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations it will not meet. Only the organizers and your members ever see this list.' })
  @Omittable()
  @ArrayMaxSize(EVENT_LIMITS.maxDoNotMeet)
  @ArrayUnique()
  doNotMeetOrganizationIds?: string[];

  @Field(() => Int, { nullable: true, description: 'Most meetings it wants; null: no cap.' })
  @IsOptional()
  @Min(0)
  @Max(EVENT_LIMITS.maxRounds)
  maxMeetings?: number | null;
}

@InputType()
export class EventRegisterInput extends RegistrationFields {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: 'The organization to register (OWNER or EDITOR for a self-registration; an organizer can add any organization it may see).' })
  organizationId: string;
}

@InputType()
export class EventRegistrationUpdateInput extends RegistrationFields {
  @Field(() => ID)
  registrationId: string;
}

@InputType()
export class EventRegistrationIdInput {
  @Field(() => ID)
  registrationId: string;
}

@InputType()
export class EventRegistrationImportInput {
  @Field(() => ID)
  eventId: string;

  @Field({
    description: 'CSV with a header row: organization (slug or exact name), contact (email), seeking, offering (skill slugs '
      + 'separated by ";"), availability (rounds like "1-3;5", empty = all); optional people (";"-separated) and maxMeetings. '
      + `At most ${EVENT_LIMITS.maxImportLines} lines.`,
  })
  @Length(1, 100_000)
  csv: string;

  @Field({ nullable: true, description: 'Check every line and report, but import nothing.' })
  @Omittable()
  dryRun?: boolean;
}
