import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';
import { EVENT_LIMITS } from './event.enums.js';

@InputType()
export class EventScheduleGenerateInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => Int, { nullable: true, description: 'Same registrations, rules, locks and seed give the same schedule. Default: a new random seed (returned).' })
  @IsOptional()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number | null;
}

@InputType()
export class EventMeetingAddInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => Int, { description: 'The round, from 1.' })
  @Min(1)
  @Max(EVENT_LIMITS.maxRounds)
  round: number;

  @Field(() => [ID], { description: 'The two registrations that meet (TABLES: that share a table).' })
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  registrationIds: string[];

  @Field(() => Int, { nullable: true, description: 'TABLES: the table, from 1 (default: where one of the two already sits).' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  table?: number | null;
}

@InputType()
export class EventMeetingIdInput {
  @Field(() => ID)
  meetingId: string;
}

@InputType()
export class EventMeetingLockInput {
  @Field(() => ID)
  meetingId: string;

  @Field({ nullable: true, description: 'true (default) keeps it through regeneration and repair; false releases it.' })
  @Omittable()
  locked?: boolean;
}

@InputType({
  description: 'Two meetings of the same round exchange partners (A-B and C-D become A-D and C-B); of different rounds '
    + '(ONE_TO_ONE) they exchange rounds. The results are locked.',
})
export class EventMeetingsSwapInput {
  @Field(() => [ID])
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  meetingIds: string[];
}
