import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { connectionTypes } from '../core/connection.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { DecisionRule } from './coalition.enums.js';
import type { CoalitionRow } from './coalition-row.js';
import { ProposalKind, ProposalStatus, VoteChoice } from './governance.enums.js';
import type { ProposalRow } from './proposal-row.js';

// What proposals show. Organizations (proposer, subject, voters, signatories) are resolved by
// proposal-fields.resolver.ts through the coalition's member projection; votes and tallies by the rule in
// privacy/coalition-governance.ts.

@ObjectType({ description: 'The votes counted so far (or at settlement), members of the coalition only.' })
export class ProposalTally {
  @Field(() => Int) yes: number;
  @Field(() => Int) no: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int, { description: 'Organizations that may vote: the members when it was proposed that are still members.' })
  electorate: number;
  @Field(() => Int, { description: 'Votes (abstentions included) that make the quorum.' })
  votesNeeded: number;
}

@ObjectType({ description: 'A member organization\'s vote: final once cast.' })
export class ProposalVote {
  @Field(() => Organization, { nullable: true, description: 'The voting member; null if it left and you may no longer see it.' })
  organization: OrganizationRecord | null;

  @Field(() => VoteChoice)
  choice: VoteChoice;

  @Field()
  comment: string;

  @Field(() => DateTimeResolver)
  votedAt: Date;
}

@ObjectType({ description: 'The charter a CHARTER_CHANGE proposal would adopt.' })
export class ProposedCharter {
  @Field() purpose: string;
  @Field(() => DecisionRule) decisionRule: DecisionRule;
  @Field(() => Float) quorum: number;
  @Field() resourceSharing: string;
  @Field(() => [String]) nonNegotiables: string[];
  @Field(() => Int, { nullable: true }) rotationPeriodDays: number | null;
}

@ObjectType({ description: 'A proposal of a coalition: a charter change, an application to join, a removal, a statement or a decision.' })
export class CoalitionProposal {
  @Field(() => ID) id: string;
  @Field(() => ID) coalitionId: string;
  @Field(() => ProposalKind) kind: ProposalKind;
  @Field() title: string;
  @Field() body: string;

  @Field(() => ProposalStatus, { description: 'Stored once at settlement; a proposal past its deadline is settled before it is read.' })
  status: ProposalStatus;

  @Field(() => DecisionRule, { description: 'The charter\'s rule when it was proposed (it decides this proposal).' })
  decisionRule: DecisionRule;

  @Field(() => Float, { description: 'The charter\'s quorum when it was proposed.' })
  quorum: number;

  @Field(() => Int, { description: 'The charter version in force when it was proposed.' })
  charterVersion: number;

  @Field(() => ProposedCharter, { nullable: true, description: 'CHARTER_CHANGE: the charter it adopts.' })
  proposedCharter: ProposedCharter | null;

  @Field(() => DateTimeResolver) closesAt: Date;
  @Field(() => DateTimeResolver) createdAt: Date;
  @Field(() => DateTimeResolver, { nullable: true }) settledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What the outcome did, e.g. "Charter version 3 adopted".' })
  effect: string | null;

  /** For the field resolvers (not GraphQL fields). */
  row: ProposalRow;
  coalition: CoalitionRow;
  insider: boolean;
}

export const { Connection: CoalitionProposalConnection } = connectionTypes(CoalitionProposal, 'CoalitionProposal');
