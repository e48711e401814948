import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { readInvitation, readInvitations, listReceivedInvitations } from './coalition-invitation-query.service.js';
import { acceptInvitation, declineInvitation, withdrawInvitation } from './coalition-invitation.service.js';
import { listCoalitions, readCoalition } from './coalition-query.service.js';
import { createCoalition, endorseCurrentCharter, inviteOne, leaveCoalition, setMemberVisibility } from './coalition.service.js';
import { CoalitionInvitationStatus, CoalitionStatus } from './coalition.enums.js';
import {
  CoalitionCharterEndorseInput, CoalitionCreateInput, CoalitionCreatePayload, CoalitionInvitationAcceptInput, CoalitionInvitationDeclineInput,
  CoalitionInvitationPayload, CoalitionInvitationWithdrawInput, CoalitionInviteInput, CoalitionLeaveInput, CoalitionMemberVisibilitySetInput, CoalitionPayload,
} from './coalition.inputs.js';
import { Coalition, CoalitionConnection, CoalitionInvitationConnection } from './coalition.types.js';

@InputType({ description: 'Narrows the coalitions you may see; all given conditions must hold.' })
export class CoalitionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  issueAreaId?: string | null;

  @Field(() => CoalitionStatus, { nullable: true })
  @IsOptional()
  status?: CoalitionStatus | null;

  @Field(() => ID, { nullable: true, description: 'Coalitions this organization is a member of (an organization you belong to).' })
  @IsOptional()
  memberOrganizationId?: string | null;
}

async function coalitionPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<CoalitionPayload> {
  return { coalition: outcome.result ? await readCoalition(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

async function invitationPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<CoalitionInvitationPayload> {
  return { invitation: outcome.result ? await readInvitation(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver()
export class CoalitionResolver {
  @Query(() => Coalition, { nullable: true, description: 'A coalition you may see; null for a hidden one exactly as for an unknown id.' })
  coalition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Coalition | null> {
    return readCoalition(ctx, id);
  }

  @Query(() => CoalitionConnection, { description: 'Coalitions you may see, newest first.' })
  coalitions(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => CoalitionFilter, { nullable: true }) filter?: CoalitionFilter,
  ) {
    return listCoalitions(ctx, filter ?? {}, toPage(pageArgs));
  }

  @Query(() => CoalitionInvitationConnection, { description: 'Invitations to coalitions received by an organization you belong to, newest first.' })
  coalitionInvitationsReceived(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('status', () => CoalitionInvitationStatus, { nullable: true }) status?: CoalitionInvitationStatus,
  ) {
    return listReceivedInvitations(ctx, organizationId, toPage(pageArgs), status);
  }

  @Mutation(() => CoalitionCreatePayload, {
    description: 'Creates a coalition (owners and editors of the founding organization, its first member and coordinator), with charter '
      + 'version 1 and, from a suggestion, invitations to the other members of the alternative (by id or anonymous token).',
  })
  async coalitionCreate(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionCreateInput, { validate: false }) input: CoalitionCreateInput): Promise<CoalitionCreatePayload> {
    const outcome = await runMutation(ctx, input, (tx) => createCoalition(ctx, tx, input));
    if (!outcome.result) return { coalition: null, invitations: [], userErrors: outcome.userErrors };
    return {
      coalition: await readCoalition(ctx, outcome.result.coalitionId),
      invitations: await readInvitations(ctx, outcome.result.invitationIds),
      userErrors: [],
    };
  }

  @Mutation(() => CoalitionInvitationPayload, { description: 'Invites an organization, by id or by an anonymous card\'s token (owners and editors of a member).' })
  async coalitionInvite(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionInviteInput, { validate: false }) input: CoalitionInviteInput) {
    return invitationPayload(ctx, await runMutation(ctx, input, (tx) => inviteOne(ctx, tx, input)));
  }

  @Mutation(() => CoalitionInvitationPayload, { description: 'Accepts an invitation (owners and editors of the invited organization): it becomes a member.' })
  async coalitionInvitationAccept(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionInvitationAcceptInput, { validate: false }) input: CoalitionInvitationAcceptInput) {
    return invitationPayload(ctx, await runMutation(ctx, input, (tx) => acceptInvitation(ctx, tx, input.invitationId, input.memberVisibility)));
  }

  @Mutation(() => CoalitionInvitationPayload, { description: 'Declines an invitation; the coalition is never told (it reads PENDING until it expires).' })
  async coalitionInvitationDecline(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionInvitationDeclineInput, { validate: false }) input: CoalitionInvitationDeclineInput) {
    return invitationPayload(ctx, await runMutation(ctx, input, (tx) => declineInvitation(ctx, tx, input.invitationId)));
  }

  @Mutation(() => CoalitionInvitationPayload, {
    description: 'Takes back a pending invitation (owners and editors of a member): it reads WITHDRAWN to the coalition, and the invited '
      + 'organization no longer sees it (answering it is NOT_FOUND, like a random id). An accepted or expired one: INVALID_STATE.',
  })
  async coalitionInvitationWithdraw(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionInvitationWithdrawInput, { validate: false }) input: CoalitionInvitationWithdrawInput) {
    return invitationPayload(ctx, await runMutation(ctx, input, (tx) => withdrawInvitation(ctx, tx, input)));
  }

  @Mutation(() => CoalitionPayload, { description: 'Your member organization leaves the coalition (owners and editors); the coalition closes when nobody is left.' })
  async coalitionLeave(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionLeaveInput, { validate: false }) input: CoalitionLeaveInput) {
    return coalitionPayload(ctx, await runMutation(ctx, input, (tx) => leaveCoalition(ctx, tx, input)));
  }

  @Mutation(() => CoalitionPayload, { description: 'Endorses the current charter version for your member organization (the MOU signed).' })
  async coalitionCharterEndorse(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionCharterEndorseInput, { validate: false }) input: CoalitionCharterEndorseInput) {
    return coalitionPayload(ctx, await runMutation(ctx, input, (tx) => endorseCurrentCharter(ctx, tx, input)));
  }

  @Mutation(() => CoalitionPayload, { description: 'Sets how your member organization is shown to non-members (never more than its own visibility).' })
  async coalitionMemberVisibilitySet(@Ctx() ctx: RequestContext, @Arg('input', () => CoalitionMemberVisibilitySetInput, { validate: false }) input: CoalitionMemberVisibilitySetInput) {
    return coalitionPayload(ctx, await runMutation(ctx, input, (tx) => setMemberVisibility(ctx, tx, input)));
  }
}
