import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { CapabilityLevel, Visibility } from '../core/enums.js';
import { connectionTypes } from '../core/connection.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { GapFiller } from '../suggestions/suggestion.types.js';
import { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { CoalitionInvitationStatus, CoalitionRole, CoalitionStatus, DecisionRule } from './coalition.enums.js';
import type { CoalitionRow } from './coalition-row.js';

// What coalitions show. The Coalition object carries its row; everything that names an organization (members,
// coordinator, rotation order, invitations, coverage) is resolved by coalition-fields.resolver.ts through the
// rule in privacy/coalition-visibility.ts. Other features add fields with their own @Resolver(() => Coalition).

@ObjectType({ description: 'Where a coalition works: a country and region, and a circle (none for a remote coalition).' })
export class CoalitionScope {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Float, { nullable: true })
  radiusKm: number | null;
}

@ObjectType({ description: 'An organization working together with others on one issue, with a charter and a coordinator.' })
export class Coalition implements Pick<CoalitionRow, 'id' | 'name' | 'requiredCategoryIds' | 'visibility' | 'status' | 'createdAt'> {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [ID], { description: 'Capability category codes the campaign needs (the rows of the coverage matrix).' })
  requiredCategoryIds: string[];

  @Field(() => Visibility, { description: 'PUBLIC: anyone; NETWORK: signed-in users; PRIVATE: members and invited organizations only.' })
  visibility: Visibility;

  @Field(() => CoalitionStatus)
  status: CoalitionStatus;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  /** The row, for the field resolvers (not a GraphQL field). */
  row: CoalitionRow;
}

@ObjectType({
  description: 'A member of a coalition as you may see it: by name when you are a member of the coalition, or when '
    + 'its visibility in the coalition and its own allow; otherwise an anonymous participant (organization, role, '
    + 'join date and endorsement are null).',
})
export class CoalitionParticipant {
  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field({ description: 'True when shown as an anonymous participant.' })
  anonymous: boolean;

  @Field(() => CoalitionRole, { nullable: true })
  role: CoalitionRole | null;

  @Field(() => Visibility, { nullable: true, description: 'How it is shown to non-members (members of the coalition only).' })
  visibility: Visibility | null;

  @Field(() => DateTimeResolver, { nullable: true })
  joinedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it endorsed the current charter version (null when anonymous).' })
  endorsedCurrentCharter: boolean | null;

  @Field({ description: 'Whether it is the current coordinator.' })
  coordinator: boolean;
}

@ObjectType({ description: 'One version of the charter (a simple memorandum of understanding).' })
export class CoalitionCharter {
  @Field(() => Int)
  version: number;

  @Field()
  purpose: string;

  @Field(() => DecisionRule)
  decisionRule: DecisionRule;

  @Field(() => Float, { description: 'Share of the members (0..1) whose votes make a decision valid.' })
  quorum: number;

  @Field({ description: 'How resources (money, staff time, data, credit) are shared.' })
  resourceSharing: string;

  @Field(() => [String])
  nonNegotiables: string[];

  @Field(() => Int, { nullable: true, description: 'Days per coordinator turn; null: no rotation.' })
  rotationPeriodDays: number | null;

  @Field(() => [CoalitionParticipant], { description: 'Coordinating order (members that left are skipped), shown under the member rule.' })
  rotationOrder: CoalitionParticipant[];

  @Field(() => Int, { description: 'Current members that endorsed this version.' })
  endorsements: number;

  @Field(() => DateTimeResolver, { description: 'When this version was adopted.' })
  createdAt: Date;
}

@ObjectType({ description: 'The current coordinator, derived from the charter\'s rotation.' })
export class CoalitionCoordinator {
  @Field(() => CoalitionParticipant)
  member: CoalitionParticipant;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the turn passes on; null without a rotation.' })
  until: Date | null;
}

@ObjectType({ description: 'The organization invited: named, or (invited through an anonymous card) its card until it accepts.' })
export class CoalitionInvitee {
  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field(() => AnonymousOrganization, { nullable: true, description: 'The card as it was when invited; its token resolves to nothing.' })
  anonymous: AnonymousOrganization | null;
}

@ObjectType({ description: 'An invitation to join a coalition (double opt-in).' })
export class CoalitionInvitation {
  @Field(() => ID)
  id: string;

  @Field(() => Coalition)
  coalition: Coalition;

  @Field(() => CoalitionInvitee)
  invitee: CoalitionInvitee;

  @Field(() => Organization, { nullable: true, description: 'The member organization that invited, when you may see it by name.' })
  invitedBy: OrganizationRecord | null;

  @Field(() => ID, { nullable: true, description: 'The required category it means to fill, when sent from the gap fillers.' })
  categoryId: string | null;

  @Field()
  message: string;

  @Field(() => CoalitionInvitationStatus, { description: 'For the coalition, a decline reads PENDING until the invitation expires.' })
  status: CoalitionInvitationStatus;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  expiresAt: Date;
}

@ObjectType({ description: 'Who among the current members covers a required category, and how well.' })
export class CoalitionCoverageCell {
  @Field(() => ID)
  categoryId: string;

  @Field(() => CoalitionParticipant, { nullable: true, description: 'Null when nobody covers it (a gap).' })
  member: CoalitionParticipant | null;

  @Field(() => CapabilityLevel, { nullable: true })
  level: CapabilityLevel | null;

  @Field(() => String, { nullable: true })
  skillName: string | null;
}

@ObjectType({ description: 'The live coverage matrix of the required categories by the current members (members of the coalition only).' })
export class CoalitionCoverage {
  @Field(() => [CoalitionCoverageCell])
  cells: CoalitionCoverageCell[];

  @Field(() => [ID], { description: 'Required categories nobody covers.' })
  gaps: string[];

  @Field(() => [GapFiller], { description: 'Organizations you may see that could fill each gap (dealbreakers both ways respected); invite them with coalitionInvite.' })
  gapFillers: GapFiller[];
}

export const { Connection: CoalitionConnection } = connectionTypes(Coalition, 'Coalition');
export const { Connection: CoalitionInvitationConnection } = connectionTypes(CoalitionInvitation, 'CoalitionInvitation');
