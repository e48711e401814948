import { IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';
import { UserError } from '../core/user-error.types.js';
import { CoalitionCharterInput } from './coalition.inputs.js';
import { ProposalKind, PROPOSAL_DEFAULT_DAYS, PROPOSAL_MAX_DAYS, VoteChoice } from './governance.enums.js';
import { CoalitionProposal } from './proposal.types.js';

@InputType()
export class ProposalCreateInput {
  @Field(() => ID)
  coalitionId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The organization you act for (OWNER or EDITOR): a member, or for ADMIT_MEMBER the organization asking to join. '
      + 'Needed when you could act for several.',
  })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => ProposalKind)
  kind: ProposalKind;

  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title: string;

  @Field({ nullable: true, description: 'The decision or statement text, up to 10,000 characters (required for STATEMENT and DECISION).' })
  @Omittable()
  @MaxLength(10_000)
  body?: string;

  @Field(() => ID, { nullable: true, description: 'REMOVE_MEMBER: the member to remove.' })
  @IsOptional()
  subjectOrganizationId?: string | null;

  @Field(() => CoalitionCharterInput, { nullable: true, description: 'CHARTER_CHANGE: the charter to adopt (absent fields keep the current values).' })
  @IsOptional()
  @ValidateNested()
  charter?: CoalitionCharterInput | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: `When voting closes: at least a minute and at most ${PROPOSAL_MAX_DAYS} days ahead; default ${PROPOSAL_DEFAULT_DAYS} days.`,
  })
  @IsOptional()
  closesAt?: Date | null;
}

@InputType()
export class ProposalVoteInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => ID, { nullable: true, description: 'The member organization you vote for; needed when you could vote for several.' })
  @IsOptional()
  organizationId?: string | null;

  @Field(() => VoteChoice)
  choice: VoteChoice;

  @Field({ nullable: true, description: 'Why, up to 2,000 characters (members of the coalition read it).' })
  @Omittable()
  @MaxLength(2000)
  comment?: string;
}

@InputType()
export class ProposalRefInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => ID, { nullable: true, description: 'The organization you act for, when you could act for several.' })
  @IsOptional()
  organizationId?: string | null;
}

@ObjectType()
export class ProposalPayload {
  @Field(() => CoalitionProposal, { nullable: true })
  proposal: CoalitionProposal | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
