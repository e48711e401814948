import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { ViewerInfo } from '../accounts/account.types.js';
import { listViewerMemberships } from './membership.service.js';
import { ViewerMembership } from './membership.types.js';

// The signed-in user's organizations, on the accounts feature's ViewerInfo: memberships are this feature's.
@Resolver(() => ViewerInfo)
export class ViewerMembershipsResolver {
  @FieldResolver(() => [ViewerMembership])
  memberships(@Ctx() ctx: RequestContext): ReturnType<typeof listViewerMemberships> {
    return listViewerMemberships(ctx);
  }
}
