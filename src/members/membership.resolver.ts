import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { removeMember, setMemberRole } from './membership.service.js';
import { OrganizationMemberPayload, OrganizationMemberRemoveInput, OrganizationMemberRoleSetInput } from './membership.types.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { readOrganization } from '../profiles/organization.service.js';

@Resolver()
export class MembershipResolver {
  @Mutation(() => OrganizationMemberPayload, {
    description: 'Changes the role of a member (owners only); the last owner cannot step down. New members join by invitation (organizationMemberInvite).',
  })
  async organizationMemberRoleSet(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationMemberRoleSetInput, { validate: false }) input: OrganizationMemberRoleSetInput,
  ) {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => setMemberRole(ctx, tx, input));
    const organization = result ? await readOrganization(ctx.db.manager, input.organizationId) : null;
    return { member: result, organization, userErrors };
  }

  @Mutation(() => OrganizationMemberPayload, { description: 'Removes a member (owners only); the last owner cannot be removed.' })
  async organizationMemberRemove(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationMemberRemoveInput, { validate: false }) input: OrganizationMemberRemoveInput,
  ) {
    const { userErrors } = await runMutation(ctx, input, (tx) => removeMember(ctx, tx, input));
    const organization = userErrors.length ? null : await readOrganization(ctx.db.manager, input.organizationId);
    // Someone who just removed themselves from a PRIVATE organization may no longer see it.
    if (organization && !canSeeOrganization(ctx.viewer, organization)) return { member: null, organization: null, userErrors };
    return { member: null, organization, userErrors };
  }
}
