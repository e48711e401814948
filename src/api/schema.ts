import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver.js';
import { EventResolver } from '../events/event.resolver.js';
import { EventRegistrationResolver } from '../events/registration.resolver.js';
import { EventScheduleResolver } from '../events/schedule.resolver.js';
import { EventsAfterResolver } from '../events/events-after.resolver.js';
import { CoalitionResolver } from '../coalitions/coalition.resolver.js';
import { CoalitionFieldsResolver, CoalitionInsiderFieldsResolver } from '../coalitions/coalition-fields.resolver.js';
import { IntroductionResolver } from '../introductions/introduction.resolver.js';
import { CapabilityResolver } from '../capabilities/capability.resolver.js';
import { OrganizationCapabilitiesResolver } from '../capabilities/organization-capabilities.resolver.js';
import { InvitationResolver } from '../members/invitation.resolver.js';
import { MembershipResolver } from '../members/membership.resolver.js';
import { OrganizationMembersResolver } from '../members/organization-members.resolver.js';
import { ViewerMembershipsResolver } from '../members/viewer-memberships.resolver.js';
import { OfferResolver } from '../offers/offer.resolver.js';
import { OfferRequestResolver, OfferViewerRequestResolver, OrganizationExchangesResolver } from '../offers/offer-request.resolver.js';
import { OrganizationResolver } from '../profiles/organization.resolver.js';
import { SuggestionResolver } from '../suggestions/suggestion.resolver.js';
import { SubscriptionResolver } from '../subscriptions/subscription.resolver.js';
import { UrgentAlertResolver } from '../alerts/urgent-alert.resolver.js';
import { SavedSearchResolver } from '../saved-searches/saved-search.resolver.js';
import { CapabilityCategoryResolver, TaxonomyResolver } from '../taxonomy/taxonomy.resolver.js';
import { OrganizationVouchingResolver, VouchResolver } from '../vouching/vouch.resolver.js';
import { VouchRequestResolver } from '../vouching/vouch-request.resolver.js';
import { ProposalResolver } from '../coalitions/proposal.resolver.js';
import { GoalResolver } from '../coalitions/goal.resolver.js';
import { CoalitionGoalsResolver } from '../coalitions/coalition-goals.resolver.js';
import { guardArgumentText } from './text-input.js';
import { CoalitionLiveResolver } from '../coalitions/coalition-live.resolver.js';
import { validateArgs } from './validate-args.js';

export const resolvers = [
  AccountResolver, OrganizationResolver, CapabilityResolver, MembershipResolver, InvitationResolver, TaxonomyResolver, CapabilityCategoryResolver,
  OrganizationCapabilitiesResolver, OrganizationMembersResolver, ViewerMembershipsResolver,
  SuggestionResolver, IntroductionResolver, OfferResolver,
  OfferRequestResolver, OfferViewerRequestResolver, OrganizationExchangesResolver,
  EventResolver, EventRegistrationResolver, EventScheduleResolver, EventsAfterResolver,
  VouchResolver, OrganizationVouchingResolver, VouchRequestResolver,
  ProposalResolver, GoalResolver, CoalitionGoalsResolver,
  CoalitionResolver, CoalitionFieldsResolver, CoalitionInsiderFieldsResolver, CoalitionLiveResolver,
  SubscriptionResolver,
  UrgentAlertResolver, SavedSearchResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    // Query arguments are validated here (BAD_USER_INPUT naming the field); mutation inputs opt out and are
    // validated by runMutation so that problems come back as userErrors in the payload.
    validateFn: validateArgs,
    // type-graphql requires a pubSub to build Subscription fields; ours all declare `subscribe` (resumable streams
    // fed by the event hub, src/activity/event-stream.ts), so this one never carries anything.
    pubSub: createPubSub(),
  }).then(lexicographicSortSchema).then(guardArgumentText); // text rules for every argument (text-input.ts)
  return built;
}
