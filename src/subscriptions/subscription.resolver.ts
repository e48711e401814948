import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { OfferFilter } from '../offers/offer.inputs.js';
import { subscribeToEvents } from '../activity/event-stream.js';
import { INBOX } from '../activity/inbox-events.js';
import { projectInbox } from './inbox.js';
import { OFFER_POSTED } from '../offers/offer-events.js';
import { offerNeedsAudience, projectOfferPosted } from './offer-posted.js';
import { InboxEvent, OfferPostedEvent } from './subscription.types.js';

// Thin: arguments checked, then a resumable stream (event-stream.ts) with the projection of each event for the
// subscriber (offer-posted.ts, inbox.ts). The methods return the payload the stream produced.

interface OfferPostedArgsIn {
  organizationId?: string | null;
  filter?: OfferFilter | null;
  after?: string | null;
}

const AFTER_DESCRIPTION = 'The cursor of the last event you received: what followed it (within the 7-day retention) comes first, then live events.';

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => OfferPostedEvent, {
    description: 'Offers posted or reopened that you may see and that meet the open needs of `organizationId` (an '
      + 'organization you belong to) and/or match `filter` (both, when both are given). Each offer is shown exactly '
      + 'as `offer(id)` shows it to you.',
    subscribe: async ({ args, context }: { args: OfferPostedArgsIn; context: RequestContext }) => {
      const filter = args.filter ?? null;
      let seekerId: string | null = null;
      if (args.organizationId !== undefined && args.organizationId !== null) {
        seekerId = await requireMembership(context.db, context.viewer, args.organizationId, 'Only members of the organization can follow offers for its needs');
      } else if (!filter) {
        throw new BadInputError('organizationId', 'Give organizationId (offers meeting its open needs), filter, or both');
      }
      const argsKey = JSON.stringify({ seekerId, filter });
      return subscribeToEvents(context, {
        kinds: [OFFER_POSTED],
        after: args.after,
        ...(seekerId ? { audience: offerNeedsAudience(context.db, seekerId) } : {}),
        project: (event, ctx, scope) => projectOfferPosted(event, ctx, scope, { seekerId, filter }, argsKey),
      });
    },
  })
  offerPosted(
    @Root() event: OfferPostedEvent,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Offers meeting this organization\'s open needs (you must be a member).' }) _organizationId?: string,
    @Arg('filter', () => OfferFilter, { nullable: true, description: 'The `offers` filter; `openOnly` and `search` apply as in the list.' }) _filter?: OfferFilter,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): OfferPostedEvent {
    return event;
  }

  @Subscription(() => InboxEvent, {
    description: 'Introductions and offer requests of an organization you belong to: received, accepted, declined (to '
      + 'the requester only), withdrawn, expired.',
    subscribe: async ({ args, context }: { args: { organizationId: string; after?: string | null }; context: RequestContext }) => {
      const organizationId = await requireMembership(context.db, context.viewer, args.organizationId, 'Only members of the organization can follow its inbox');
      return subscribeToEvents(context, {
        kinds: [INBOX],
        after: args.after,
        organizationIds: [organizationId],
        project: (event, ctx) => projectInbox(event, ctx, organizationId),
      });
    },
  })
  inboxUpdated(
    @Root() event: InboxEvent,
    @Arg('organizationId', () => ID) _organizationId: string,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) _after?: string,
  ): InboxEvent {
    return event;
  }
}
