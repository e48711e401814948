import type { RequestContext } from '../core/request-context.js';
import { requireMembership } from '../authorization/organization-guard.js';

/** Anonymous: UNAUTHENTICATED; cannot see it (or no such org): NOT_FOUND; sees it but not a member: FORBIDDEN. */
export async function requireMemberOrganization(ctx: RequestContext, organizationId: string): Promise<void> {
  await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can ask for its suggestions');
}
