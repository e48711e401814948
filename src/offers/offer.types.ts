import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Need } from '../capabilities/capability.types.js';
import { connectionTypes } from '../core/connection.js';
import type { ProjectedLocation } from '../privacy/member-projection.js';
import { Location } from '../profiles/organization.types.js';
import { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { SuggestionReason } from '../core/reason.types.js';
import { OfferAudience, OfferFormat, OfferStatus } from './offer.enums.js';

// What an offer shows, decided in offer-view.ts (the projection) and the field resolvers of offer.resolver.ts:
// the organization by name only where the audience rules allow (privacy/offer-audience.ts), else an anonymous
// card; an offer shown as a card hides its issue areas and languages and places itself at its region's cell.

@ObjectType({ description: 'Something an organization shares: a workshop, mentoring, a toolkit, volunteers, a secondment, ...' })
export class Offer {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => OfferFormat)
  format: OfferFormat;

  @Field(() => Int, { nullable: true, description: 'Places offered; null means unlimited.' })
  seats: number | null;

  @Field(() => Int, { nullable: true, description: 'Places not yet taken by accepted requests; null means unlimited.' })
  seatsLeft: number | null;

  @Field({ description: 'Can be taken part in remotely.' })
  remote: boolean;

  @Field(() => Location, {
    nullable: true,
    description: 'Where it takes place, never more precise than the organization\'s own location; for an anonymous offer its region\'s 1-degree cell, no city.',
  })
  place: ProjectedLocation | null;

  @Field(() => [String], { description: 'ISO 639-1 codes; empty for an anonymous offer.' })
  languages: string[];

  @Field(() => DateTimeResolver, { nullable: true })
  startsAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  endsAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Requests are taken until then.' })
  requestDeadline: Date | null;

  @Field(() => OfferAudience)
  audience: OfferAudience;

  @Field(() => OfferStatus)
  status: OfferStatus;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;

  @Field(() => Float, { nullable: true, description: 'With a `near` filter: km from the point, rounded to what the position reveals (100 km steps for an anonymous offer).' })
  distanceKm: number | null;

  @Field(() => AnonymousOrganization, { nullable: true, description: 'The offering organization as an anonymous card, when you may not see its name; null when named.' })
  anonymousOrganization: AnonymousOrganization | null;

  // Internal: read by the field resolvers (organization, skill, issueAreas), never fields themselves.
  organizationId: string;
  skillId: string;
  /** Whether the organization is named to this viewer (see privacy/offer-audience.ts). */
  named: boolean;
}

export const { Connection: OfferConnection } = connectionTypes(Offer, 'Offer');

@ObjectType({ description: 'An open offer that meets one of your organization\'s open needs, with why.' })
export class OfferMatch {
  @Field(() => Offer)
  offer: Offer;

  @Field(() => Need, { description: 'Your organization\'s need it meets best.' })
  need: Need;

  @Field(() => Float, { description: 'Higher is better; for an anonymous offer in steps of 0.05.' })
  score: number;

  @Field(() => [SuggestionReason], { description: 'Which need it meets, the offering organization\'s level, distance, language.' })
  reasons: SuggestionReason[];

  @Field(() => Float, { nullable: true, description: 'Km between public positions, rounded to the vaguer precision; null for remote offers.' })
  distanceKm: number | null;

  @Field(() => String, { nullable: true, description: 'Distance in words, or "remote".' })
  distanceBand: string | null;
}

export const { Connection: OfferMatchConnection } = connectionTypes(OfferMatch, 'OfferMatch');
