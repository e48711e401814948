import {
  ArrayMaxSize, ArrayUnique, IsISO31661Alpha2, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Visibility } from '../core/enums.js';
import { Omittable } from '../core/input-rules.js';
import { UserError } from '../core/user-error.types.js';
import { PlaceInput } from '../suggestions/suggestion.types.js';
import { DecisionRule } from './coalition.enums.js';
import { Coalition, CoalitionInvitation } from './coalition.types.js';

export const MAX_NON_NEGOTIABLES = 20;
export const MAX_INVITES_AT_ONCE = 30;

@InputType({ description: 'A charter version: the first one at creation, later ones through a decision (proposals).' })
export class CoalitionCharterInput {
  @Field({ description: 'What the coalition is for, 1 to 4,000 characters.' })
  @Matches(/\S/, { message: 'purpose must not be blank' })
  @Length(1, 4000)
  purpose: string;

  @Field(() => DecisionRule, { nullable: true, description: 'Default CONSENSUS.' })
  @Omittable()
  decisionRule?: DecisionRule;

  @Field(() => Float, { nullable: true, description: 'Share of the members (0..1) whose votes make a decision valid; default 0.5.' })
  @Omittable()
  @Min(0)
  @Max(1)
  quorum?: number;

  @Field({ nullable: true, description: 'How resources are shared, up to 4,000 characters.' })
  @Omittable()
  @MaxLength(4000)
  resourceSharing?: string;

  @Field(() => [String], { nullable: true, description: `At most ${MAX_NON_NEGOTIABLES}, each 1 to 300 characters.` })
  @Omittable()
  @ArrayMaxSize(MAX_NON_NEGOTIABLES)
  @Length(1, 300, { each: true })
  nonNegotiables?: string[];

  @Field(() => Int, { nullable: true, description: 'Days per coordinator turn, 1 to 3,650; null or absent: no rotation.' })
  @IsOptional()
  @Min(1)
  @Max(3650)
  rotationPeriodDays?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Member organizations in coordinating order (current members only); default: the founder first.' })
  @Omittable()
  @ArrayMaxSize(100)
  @ArrayUnique()
  rotationOrderIds?: string[];
}

@InputType({ description: 'Where the coalition works; omit the circle for a remote coalition.' })
export class CoalitionScopeInput {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  region?: string | null;

  @Field(() => PlaceInput, { nullable: true, description: 'The circle (e.g. the `near` of the coalition suggestion it came from).' })
  @IsOptional()
  @ValidateNested()
  near?: PlaceInput | null;
}

@InputType({ description: 'Organizations to invite: by id (ones you may see) and/or by the token of an anonymous card.' })
export class CoalitionInviteesInput {
  @Field(() => [ID], { nullable: true })
  @Omittable()
  @ArrayMaxSize(MAX_INVITES_AT_ONCE)
  organizationIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Tokens of anonymous cards from coalitionSuggestions (valid for you, for 7 days).' })
  @Omittable()
  @ArrayMaxSize(MAX_INVITES_AT_ONCE)
  @MaxLength(200, { each: true })
  anonymousTokens?: string[];

  @Field({ nullable: true, description: 'Up to 2,000 characters, shown to the invited organizations.' })
  @Omittable()
  @MaxLength(2000)
  message?: string;
}

@InputType()
export class CoalitionCreateInput {
  @Field(() => ID, { description: 'The founding organization (you must be an OWNER or EDITOR); its first member.' })
  organizationId: string;

  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 200)
  name: string;

  @Field(() => ID)
  issueAreaId: string;

  @Field(() => [ID], { nullable: true, description: 'Capability category codes needed; default: typical ones for the issue (as coalitionSuggestions).' })
  @Omittable()
  @ArrayMaxSize(20)
  @ArrayUnique()
  requiredCategoryIds?: string[];

  @Field(() => CoalitionScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scope?: CoalitionScopeInput | null;

  @Field(() => Visibility, { nullable: true, description: 'Default NETWORK.' })
  @Omittable()
  visibility?: Visibility;

  @Field(() => Visibility, { nullable: true, description: 'How the founding organization is shown to non-members; default and at most its own visibility.' })
  @Omittable()
  memberVisibility?: Visibility;

  @Field(() => CoalitionCharterInput, { description: 'Version 1 of the charter.' })
  @ValidateNested()
  charter: CoalitionCharterInput;

  @Field(() => CoalitionInviteesInput, { nullable: true, description: 'From a suggestion: the other members of the chosen alternative.' })
  @IsOptional()
  @ValidateNested()
  invite?: CoalitionInviteesInput | null;
}

@InputType({ description: 'Exactly one of inviteeOrganizationId and anonymousToken.' })
export class CoalitionInviteInput {
  @Field(() => ID)
  coalitionId: string;

  @Field(() => ID, { nullable: true, description: 'The member organization you invite for; needed only when you can act for several.' })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An organization you may see (e.g. a gap filler).' })
  @IsOptional()
  inviteeOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The token of an anonymous card from coalitionSuggestions: it is invited without being revealed.' })
  @IsOptional()
  @MaxLength(200)
  anonymousToken?: string | null;

  @Field(() => ID, { nullable: true, description: 'The required category the invitation means to fill (from the gap fillers).' })
  @IsOptional()
  @MaxLength(40)
  categoryId?: string | null;

  @Field({ nullable: true, description: 'Up to 2,000 characters.' })
  @Omittable()
  @MaxLength(2000)
  message?: string;
}

@InputType()
export class CoalitionInvitationAcceptInput {
  @Field(() => ID)
  invitationId: string;

  @Field(() => Visibility, { nullable: true, description: 'How your organization is shown to non-members; default and at most its own visibility.' })
  @Omittable()
  memberVisibility?: Visibility;
}

@InputType()
export class CoalitionInvitationDeclineInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class CoalitionInvitationWithdrawInput {
  @Field(() => ID)
  invitationId: string;

  @Field(() => ID, { nullable: true, description: 'The member organization you act for; needed only when you can act for several.' })
  @IsOptional()
  organizationId?: string | null;
}

@InputType()
export class CoalitionLeaveInput {
  @Field(() => ID)
  coalitionId: string;

  @Field(() => ID, { description: 'The member organization that leaves (you must be an OWNER or EDITOR).' })
  organizationId: string;
}

@InputType()
export class CoalitionCharterEndorseInput {
  @Field(() => ID)
  coalitionId: string;

  @Field(() => ID, { nullable: true, description: 'The member organization that endorses; needed only when you can act for several.' })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => Int, { description: 'The version you read and endorse: it must still be the current one.' })
  version: number;
}

@InputType()
export class CoalitionMemberVisibilitySetInput {
  @Field(() => ID)
  coalitionId: string;

  @Field(() => ID, { description: 'Your member organization.' })
  organizationId: string;

  @Field(() => Visibility, { description: 'How it is shown to non-members (at most its own visibility).' })
  visibility: Visibility;
}

@ObjectType()
export class CoalitionPayload {
  @Field(() => Coalition, { nullable: true })
  coalition: Coalition | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CoalitionCreatePayload {
  @Field(() => Coalition, { nullable: true })
  coalition: Coalition | null;

  @Field(() => [CoalitionInvitation], { description: 'The invitations sent with it.' })
  invitations: CoalitionInvitation[];

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CoalitionInvitationPayload {
  @Field(() => CoalitionInvitation, { nullable: true })
  invitation: CoalitionInvitation | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
