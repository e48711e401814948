import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import {
  acceptInvitation, declineInvitation, inviteMember, listOrganizationInvitations, listReceivedInvitations, revokeInvitation,
} from './invitation.service.js';
import {
  OrganizationInvitation, OrganizationInvitationAcceptInput, OrganizationInvitationAcceptPayload, OrganizationInvitationDeclineInput,
  OrganizationInvitationDeclinePayload, OrganizationInvitationPayload, OrganizationInvitationRevokeInput, OrganizationMemberInviteInput,
  ReceivedInvitation,
} from './invitation.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { readOrganization } from '../profiles/organization.service.js';
import { Organization } from '../profiles/organization.types.js';

@Resolver(() => Organization)
export class InvitationResolver {
  @FieldResolver(() => [OrganizationInvitation], {
    nullable: true,
    complexity: 2,
    description: 'Owners only (null for everyone else): invitations not yet accepted, newest first. Declined ones read as PENDING until they expire.',
  })
  invitations(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<OrganizationInvitation[]> | null {
    return ctx.viewer.isOwnerOf(org.id) ? listOrganizationInvitations(ctx, org.id) : null;
  }

  @Query(() => [ReceivedInvitation], { description: 'Open invitations addressed to your (confirmed) email address.' })
  myInvitations(@Ctx() ctx: RequestContext): Promise<ReceivedInvitation[]> {
    return listReceivedInvitations(ctx);
  }

  @Mutation(() => OrganizationInvitationPayload, {
    description: 'Invites an address to join (owners only). The answer is the same whether or not the address has an account; '
      + 'nobody becomes a member until they accept.',
  })
  async organizationMemberInvite(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationMemberInviteInput, { validate: false }) input: OrganizationMemberInviteInput,
  ): Promise<OrganizationInvitationPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => inviteMember(ctx, tx, input));
    return { invitation: result, userErrors };
  }

  @Mutation(() => OrganizationInvitationPayload, { description: 'Withdraws an invitation that was not accepted (owners only).' })
  async organizationInvitationRevoke(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationInvitationRevokeInput, { validate: false }) input: OrganizationInvitationRevokeInput,
  ): Promise<OrganizationInvitationPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => revokeInvitation(ctx, tx, input));
    return { invitation: result, userErrors };
  }

  @Mutation(() => OrganizationInvitationAcceptPayload, {
    description: 'Joins the organization of an invitation addressed to you. Already a member: your role only goes up.',
  })
  async organizationInvitationAccept(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationInvitationAcceptInput, { validate: false }) input: OrganizationInvitationAcceptInput,
  ): Promise<OrganizationInvitationAcceptPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => acceptInvitation(ctx, tx, input));
    // ctx.viewer now includes the membership, so the organization resolves as its members see it.
    const organization = result ? await readOrganization(ctx.db.manager, result.organizationId) : null;
    return { organization: organization ?? null, role: result?.role ?? null, userErrors };
  }

  @Mutation(() => OrganizationInvitationDeclinePayload, { description: 'Declines an invitation addressed to you. The inviter is not told.' })
  async organizationInvitationDecline(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationInvitationDeclineInput, { validate: false }) input: OrganizationInvitationDeclineInput,
  ): Promise<OrganizationInvitationDeclinePayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => declineInvitation(ctx, tx, input));
    return { declined: result ?? false, userErrors };
  }
}
