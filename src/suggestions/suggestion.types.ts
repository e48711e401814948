import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CapabilityLevel, OrganizationKind } from '../core/enums.js';
import { connectionTypes } from '../core/connection.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { SuggestionReason } from '../core/reason.types.js';

// GraphQL shapes of partner and coalition suggestions. A PRIVATE organization never reaches these types as an
// Organization: it is an AnonymousOrganization with an opaque per-request token, so nothing here can resolve it.

@ObjectType({ description: 'The parts of a partner score, from the asking organization\'s point of view.' })
export class PartnerScoreParts {
  @Field(() => Float, { description: '0..1: share of their weighted open needs you cover.' })
  coversTheirNeeds: number;

  @Field(() => Float, { description: '0..1: share of your weighted open needs they cover.' })
  coveredByThem: number;

  @Field(() => Float, { description: '0..1: shared issue areas.' })
  sharedIssues: number;

  @Field(() => Float, { description: '0..1: closeness of public positions (remote help counts as close).' })
  proximity: number;

  @Field(() => Float, { description: '0 or 1: at least one shared language.' })
  language: number;

  @Field(() => Float, { description: '0..1: past collaborations (none recorded yet).' })
  trust: number;

  @Field(() => Float, { description: 'Subtracted from the score when they are flooded with requests.' })
  saturationPenalty: number;
}

@ObjectType({ description: 'One suggested partner: exactly one of organization and anonymous is set.' })
export class PartnerSuggestion {
  @Field(() => Organization, { nullable: true, description: 'The partner, when you may see it.' })
  organization: OrganizationRecord | null;

  @Field(() => AnonymousOrganization, { nullable: true, description: 'An anonymous description of a PRIVATE partner.' })
  anonymous: AnonymousOrganization | null;

  @Field(() => Float)
  score: number;

  @Field(() => PartnerScoreParts)
  parts: PartnerScoreParts;

  @Field(() => [SuggestionReason])
  reasons: SuggestionReason[];

  @Field(() => Float, { nullable: true, description: 'Km between public positions, rounded to the vaguer precision.' })
  distanceKm: number | null;

  @Field(() => String, { nullable: true, description: 'Distance in words, e.g. "same city".' })
  distanceBand: string | null;
}

export const { Connection: PartnerSuggestionConnection } = connectionTypes(PartnerSuggestion, 'PartnerSuggestion');

@InputType({ description: 'Narrows partner suggestions; all given conditions must hold.' })
export class PartnerSuggestionFilter {
  @Field(() => [ID], { nullable: true, description: 'Partners working on at least one of these issue areas (anonymous cards, which hide their issue areas, never match).' })
  issueAreaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Partners offering at least one of these skills.' })
  skillIds?: string[];

  @Field(() => Float, { nullable: true, description: 'Partners whose public position (for anonymous cards: the centre of their region cell) is within this many km of yours.' })
  maxDistanceKm?: number;

  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[];

  @Field(() => Boolean, { nullable: true, description: 'Only organizations verified by Coalesce admins (never anonymous cards, which do not show it).' })
  verifiedOnly?: boolean;
}

@InputType({ description: 'A circle on the map.' })
export class PlaceInput {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Float, { description: 'Radius in km, 0 or more.' })
  radiusKm: number;
}

@InputType()
export class CoalitionSuggestionInput {
  @Field(() => ID, { description: 'The organization asking; you must be one of its members.' })
  organizationId: string;

  @Field(() => ID, { description: 'The issue area the coalition works on.' })
  issueAreaId: string;

  @Field(() => PlaceInput, { nullable: true, description: 'Where members should be; omit for a remote coalition.' })
  near?: PlaceInput;

  @Field(() => [ID], { nullable: true, description: 'Capability category codes needed; default: typical ones for the issue.' })
  categoryIds?: string[];

  @Field(() => Int, { nullable: true, description: 'Fewest members; default 3.' })
  minSize?: number;

  @Field(() => Int, { nullable: true, description: 'Most members; default 6.' })
  maxSize?: number;

  @Field(() => [ID], { nullable: true, description: 'Organizations that must be members (e.g. your own).' })
  mustIncludeIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'At least one community-based group (community or faith-based).' })
  requireCommunityBased?: boolean;

  @Field(() => Int, { nullable: true, description: 'How many distinct alternatives, 1 to 5; default 3.' })
  alternatives?: number;
}

@ObjectType({ description: 'A member of a suggested coalition: exactly one of organization and anonymous is set.' })
export class CoalitionMember {
  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field(() => AnonymousOrganization, { nullable: true })
  anonymous: AnonymousOrganization | null;
}

@ObjectType({ description: 'Who covers a required category, and how well.' })
export class CoverageCell {
  @Field(() => ID, { description: 'Capability category code.' })
  categoryId: string;

  @Field(() => CoalitionMember, { nullable: true, description: 'Null when nobody covers it (a gap).' })
  member: CoalitionMember | null;

  @Field(() => CapabilityLevel, { nullable: true })
  level: CapabilityLevel | null;

  @Field(() => String, { nullable: true })
  skillName: string | null;
}

@ObjectType({ description: 'Visible organizations outside the search that could fill a gap.' })
export class GapFiller {
  @Field(() => ID, { description: 'Capability category code nobody in the coalition covers.' })
  categoryId: string;

  @Field(() => [Organization])
  organizations: OrganizationRecord[];
}

@ObjectType({ description: 'One suggested coalition.' })
export class CoalitionAlternative {
  @Field(() => [CoalitionMember])
  members: CoalitionMember[];

  @Field(() => [CoverageCell])
  coverage: CoverageCell[];

  @Field(() => [ID], { description: 'Required category codes nobody covers.' })
  gaps: string[];

  @Field(() => [GapFiller])
  gapFillers: GapFiller[];

  @Field(() => Float, { description: '0..1, 1 when roles are evenly spread.' })
  balance: number;

  @Field({ description: 'No dealbreaker between any two members.' })
  compatible: boolean;

  @Field({
    description: 'False when the search ran out of its work budget while looking for this alternative: it is a '
      + 'valid coalition but maybe not the best, and fewer alternatives than asked may have been returned.',
  })
  complete: boolean;

  @Field(() => Float, { description: 'Average relationship between members (shared issues, issue match).' })
  cohesion: number;

  @Field(() => Float)
  score: number;

  @Field(() => [SuggestionReason])
  reasons: SuggestionReason[];
}
