import type { Viewer } from '../accounts/viewer.js';
import { Visibility } from '../common/enums.js';
import type { SqlParams } from '../common/sql-params.js';

// Who may see an organization is decided here, once, for SQL filters and in-memory checks alike:
// PUBLIC to anyone, NETWORK to signed-in users, PRIVATE only to its members and admins.

export function canSeeOrganization(viewer: Viewer, org: { id: string; visibility: Visibility }): boolean {
  if (org.visibility === Visibility.PUBLIC) return true;
  if (viewer.isAdmin || viewer.isMemberOf(org.id)) return true;
  return org.visibility === Visibility.NETWORK && viewer.signedIn;
}

/** A SQL condition on alias `o` that keeps only organizations the viewer may see. */
export function visibleOrganizationsSql(viewer: Viewer, params: SqlParams, alias = 'o'): string {
  if (viewer.isAdmin) return 'TRUE';
  const visible = viewer.signedIn ? `${alias}.visibility IN ('PUBLIC', 'NETWORK')` : `${alias}.visibility = 'PUBLIC'`;
  if (viewer.memberships.size === 0) return visible;
  return `(${visible} OR ${alias}.id = ANY(${params.add(viewer.organizationIds)}::uuid[]))`;
}

/** Exact location and contact details are for the organization's own members only. */
export function canSeePrivateDetails(viewer: Viewer, organizationId: string): boolean {
  return viewer.isMemberOf(organizationId);
}
