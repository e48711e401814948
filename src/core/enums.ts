import { registerEnumType } from 'type-graphql';

// Closed sets shared by entities, the GraphQL schema and the engine. Stored as text (checked here and by
// CHECK-free varchar columns) so that adding a value is a code change, not a blocking ALTER TYPE. Each is
// registered with the GraphQL schema right under its definition, so that whoever imports it has it registered.

export enum OrganizationKind {
  NGO = 'NGO',
  COMMUNITY_GROUP = 'COMMUNITY_GROUP',
  FAITH_BASED = 'FAITH_BASED',
  LEGAL_AID = 'LEGAL_AID',
  MEDIA = 'MEDIA',
  UNION = 'UNION',
  NETWORK = 'NETWORK',
  ACADEMIC = 'ACADEMIC',
  FOUNDATION = 'FOUNDATION',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** Kinds that count as community-based groups for coalition building. */
export const COMMUNITY_BASED_KINDS: ReadonlySet<OrganizationKind> = new Set([
  OrganizationKind.COMMUNITY_GROUP,
  OrganizationKind.FAITH_BASED,
]);

export enum SizeBand {
  VOLUNTEER_ONLY = 'VOLUNTEER_ONLY',
  SMALL = 'SMALL', // 1-10 staff
  MEDIUM = 'MEDIUM', // 11-50
  LARGE = 'LARGE', // 51-250
  VERY_LARGE = 'VERY_LARGE', // 250+
}
registerEnumType(SizeBand, { name: 'SizeBand', description: 'Staff size: SMALL 1-10, MEDIUM 11-50, LARGE 51-250, VERY_LARGE 250+.' });

export enum Visibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  PRIVATE = 'PRIVATE',
}
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'PUBLIC: anyone. NETWORK: signed-in users. PRIVATE: only members; answered like a missing profile to others.',
});

export enum LocationPrecision {
  EXACT = 'EXACT',
  CITY = 'CITY',
  REGION = 'REGION',
  COUNTRY = 'COUNTRY',
}
registerEnumType(LocationPrecision, {
  name: 'LocationPrecision',
  description: 'How precisely non-members may learn where the organization is. The API never reveals more.',
});

export enum MembershipRole {
  OWNER = 'OWNER',
  EDITOR = 'EDITOR',
  MEMBER = 'MEMBER',
}
registerEnumType(MembershipRole, { name: 'MembershipRole' });

export enum CapabilityLevel {
  BASIC = 'BASIC',
  PROFICIENT = 'PROFICIENT',
  EXPERT = 'EXPERT',
}
registerEnumType(CapabilityLevel, { name: 'CapabilityLevel' });

export enum NeedPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(NeedPriority, { name: 'NeedPriority' });

export enum NeedStatus {
  OPEN = 'OPEN',
  MET = 'MET',
  CLOSED = 'CLOSED',
}
registerEnumType(NeedStatus, { name: 'NeedStatus' });
