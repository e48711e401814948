import type { EntityManager } from 'typeorm';
import type { Viewer } from '../core/viewer.js';
import { isUuid } from '../core/ids.js';
import { SqlParams } from '../core/sql-params.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { lockOrganizations } from '../authorization/organization-guard.js';
import { visibleCoalitionsSql } from '../privacy/coalition-visibility.js';
import { CHARTER_COLUMNS, COALITION_COLUMNS, type CharterRow, type CoalitionRow } from './coalition-row.js';
import { CoalitionStatus } from './coalition.enums.js';

// Who may read and change a coalition. Reads: loadVisibleCoalition (hidden and missing answer alike). Writes on
// behalf of a member organization: requireCoalitionMember, the one guard (organizations locked first with the
// viewer's roles read fresh, then the coalition row FOR UPDATE, which serializes every change to one coalition).

type Queryable = Pick<EntityManager, 'query'>;

/** The coalition when the viewer may see it (privacy/coalition-visibility.ts), else null, like a missing id. */
export async function loadVisibleCoalition(db: Queryable, viewer: Viewer, id: string): Promise<CoalitionRow | null> {
  if (!isUuid(id)) return null;
  const params = new SqlParams();
  const idParam = params.add(id);
  const rows: CoalitionRow[] = await db.query(
    `SELECT ${COALITION_COLUMNS} FROM coalitions c WHERE c.id = ${idParam} AND ${visibleCoalitionsSql(viewer, params)}`,
    params.values,
  );
  return rows[0] ?? null;
}

/** The current charter: the highest version (every coalition has version 1 from its creation). */
export async function currentCharter(tx: Queryable, coalitionId: string): Promise<CharterRow> {
  const [row]: CharterRow[] = await tx.query(
    `SELECT ${CHARTER_COLUMNS} FROM coalition_charters ch WHERE ch.coalition_id = $1 ORDER BY ch.version DESC LIMIT 1`,
    [coalitionId],
  );
  if (!row) throw new NotFoundError('Coalition');
  return row;
}

/** The current member organizations' ids. */
export async function currentMemberIds(tx: Queryable, coalitionId: string): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(
    'SELECT organization_id AS id FROM coalition_members WHERE coalition_id = $1 AND left_at IS NULL ORDER BY joined_at, organization_id',
    [coalitionId],
  );
  return rows.map((r) => r.id);
}

export interface CoalitionActor {
  coalitionId: string;
  /** The member organization the viewer acts for. */
  organizationId: string;
  /** The viewer with its roles as they stand under the locks. */
  viewer: Viewer;
  coalition: CoalitionRow;
}

/**
 * A write on behalf of a member organization: the viewer must be an OWNER or EDITOR of `organizationId` (or, when
 * it is omitted, of exactly one current member), which must be a current member. Lock order, for every writer:
 * organization rows (lockOrganizations), then the coalition row FOR UPDATE. A coalition the viewer may not see is
 * NOT_FOUND; one it sees but may not act in is FORBIDDEN.
 */
export async function requireCoalitionMember(
  tx: EntityManager, viewer: Viewer, coalitionId: string, organizationId?: string | null,
): Promise<CoalitionActor> {
  if (!viewer.signedIn) throw new UnauthenticatedError();
  if (!isUuid(coalitionId)) throw new NotFoundError('Coalition');
  const id = coalitionId.toLowerCase();
  let actingId = organizationId ? (isUuid(organizationId) ? organizationId.toLowerCase() : null) : undefined;
  if (actingId === undefined) {
    const editable = viewer.organizationIds.filter((o) => viewer.canEdit(o));
    const mine: { id: string }[] = editable.length
      ? await tx.query(
        `SELECT organization_id AS id FROM coalition_members
         WHERE coalition_id = $1 AND left_at IS NULL AND organization_id = ANY($2::uuid[])`,
        [id, editable],
      )
      : [];
    if (mine.length > 1) {
      throw new UserInputError('ORGANIZATION_REQUIRED', 'input.organizationId',
        'You can act for several member organizations: say which one');
    }
    actingId = mine[0]?.id ?? null;
  }
  const fresh = (await lockOrganizations(tx, viewer, actingId ? [actingId] : [])).viewer;
  const [coalition]: CoalitionRow[] = await tx.query(`SELECT ${COALITION_COLUMNS} FROM coalitions c WHERE c.id = $1 FOR UPDATE`, [id]);
  const member = coalition && actingId
    ? (await tx.query('SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL', [id, actingId])).length > 0
    : false;
  if (!coalition || !member || !fresh.canEdit(actingId!)) {
    if (!coalition || !(await loadVisibleCoalition(tx, fresh, id))) throw new NotFoundError('Coalition');
    throw new ForbiddenError('Only owners and editors of a member organization can do this');
  }
  return { coalitionId: id, organizationId: actingId!, viewer: fresh, coalition };
}

/** Changes need a coalition that has not closed. */
export function assertOpen(coalition: CoalitionRow): void {
  if (coalition.status === CoalitionStatus.CLOSED) {
    throw new UserInputError('INVALID_STATE', 'input.coalitionId', 'This coalition is closed');
  }
}
