import type { EntityManager } from 'typeorm';
import { Viewer } from '../core/viewer.js';
import type { MembershipRole, Visibility } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { canSeeExchange, canSeeOrganization } from '../privacy/visibility.js';

export type OrganizationPermission = 'edit' | 'own';

export interface LockedOrganization {
  id: string;
  visibility: Visibility;
}

export interface GuardedOrganizations {
  /** The viewer with its roles in the locked organizations (and its admin flag) as they stand under the locks. */
  viewer: Viewer;
  /** The locked organizations that exist, by id (lower case). */
  organizations: Map<string, LockedOrganization>;
}

/**
 * The one guard of every write that depends on a role (DESIGN §9: authorization for a write is checked inside its
 * transaction, under the lock the write takes). It locks the organization rows FOR UPDATE (in id order, so two
 * transactions locking the same pair never deadlock) and then, in a second statement, reads the viewer's role in
 * each of them from the memberships table. The second statement matters: in READ COMMITTED it takes its snapshot
 * after the locks were granted, so it sees a removal or role change that committed while this request waited,
 * whereas ctx.viewer holds the roles read with the token at the start of the request. Every change of a membership
 * (remove, role set) takes the same organization lock, so the role read here holds until this transaction ends.
 */
export async function lockOrganizations(tx: EntityManager, viewer: Viewer, organizationIds: readonly string[]): Promise<GuardedOrganizations> {
  const ids = [...new Set(organizationIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const rows: LockedOrganization[] = ids.length
    ? await tx.query('SELECT id, visibility FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids])
    : [];
  const organizations = new Map(rows.map((row) => [row.id, row]));
  if (!viewer.userId) return { viewer, organizations };
  const [fresh]: { isAdmin: boolean; roles: Record<string, MembershipRole> }[] = await tx.query(
    `SELECT u.is_admin AS "isAdmin",
       coalesce((SELECT json_object_agg(m.organization_id, m.role) FROM memberships m
                 WHERE m.user_id = u.id AND m.organization_id = ANY($2::uuid[])), '{}'::json) AS roles
     FROM users u WHERE u.id = $1`,
    [viewer.userId, rows.map((row) => row.id)],
  );
  const memberships = new Map(viewer.memberships);
  for (const { id } of rows) {
    const role = fresh?.roles[id];
    if (role) memberships.set(id, role);
    else memberships.delete(id);
  }
  return { viewer: new Viewer(viewer.userId, fresh?.isAdmin ?? false, memberships, viewer.tokenId), organizations };
}

/**
 * Locks the organization a write targets and checks, with the fresh roles of lockOrganizations, that the viewer
 * may change it. One rule for every write: one you cannot see is NOT_FOUND (like a missing one); one you can see
 * but not change is FORBIDDEN. Concurrent writes to the same organization serialize on its row.
 */
export async function requireOrganization(
  tx: EntityManager,
  viewer: Viewer,
  organizationId: string,
  permission: OrganizationPermission,
): Promise<LockedOrganization & { viewer: Viewer }> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const guarded = await lockOrganizations(tx, viewer, [organizationId]);
  const org = isUuid(organizationId) ? guarded.organizations.get(organizationId.toLowerCase()) : undefined;
  const fresh = guarded.viewer;
  if (!org || !canSeeOrganization(fresh, org)) throw new NotFoundError('Organization');
  const allowed = permission === 'own' ? fresh.isOwnerOf(org.id) : fresh.canEdit(org.id);
  if (!allowed) throw new ForbiddenError(`Only the organization's ${permission === 'own' ? 'owners' : 'owners and editors'} can do this`);
  return { id: org.id, visibility: org.visibility, viewer: fresh };
}

/** How to lock one kind of exchange between two organizations (an introduction, a collaboration, an offer request). */
export interface ExchangeLock<Row> {
  /** Its name in NOT_FOUND. */
  what: string;
  /** `SELECT <first org id> AS "fromId", <second org id> AS "toId" FROM <table> WHERE id = $1`. */
  sidesSql: string;
  /** The row as the caller needs it, `... WHERE <alias>.id = $1 FOR UPDATE`. */
  lockRowSql: string;
  /** Its two sides (and whether it reached the second one) as canSeeExchange reads them. */
  sidesOf: (row: Row) => { fromId: string; toId: string; delivered?: boolean };
}

/**
 * The guard of every change to an exchange between two organizations: the sides are read (they never change),
 * both organizations locked with the viewer's roles read fresh (lockOrganizations; organizations before the
 * exchange row, always, so writers never deadlock), then the row itself FOR UPDATE, which serializes concurrent
 * answers so exactly one wins. Anyone but a member of a side that sees it gets NOT_FOUND, like for a random id.
 */
export async function lockExchange<Row>(tx: EntityManager, viewer: Viewer, id: string, lock: ExchangeLock<Row>): Promise<{ row: Row; viewer: Viewer }> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  const sides: { fromId: string; toId: string }[] = isUuid(id) ? await tx.query(lock.sidesSql, [id]) : [];
  if (!sides[0]) throw new NotFoundError(lock.what);
  const fresh = (await lockOrganizations(tx, viewer, [sides[0].fromId, sides[0].toId])).viewer;
  const [row]: Row[] = await tx.query(lock.lockRowSql, [id]);
  if (!row || !canSeeExchange(fresh, lock.sidesOf(row))) throw new NotFoundError(lock.what);
  return { row, viewer: fresh };
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
