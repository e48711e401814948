import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { Organization } from '../profiles/organization.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { IssueArea, Skill } from '../taxonomy/taxonomy.types.js';
import { offersForNeeds } from './offer-matching.service.js';
import { findOffer, listOffers } from './offer-query.service.js';
import { OfferCloseInput, OfferFilter, OfferPayload, OfferPostInput, OfferUpdateInput } from './offer.inputs.js';
import { closeOffer, postOffer, updateOffer } from './offer.service.js';
import { Offer, OfferConnection, OfferMatchConnection } from './offer.types.js';

async function offerPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<OfferPayload> {
  return { offer: outcome.result ? await findOffer(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver(() => Offer)
export class OfferResolver {
  @Query(() => Offer, { description: 'One offer you may see; NOT_FOUND for a missing and a hidden one alike.' })
  async offer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Offer> {
    return findOffer(ctx, id);
  }

  @Query(() => OfferConnection, { description: 'Offers you may see, filtered; by relevance when searching, by distance with `near`, else newest first.' })
  async offers(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => OfferFilter, { nullable: true }) filter?: OfferFilter,
  ) {
    return listOffers(ctx, filter ?? {}, toPage(pageArgs));
  }

  @Query(() => OfferMatchConnection, {
    description: 'Open offers that meet the open needs of an organization you belong to, best first, with reasons '
      + '(which need, the offering organization\'s level, distance, language).',
  })
  async offersForNeeds(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
  ) {
    return offersForNeeds(ctx, organizationId, toPage(pageArgs));
  }

  @Mutation(() => OfferPayload, { description: 'Posts an offer for your organization (owners and editors).' })
  async offerPost(@Ctx() ctx: RequestContext, @Arg('input', () => OfferPostInput, { validate: false }) input: OfferPostInput): Promise<OfferPayload> {
    return offerPayload(ctx, await runMutation(ctx, input, (tx) => postOffer(ctx, tx, input)));
  }

  @Mutation(() => OfferPayload, { description: 'Changes an offer that is not closed (owners and editors of its organization).' })
  async offerUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => OfferUpdateInput, { validate: false }) input: OfferUpdateInput): Promise<OfferPayload> {
    return offerPayload(ctx, await runMutation(ctx, input, (tx) => updateOffer(ctx, tx, input)));
  }

  @Mutation(() => OfferPayload, { description: 'Closes an offer: it takes no more requests (owners and editors of its organization).' })
  async offerClose(@Ctx() ctx: RequestContext, @Arg('input', () => OfferCloseInput, { validate: false }) input: OfferCloseInput): Promise<OfferPayload> {
    return offerPayload(ctx, await runMutation(ctx, input, (tx) => closeOffer(ctx, tx, input)));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The offering organization; null when you may not see its name (see anonymousOrganization).' })
  async organization(@Ctx() ctx: RequestContext, @Root() offer: Offer): Promise<OrganizationRecord | null> {
    return offer.named ? ctx.loaders.offerOrganizations.load(offer.organizationId) : null;
  }

  @FieldResolver(() => Skill, { description: 'What is offered.' })
  async skill(@Ctx() ctx: RequestContext, @Root() offer: Offer): Promise<Skill> {
    return (await ctx.loaders.offerSkills.load(offer.skillId))!;
  }

  @FieldResolver(() => [IssueArea], { description: 'The issue areas it serves; empty for an anonymous offer.' })
  async issueAreas(@Ctx() ctx: RequestContext, @Root() offer: Offer): Promise<IssueArea[]> {
    return offer.named ? ctx.loaders.offerIssueAreas.load(offer.id) : [];
  }
}
