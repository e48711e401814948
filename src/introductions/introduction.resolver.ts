import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { rateCollaboration } from './collaboration.service.js';
import { listCollaborations, listIntroductions, readCollaboration, readIntroduction } from './introduction-query.service.js';
import { IntroductionDirection, IntroductionStatus } from './introduction.enums.js';
import {
  CollaborationPayload, IntroductionPayload, RateCollaborationInput, RequestIntroductionInput, RespondToIntroductionInput,
  WithdrawIntroductionInput,
} from './introduction.inputs.js';
import { requestIntroduction, respondToIntroduction, withdrawIntroduction } from './introduction.service.js';
import { CollaborationConnection, IntroductionConnection } from './introduction.types.js';

async function introductionPayload(ctx: RequestContext, outcome: { result: string | null; userErrors: IntroductionPayload['userErrors'] }): Promise<IntroductionPayload> {
  return { introduction: outcome.result ? await readIntroduction(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver()
export class IntroductionResolver {
  @Query(() => IntroductionConnection, { description: 'Introductions sent or received by an organization you belong to, newest first.' })
  async introductions(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('direction', () => IntroductionDirection, { nullable: true, description: 'Omit for both directions.' }) direction?: IntroductionDirection,
    @Arg('status', () => IntroductionStatus, { nullable: true }) status?: IntroductionStatus,
  ) {
    return listIntroductions(ctx, { organizationId, direction, status }, toPage(pageArgs));
  }

  @Query(() => CollaborationConnection, { description: 'Organizations an organization you belong to works with, most recent first.' })
  async collaborations(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
  ) {
    return listCollaborations(ctx, organizationId, toPage(pageArgs));
  }

  @Mutation(() => IntroductionPayload, { description: 'Asks to be introduced to another organization (owners and editors of the requester).' })
  async requestIntroduction(@Ctx() ctx: RequestContext, @Arg('input', () => RequestIntroductionInput, { validate: false }) input: RequestIntroductionInput) {
    return introductionPayload(ctx, await runMutation(ctx, input, (tx) => requestIntroduction(ctx, tx, input)));
  }

  @Mutation(() => IntroductionPayload, { description: 'Accepts or declines a pending introduction (owners and editors of the organization asked).' })
  async respondToIntroduction(@Ctx() ctx: RequestContext, @Arg('input', () => RespondToIntroductionInput, { validate: false }) input: RespondToIntroductionInput) {
    return introductionPayload(ctx, await runMutation(ctx, input, (tx) => respondToIntroduction(ctx, tx, input)));
  }

  @Mutation(() => IntroductionPayload, { description: 'Withdraws a pending request (owners and editors of the requester).' })
  async withdrawIntroduction(@Ctx() ctx: RequestContext, @Arg('input', () => WithdrawIntroductionInput, { validate: false }) input: WithdrawIntroductionInput) {
    return introductionPayload(ctx, await runMutation(ctx, input, (tx) => withdrawIntroduction(ctx, tx, input)));
  }

  @Mutation(() => CollaborationPayload, { description: 'Rates a collaboration, 1 to 5, for your side of it.' })
  async rateCollaboration(@Ctx() ctx: RequestContext, @Arg('input', () => RateCollaborationInput, { validate: false }) input: RateCollaborationInput): Promise<CollaborationPayload> {
    const outcome = await runMutation(ctx, input, (tx) => rateCollaboration(ctx, tx, input));
    const collaboration = outcome.result ? await readCollaboration(ctx, outcome.result.id, outcome.result.organizationId) : null;
    return { collaboration, userErrors: outcome.userErrors };
  }
}
