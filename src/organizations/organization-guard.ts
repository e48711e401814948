import type { EntityManager } from 'typeorm';
import type { Viewer } from '../accounts/viewer.js';
import type { Visibility } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../graphql/errors.js';
import { canSeeOrganization } from '../privacy/visibility.js';

export type OrganizationPermission = 'edit' | 'own';

/**
 * Loads the organization a mutation targets and checks the viewer may change it. One rule for every write:
 * one you cannot see is NOT_FOUND (like a missing one); one you can see but not change is FORBIDDEN. Locks the
 * row so concurrent writes to the same profile serialize.
 */
export async function requireOrganization(
  tx: EntityManager,
  viewer: Viewer,
  organizationId: string,
  permission: OrganizationPermission,
): Promise<{ id: string; visibility: Visibility }> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const rows: { id: string; visibility: Visibility }[] = isUuid(organizationId)
    ? await tx.query('SELECT id, visibility FROM organizations WHERE id = $1 FOR UPDATE', [organizationId])
    : [];
  const org = rows[0];
  if (!org || !canSeeOrganization(viewer, org)) throw new NotFoundError('Organization');
  const allowed = permission === 'own' ? viewer.isOwnerOf(org.id) : viewer.canEdit(org.id);
  if (!allowed) throw new ForbiddenError(`Only the organization's ${permission === 'own' ? 'owners' : 'owners and editors'} can do this`);
  return org;
}

/**
 * Reads on behalf of an organization (its suggestions, introductions, collaborations): anonymous
 * UNAUTHENTICATED; an organization you cannot see (or none) NOT_FOUND; one you see but do not belong to FORBIDDEN.
 */
export async function requireMembership(db: Queryable, viewer: Viewer, organizationId: string, forbidden: string): Promise<string> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const rows: { id: string; visibility: Visibility }[] = isUuid(organizationId)
    ? await db.query('SELECT id, visibility FROM organizations WHERE id = $1', [organizationId])
    : [];
  const org = rows[0];
  if (!org || !canSeeOrganization(viewer, org)) throw new NotFoundError('Organization');
  if (!viewer.isMemberOf(org.id)) throw new ForbiddenError(forbidden);
  return org.id;
}

type Queryable = Pick<EntityManager, 'query'>;
