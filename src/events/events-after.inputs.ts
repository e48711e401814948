import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';

// Inputs of the door (check-in, no-shows, volunteers) and of the attendees' answers after their meetings.

@InputType()
export class EventMeetingMarkInput {
  @Field(() => ID, { description: 'A meeting of your agenda (EventCounterpart.meetingId).' })
  meetingId: string;

  @Field({ description: 'Did the meeting take place?' })
  held: boolean;

  @Field(() => Int, { nullable: true, description: 'How useful it was, 1 to 5 (only for a meeting that took place). Seen by nobody but your organization.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  rating?: number | null;

  @Field(() => ID, { nullable: true, description: 'The side you answer for; needed only when you edit both organizations of the meeting.' })
  @IsOptional()
  organizationId?: string | null;
}

@InputType()
export class EventMeetingIntroductionRequestInput {
  @Field(() => ID, { description: 'A meeting of your agenda whose round has begun.' })
  meetingId: string;

  @Field({ description: '1 to 2,000 characters.' })
  @Matches(/\S/, { message: 'message must not be blank' })
  @Length(1, 2000)
  message: string;

  @Field({ nullable: true, description: 'Carry the meeting\'s reasons (as your agenda shows them) into the introduction (default true).' })
  @Omittable()
  includeReasons?: boolean;

  @Field(() => ID, { nullable: true, description: 'The side you ask for; needed only when you edit both organizations of the meeting.' })
  @IsOptional()
  organizationId?: string | null;
}

@InputType()
export class EventCheckInInput {
  @Field(() => ID)
  eventId: string;

  @Field({ description: 'The code printed on the attendee\'s agenda (case, spaces and dashes do not matter).' })
  @Length(1, 20)
  code: string;
}

@InputType()
export class EventCheckInOpenInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'An attendee not checked in this many minutes after the start of a round it meets in is a no-show (default 10; 0 to 60).',
  })
  @Omittable()
  @Min(0)
  @Max(60)
  graceMinutes?: number;
}

@InputType()
export class EventNoShowMarkInput {
  @Field(() => ID)
  registrationId: string;
}

@InputType()
export class EventVolunteerSetInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: 'A member of the organizing organization (Organization.members).' })
  userId: string;

  @Field({ description: 'true designates the member as a volunteer at the door; false withdraws it.' })
  volunteer: boolean;
}
