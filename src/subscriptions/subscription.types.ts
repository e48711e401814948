import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Introduction } from '../introductions/introduction.types.js';
import { OfferRequest } from '../offers/offer-request.types.js';
import { Offer } from '../offers/offer.types.js';
import type { InboxChange } from '../activity/inbox-events.js';
import { InboxChangeKind, OfferChangeKind } from './subscription.enums.js';

// What the live subscriptions push. Every payload carries its cursor: pass the last one received as `after` when
// resubscribing, and the events missed meanwhile come first. The objects inside are the query types themselves,
// projected for the subscriber exactly as the queries project them (offer-posted.ts, inbox.ts).

@ObjectType({ description: 'An offer posted or reopened that you may see and that meets your subscription.' })
export class OfferPostedEvent {
  @Field({ description: 'Opaque; resubscribe with `after: cursor` to get what follows it.' })
  cursor: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => OfferChangeKind)
  change: OfferChangeKind | 'POSTED' | 'REOPENED';

  @Field(() => Offer, { description: 'The offer as `offer(id)` shows it to you now (an anonymous card stays a card).' })
  offer: Offer;
}

@ObjectType({ description: 'Something happened to an introduction or an offer request of your organization.' })
export class InboxEvent {
  @Field({ description: 'Opaque; resubscribe with `after: cursor` to get what follows it.' })
  cursor: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => InboxChangeKind)
  change: InboxChangeKind | InboxChange;

  @Field(() => Introduction, { nullable: true, description: 'Set for introductions, as `introductions(organizationId)` shows it now.' })
  introduction: Introduction | null;

  @Field(() => OfferRequest, { nullable: true, description: 'Set for offer requests, as `offerRequests(organizationId)` shows it now.' })
  offerRequest: OfferRequest | null;
}
