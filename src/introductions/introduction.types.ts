import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { connectionTypes } from '../core/connection.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { CollaborationSource, IntroductionStatus } from './introduction.enums.js';

// What introductions and collaborations show, decided here and in introduction-view.ts: the organization
// fields hold records already filtered by the visibility rule, so a hidden organization is simply null.

@ObjectType({ description: 'A request from one organization to be introduced to another (double opt-in).' })
export class Introduction {
  @Field(() => ID)
  id: string;

  @Field(() => Organization, { nullable: true, description: 'The requesting organization; null when you may no longer see it.' })
  fromOrganization: OrganizationRecord | null;

  @Field(() => Organization, { nullable: true, description: 'The organization asked; null when you may no longer see it.' })
  toOrganization: OrganizationRecord | null;

  @Field()
  message: string;

  @Field(() => [String], { description: 'The suggestion reasons the requester chose to include.' })
  reasons: string[];

  @Field(() => IntroductionStatus)
  status: IntroductionStatus;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the organization asked accepted or declined.' })
  respondedAt: Date | null;
}

@ObjectType({ description: 'Two organizations working together, seen from one of them.' })
export class Collaboration {
  @Field(() => ID)
  id: string;

  @Field(() => Organization, { nullable: true, description: 'The other organization; null when you may not see it.' })
  partner: OrganizationRecord | null;

  @Field(() => CollaborationSource)
  source: CollaborationSource;

  @Field(() => DateTimeResolver)
  startedAt: Date;

  @Field(() => Int, { nullable: true, description: 'Your organization\'s rating, 1 to 5; null until given.' })
  myRating: number | null;

  @Field({ description: 'Whether the partner has rated it (its rating itself is never shown).' })
  partnerRated: boolean;
}

export const { Connection: IntroductionConnection } = connectionTypes(Introduction, 'Introduction');
export const { Connection: CollaborationConnection } = connectionTypes(Collaboration, 'Collaboration');
