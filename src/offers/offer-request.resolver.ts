import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { completeOfferRequest, rateOfferRequest } from './offer-request-feedback.service.js';
import { listOfferRequests, loadViewerRequest, readOfferRequest } from './offer-request-query.service.js';
import { OfferRequestDirection, OfferRequestStatus } from './offer-request.enums.js';
import {
  OfferRequestCompleteInput, OfferRequestInput, OfferRequestRateInput, OfferRequestRespondInput, OfferRequestWithdrawInput,
} from './offer-request.inputs.js';
import { requestOffer, respondToOfferRequest, withdrawOfferRequest, type TouchedRequest } from './offer-request.service.js';
import { OfferRequest, OfferRequestConnection, OfferRequestPayload } from './offer-request.types.js';
import { Offer } from './offer.types.js';

async function payload(ctx: RequestContext, outcome: MutationOutcome<TouchedRequest>): Promise<OfferRequestPayload> {
  const { result, userErrors } = outcome;
  return { offerRequest: result ? await readOfferRequest(ctx, result.id, result.perspective) : null, userErrors };
}

@Resolver()
export class OfferRequestResolver {
  @Query(() => OfferRequestConnection, { description: 'Offer requests an organization you belong to received for its offers or sent, newest first.' })
  async offerRequests(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('direction', () => OfferRequestDirection, { nullable: true, description: 'Omit for both directions.' }) direction?: OfferRequestDirection,
    @Arg('status', () => OfferRequestStatus, { nullable: true }) status?: OfferRequestStatus,
    @Arg('offerId', () => ID, { nullable: true, description: 'Only the requests for this offer.' }) offerId?: string,
  ) {
    return listOfferRequests(ctx, { organizationId, direction, status, offerId }, toPage(pageArgs));
  }

  @Mutation(() => OfferRequestPayload, { description: 'Asks for seats in an offer on behalf of your organization (owners and editors).' })
  async offerRequest(@Ctx() ctx: RequestContext, @Arg('input', () => OfferRequestInput, { validate: false }) input: OfferRequestInput) {
    return payload(ctx, await runMutation(ctx, input, (tx) => requestOffer(ctx, tx, input)));
  }

  @Mutation(() => OfferRequestPayload, { description: 'Withdraws a pending or accepted request (owners and editors of the requester); accepted seats are freed.' })
  async offerRequestWithdraw(@Ctx() ctx: RequestContext, @Arg('input', () => OfferRequestWithdrawInput, { validate: false }) input: OfferRequestWithdrawInput) {
    return payload(ctx, await runMutation(ctx, input, (tx) => withdrawOfferRequest(ctx, tx, input)));
  }

  @Mutation(() => OfferRequestPayload, { description: 'Accepts or declines a pending request (owners and editors of the offering organization). Accepting takes its seats: FULL when they are gone.' })
  async offerRequestRespond(@Ctx() ctx: RequestContext, @Arg('input', () => OfferRequestRespondInput, { validate: false }) input: OfferRequestRespondInput) {
    return payload(ctx, await runMutation(ctx, input, (tx) => respondToOfferRequest(ctx, tx, input)));
  }

  @Mutation(() => OfferRequestPayload, { description: 'Marks an accepted exchange done (owners and editors of either side), so both may rate it.' })
  async offerRequestComplete(@Ctx() ctx: RequestContext, @Arg('input', () => OfferRequestCompleteInput, { validate: false }) input: OfferRequestCompleteInput) {
    return payload(ctx, await runMutation(ctx, input, (tx) => completeOfferRequest(ctx, tx, input)));
  }

  @Mutation(() => OfferRequestPayload, { description: 'Rates a done exchange for your side, 1 to 5 with an optional comment; it feeds your partner suggestions\' trust.' })
  async offerRequestRate(@Ctx() ctx: RequestContext, @Arg('input', () => OfferRequestRateInput, { validate: false }) input: OfferRequestRateInput) {
    return payload(ctx, await runMutation(ctx, input, (tx) => rateOfferRequest(ctx, tx, input)));
  }
}

@Resolver(() => Offer)
export class OfferViewerRequestResolver {
  @FieldResolver(() => OfferRequest, {
    nullable: true,
    description: 'The request of one of your organizations for this offer (a pending or accepted one first, else the latest); null when none. Never another organization\'s.',
  })
  viewerRequest(@Root() offer: Offer, @Ctx() ctx: RequestContext): Promise<OfferRequest | null> {
    return loadViewerRequest(ctx, offer.id);
  }
}

@Resolver(() => Organization)
export class OrganizationExchangesResolver {
  @FieldResolver(() => Int, { description: 'Skill exchanges done (offer requests accepted and carried out), as requester or as offerer. A count only: with whom, and how they were rated, stays with the two sides.' })
  exchangesCompleted(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.exchangesCompletedByOrganization.load(org.id);
  }
}
