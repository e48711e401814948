import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { LocationPrecision, OrganizationKind, SizeBand, Visibility } from '../core/enums.js';
import { connectionTypes } from '../core/connection.js';

// Fields that need the viewer (location, contact email, members, capabilities, ...) are not plain @Fields
// here: resolvers add them with a check, so a private column can never leak through a default resolver. Fields
// of other features are added by their own resolvers: members (members/organization-members.resolver.ts),
// capabilities and needs (capabilities/organization-capabilities.resolver.ts).
//
// simpleResolvers: plain fields are read straight off the object, without a type-graphql wrapper per field (the
// list page reads about a thousand of them; the schema has no global middleware or auth checker for a wrapper to
// run). The hot types of the list page do the same: PageInfo and connections, Capability, Need, Skill, IssueArea.

@ObjectType({ description: 'Where an organization is, never more precise than it chose for this viewer.', simpleResolvers: true })
export class Location {
  @Field(() => LocationPrecision, { description: 'The precision of the values below, for this viewer.' })
  precision: LocationPrecision;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;
}

@ObjectType({ description: 'An organization profile.', simpleResolvers: true })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  mission: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => SizeBand, { nullable: true })
  sizeBand: SizeBand | null;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => [String], { description: 'ISO 639-1 language codes.' })
  languages: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Where the money comes from, in the organization\'s words.' })
  fundingDisclosure: string | null;

  @Field({ description: 'Checked by Coalesce admins.' })
  verified: boolean;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

export const { Edge: OrganizationEdgeBase, Connection: OrganizationConnection } = connectionTypes(Organization, 'Organization');
export type OrganizationConnection = InstanceType<typeof OrganizationConnection>;
