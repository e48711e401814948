import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';
import { Collaboration, Introduction } from './introduction.types.js';

export const MAX_REASONS = 10;
export const MAX_REASON_LENGTH = 300;

@InputType()
export class RequestIntroductionInput {
  @Field(() => ID, { description: 'Your organization (you must be an OWNER or EDITOR).' })
  fromOrganizationId: string;

  @Field(() => ID, { description: 'The organization you would like to meet.' })
  toOrganizationId: string;

  @Field({ description: '1 to 2,000 characters.' })
  // Decorators register bottom-up: the length issue is the one reported for an empty message.
  @Matches(/\S/, { message: 'message must not be blank' })
  @Length(1, 2000)
  message: string;

  @Field(() => [String], { nullable: true, description: `Suggestion reasons to include: at most ${MAX_REASONS}, each up to ${MAX_REASON_LENGTH} characters.` })
  @IsOptional()
  @ArrayMaxSize(MAX_REASONS)
  @MaxLength(MAX_REASON_LENGTH, { each: true })
  reasons?: string[];
}

@InputType()
export class RespondToIntroductionInput {
  @Field(() => ID)
  introductionId: string;

  @Field({ description: 'true accepts (and records a collaboration), false declines.' })
  accept: boolean;
}

@InputType()
export class WithdrawIntroductionInput {
  @Field(() => ID)
  introductionId: string;
}

@InputType()
export class RateCollaborationInput {
  @Field(() => ID)
  collaborationId: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The side you rate for; needed only when you can edit both organizations of the collaboration.',
  })
  @IsOptional()
  organizationId?: string;
}

@ObjectType()
export class IntroductionPayload {
  @Field(() => Introduction, { nullable: true })
  introduction: Introduction | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CollaborationPayload {
  @Field(() => Collaboration, { nullable: true })
  collaboration: Collaboration | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
