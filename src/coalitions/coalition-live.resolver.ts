import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { subscribeToEvents } from '../activity/event-stream.js';
import { VOUCH_EVENT } from '../vouching/vouch-events.js';
import { COALITION_EVENT } from './coalition-events.js';
import { projectCoalitionEvent } from './coalition-live.js';
import { CoalitionEvent } from './coalition-live.types.js';

@Resolver()
export class CoalitionLiveResolver {
  @Subscription(() => CoalitionEvent, {
    description: 'Coalition news for an organization you belong to: invitations it received, accepted, declined or that were '
      + 'withdrawn, invitations its coalitions sent that were accepted or withdrawn, proposals opened and settled, vouches given '
      + 'to it or withdrawn (see CoalitionChange for who hears what). Each payload is read for you as the queries show it. '
      + 'With `after`, what you missed since that cursor first (within the event retention), then live.',
    subscribe: async ({ args, context }: { args: { organizationId: string; after?: string | null }; context: RequestContext }) => {
      const organizationId = await requireMembership(context.db, context.viewer, args.organizationId, 'Only members of the organization can follow its coalitions');
      return subscribeToEvents(context, {
        kinds: [COALITION_EVENT, VOUCH_EVENT],
        after: args.after,
        organizationIds: [organizationId],
        project: (event, ctx) => projectCoalitionEvent(event, ctx, organizationId),
      });
    },
  })
  coalitionUpdated(
    @Root() event: CoalitionEvent,
    @Arg('organizationId', () => ID, { description: 'Your organization.' }) _organizationId: string,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event you received.' }) _after?: string,
  ): CoalitionEvent {
    return event;
  }
}
