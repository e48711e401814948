import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { listVouchChain, listVouches, readVouch } from './vouch-query.service.js';
import { readVouchRequest } from './vouch-request-query.service.js';
import { VouchCreateInput, VouchWithdrawInput } from './vouch.inputs.js';
import { createVouch, withdrawVouch, type VouchChange } from './vouch.service.js';
import { VouchConnection, VouchPayload } from './vouch.types.js';
import { vouchesForBadge } from './vouching-policy.js';
import { OrganizationBadge, VouchDirection } from './vouching.enums.js';

async function vouchPayload(ctx: RequestContext, outcome: MutationOutcome<VouchChange>): Promise<VouchPayload> {
  if (!outcome.result) return { vouch: null, organization: null, vouchRequest: null, userErrors: outcome.userErrors };
  const { vouchId, organizationId, vouchRequestId, voucherId } = outcome.result;
  const [vouch, organizations, vouchRequest] = await Promise.all([
    readVouch(ctx, vouchId), loadVisibleRecords(ctx, [organizationId]),
    vouchRequestId && voucherId ? readVouchRequest(ctx, vouchRequestId, voucherId) : null,
  ]);
  return { vouch, organization: organizations.get(organizationId) ?? null, vouchRequest, userErrors: [] };
}

@Resolver()
export class VouchResolver {
  @Query(() => VouchConnection, {
    description: 'Active vouches received (or given) by an organization, newest first; only those whose two organizations you may both see.',
  })
  async vouches(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('direction', () => VouchDirection, { nullable: true, description: 'Default RECEIVED.' }) direction?: VouchDirection | null,
  ) {
    return listVouches(ctx, organizationId, direction ?? VouchDirection.RECEIVED, toPage(pageArgs));
  }

  @Query(() => VouchConnection, { description: 'Admins: every vouch an organization received (or gave), withdrawn ones included, newest first.' })
  async vouchChain(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('direction', () => VouchDirection, { nullable: true, description: 'Default RECEIVED.' }) direction?: VouchDirection | null,
  ) {
    return listVouchChain(ctx, organizationId, direction ?? VouchDirection.RECEIVED, toPage(pageArgs));
  }

  @Mutation(() => VouchPayload, { description: 'Your verified organization vouches for another one, with a statement (owners and editors).' })
  async vouchCreate(@Ctx() ctx: RequestContext, @Arg('input', () => VouchCreateInput, { validate: false }) input: VouchCreateInput) {
    return vouchPayload(ctx, await runMutation(ctx, input, (tx) => createVouch(ctx, tx, input)));
  }

  @Mutation(() => VouchPayload, { description: 'Withdraws a vouch your organization gave (owners and editors); the badge follows at once.' })
  async vouchWithdraw(@Ctx() ctx: RequestContext, @Arg('input', () => VouchWithdrawInput, { validate: false }) input: VouchWithdrawInput) {
    return vouchPayload(ctx, await runMutation(ctx, input, (tx) => withdrawVouch(ctx, tx, input)));
  }
}

// The badge, on the profiles feature's Organization type: vouches are this feature's.
@Resolver(() => Organization)
export class OrganizationVouchingResolver {
  @FieldResolver(() => Boolean, {
    description: 'Enough verified organizations vouch for it (VOUCHES_FOR_BADGE, default 2). Shown next to verified; who vouched: the vouches query.',
  })
  async vouched(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.countingVouchesByOrganization.load(org.id)) >= vouchesForBadge(ctx);
  }

  @FieldResolver(() => [OrganizationBadge], { description: 'VERIFIED and VOUCHED, in that order, when they apply.' })
  async badges(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<OrganizationBadge[]> {
    const badges = org.verified ? [OrganizationBadge.VERIFIED] : [];
    if (await this.vouched(org, ctx)) badges.push(OrganizationBadge.VOUCHED);
    return badges;
  }
}
