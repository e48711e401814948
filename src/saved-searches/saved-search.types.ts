import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../core/connection.js';
import { Offer } from '../offers/offer.types.js';
import { Organization } from '../profiles/organization.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { SavedSearchKind } from './saved-search.enums.js';

@ObjectType({ description: 'A search an organization keeps: new organizations or offers that match it are pushed (savedSearchMatched) and listed (matches).' })
export class SavedSearch {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field()
  name: string;

  @Field(() => SavedSearchKind)
  kind: SavedSearchKind;

  @Field(() => JSONObjectResolver, { description: 'The OrganizationFilter or OfferFilter it was created with.' })
  filter: Record<string, unknown>;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType({ description: 'A new organization or offer that matched a saved search: exactly one of organization and offer is set, as you may see it now.' })
export class SavedSearchMatch {
  @Field(() => ID, { description: 'Increasing: newer matches have larger ids (savedSearchMarkSeen upToMatchId).' })
  id: string;

  @Field(() => ID)
  savedSearchId: string;

  @Field(() => SavedSearchKind)
  kind: SavedSearchKind;

  @Field(() => DateTimeResolver)
  matchedAt: Date;

  @Field({ description: 'Whether you (this member) marked it seen.' })
  seen: boolean;

  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field(() => Offer, { nullable: true })
  offer: Offer | null;
}

export const { Connection: SavedSearchConnection, Edge: SavedSearchEdge } = connectionTypes(SavedSearch, 'SavedSearch');
export const { Connection: SavedSearchMatchConnection, Edge: SavedSearchMatchEdge } = connectionTypes(SavedSearchMatch, 'SavedSearchMatch');

@ObjectType({ description: 'A savedSearchMatched push: the match as the matches list would show it to you, with the cursor to resume after it.' })
export class SavedSearchMatchEvent {
  @Field({ description: 'Pass as `after` when resubscribing to receive what you missed, without duplicates.' })
  cursor: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => SavedSearchMatch)
  match: SavedSearchMatch;
}
