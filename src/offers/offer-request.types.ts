import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Need } from '../capabilities/capability.types.js';
import { connectionTypes } from '../core/connection.js';
import { UserError } from '../core/user-error.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { OfferRequestStatus } from './offer-request.enums.js';
import { Offer } from './offer.types.js';

// What an offer request shows, decided in offer-request-view.ts: only the members of its two organizations ever
// read one, each from its own side; the offer and the requesting organization are what the viewer may see of them.

@ObjectType({ description: 'An organization asking for seats in an offer. Only the two organizations see it.' })
export class OfferRequest {
  @Field(() => ID)
  id: string;

  @Field(() => Offer, { nullable: true, description: 'The offer, as you may see it (an anonymous card until a request is accepted); null when you may no longer see it.' })
  offer: Offer | null;

  @Field(() => Organization, { nullable: true, description: 'The organization asking; null when you may not see it.' })
  requestingOrganization: OrganizationRecord | null;

  @Field(() => Need, { nullable: true, description: 'The requesting organization\'s need it serves, if it said (met and closed needs: its members only).' })
  need: Need | null;

  @Field()
  message: string;

  @Field(() => Int, { description: 'Seats asked.' })
  seats: number;

  @Field(() => OfferRequestStatus)
  status: OfferRequestStatus;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was accepted, declined or withdrawn.' })
  respondedAt: Date | null;

  @Field({ description: 'An accepted exchange that has happened: a side marked it done, or the offer\'s window has ended. Then each side may rate it.' })
  completed: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When a side marked it done.' })
  completedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Your organization\'s rating of the exchange, 1 to 5.' })
  myRating: number | null;

  @Field(() => String, { nullable: true, description: 'Your organization\'s comment on the exchange.' })
  myComment: string | null;

  @Field({ description: 'Whether the other organization has rated the exchange.' })
  partnerRated: boolean;

  @Field(() => Int, { nullable: true, description: 'The other organization\'s rating: shown once both have rated, so neither rating answers the other.' })
  partnerRating: number | null;

  @Field(() => String, { nullable: true, description: 'The other organization\'s comment, shown with its rating.' })
  partnerComment: string | null;
}

export const { Connection: OfferRequestConnection } = connectionTypes(OfferRequest, 'OfferRequest');

@ObjectType()
export class OfferRequestPayload {
  @Field(() => OfferRequest, { nullable: true })
  offerRequest: OfferRequest | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
