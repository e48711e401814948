import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { Viewer } from '../core/viewer.js';
import { lockOrganizations } from '../authorization/organization-guard.js';
import { canSeeOrganization } from '../privacy/visibility.js';

// Saved searches are their organization's members' business only. To anyone else a saved search answers
// NOT_FOUND exactly like a random id (even to members of nothing, and to admins who are not members), so its id
// tells nobody that it exists.

type Queryable = Pick<EntityManager, 'query'>;

export interface SavedSearchRef {
  id: string;
  organizationId: string;
  createdByUserId: string | null;
}

/** A saved search of one of the viewer's organizations (ctx.viewer's memberships); NOT_FOUND otherwise. */
export async function requireSavedSearch(db: Queryable, viewer: Viewer, id: string): Promise<SavedSearchRef> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const rows: SavedSearchRef[] = isUuid(id)
    ? await db.query('SELECT id, organization_id AS "organizationId", created_by_user_id AS "createdByUserId" FROM saved_searches WHERE id = $1', [id])
    : [];
  if (!rows[0] || !viewer.isMemberOf(rows[0].organizationId)) throw new NotFoundError('Saved search');
  return rows[0];
}

/**
 * For writes: locks the organization (lockOrganizations) and checks, with the roles read fresh under the lock, that
 * the viewer is a member (any role). One it may not see is NOT_FOUND, one it sees but does not belong to FORBIDDEN,
 * as for every organization write. Returns the fresh viewer.
 */
export async function lockMembership(tx: EntityManager, viewer: Viewer, organizationId: string): Promise<Viewer> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const guarded = await lockOrganizations(tx, viewer, [organizationId]);
  const org = isUuid(organizationId) ? guarded.organizations.get(organizationId.toLowerCase()) : undefined;
  if (!org || !canSeeOrganization(guarded.viewer, org)) throw new NotFoundError('Organization');
  if (!guarded.viewer.isMemberOf(org.id)) throw new ForbiddenError('Only members of the organization can keep saved searches for it');
  return guarded.viewer;
}

/** Deleting: whoever created it, or an owner or editor of its organization. */
export function canDeleteSavedSearch(viewer: Viewer, search: SavedSearchRef): boolean {
  return search.createdByUserId === viewer.userId || viewer.canEdit(search.organizationId);
}
