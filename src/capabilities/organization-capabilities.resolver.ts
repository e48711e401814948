import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NeedStatus } from '../core/enums.js';
import type { RequestContext } from '../core/request-context.js';
import { membersOnly } from '../privacy/member-projection.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { Capability, Need } from './capability.types.js';

// What an organization offers and needs, on the profiles feature's Organization type. The organizations list
// embeds both in its one statement when they are selected and primes these loaders (organization-query.service.ts).
@Resolver(() => Organization)
export class OrganizationCapabilitiesResolver {
  @FieldResolver(() => [Capability], { complexity: 5 })
  capabilities(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<Capability[]> {
    return ctx.loaders.capabilitiesByOrganization.load(org.id);
  }

  @FieldResolver(() => [Need], { complexity: 5, description: 'Open needs; members also see met and closed ones.' })
  async needs(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<Need[]> {
    const needs = await ctx.loaders.needsByOrganization.load(org.id);
    return membersOnly(ctx.viewer, org.id, needs, needs.filter((need) => need.status === NeedStatus.OPEN));
  }
}
