import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { canSeePrivateDetails } from '../privacy/visibility.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { listMembers } from './membership.service.js';
import { Member } from './membership.types.js';

// An organization's people, on the profiles feature's Organization type: memberships are this feature's.
@Resolver(() => Organization)
export class OrganizationMembersResolver {
  @FieldResolver(() => [Member], { nullable: true, description: 'Members only; null for others.' })
  async members(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<Member[] | null> {
    return canSeePrivateDetails(ctx.viewer, org.id) ? listMembers(ctx, org.id) : null;
  }
}
