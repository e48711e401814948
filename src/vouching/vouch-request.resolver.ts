import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { listVouchRequests, readVouchRequest } from './vouch-request-query.service.js';
import { VouchRequestAnswerInput, VouchRequestInput } from './vouch-request.inputs.js';
import { createVouchRequest, declineVouchRequest, withdrawVouchRequest, type AnsweredRequest } from './vouch-request.service.js';
import { VouchRequestConnection, VouchRequestPayload } from './vouch-request.types.js';

async function groupPayload(ctx: RequestContext, outcome: MutationOutcome<AnsweredRequest>): Promise<VouchRequestPayload> {
  if (!outcome.result) return { vouchRequest: null, userErrors: outcome.userErrors };
  return { vouchRequest: await readVouchRequest(ctx, outcome.result.id, outcome.result.groupId), userErrors: [] };
}

@Resolver()
export class VouchRequestResolver {
  @Query(() => VouchRequestConnection, {
    description: 'Vouch requests of one of your organizations, newest first: those it sent (every status) and those it was asked, while pending or while its vouch stands.',
  })
  async vouchRequests(@Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs, @Arg('organizationId', () => ID) organizationId: string) {
    return listVouchRequests(ctx, organizationId, toPage(pageArgs));
  }

  @Mutation(() => VouchRequestPayload, {
    description: 'Your group asks a verified organization it can see for a vouch (owners and editors); the request shows the group to that organization\'s members only.',
  })
  async vouchRequest(@Ctx() ctx: RequestContext, @Arg('input', () => VouchRequestInput, { validate: false }) input: VouchRequestInput) {
    return groupPayload(ctx, await runMutation(ctx, input, (tx) => createVouchRequest(ctx, tx, input)));
  }

  @Mutation(() => VouchRequestPayload, { description: 'Your group takes a pending request back (owners and editors of the group).' })
  async vouchRequestWithdraw(@Ctx() ctx: RequestContext, @Arg('input', () => VouchRequestAnswerInput, { validate: false }) input: VouchRequestAnswerInput) {
    return groupPayload(ctx, await runMutation(ctx, input, (tx) => withdrawVouchRequest(ctx, tx, input)));
  }

  @Mutation(() => VouchRequestPayload, {
    description: 'The asked organization declines a pending request (owners and editors). The group sees DECLINED and nothing else; the request leaves your list (vouchRequest is null).',
  })
  async vouchRequestDecline(@Ctx() ctx: RequestContext, @Arg('input', () => VouchRequestAnswerInput, { validate: false }) input: VouchRequestAnswerInput) {
    const outcome = await runMutation(ctx, input, (tx) => declineVouchRequest(ctx, tx, input));
    return { vouchRequest: null, userErrors: outcome.userErrors };
  }
}
