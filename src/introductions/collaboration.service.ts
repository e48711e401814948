import type { EntityManager } from 'typeorm';
import type { Viewer } from '../core/viewer.js';
import { lockExchange } from '../authorization/organization-guard.js';
import type { RequestContext } from '../core/request-context.js';
import { ForbiddenError, UserInputError } from '../core/errors.js';
import { COLLABORATION_COLUMNS, type CollaborationRow } from './introduction-view.js';
import type { CollaborationSource } from './introduction.enums.js';
import type { RateCollaborationInput } from './introduction.inputs.js';

/** Records that two organizations work together; a pair already recorded keeps its first row. */
export async function recordCollaboration(
  tx: EntityManager, first: string, second: string, source: CollaborationSource, introductionId: string | null,
): Promise<void> {
  // Stored ordered (a < b, by uuid order), so each pair has one spelling under collaborations_pair_key.
  await tx.query(
    `INSERT INTO collaborations (organization_a_id, organization_b_id, source, introduction_id)
     VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), $3, $4)
     ON CONFLICT (organization_a_id, organization_b_id) DO NOTHING`,
    [first, second, source, introductionId],
  );
}

export interface RatedCollaboration {
  id: string;
  /** The side that rated: the payload shows the collaboration from its point of view. */
  organizationId: string;
}

/** Which side the viewer rates for: the one named, else the only one it can edit. */
function ratingSide(viewer: Viewer, row: CollaborationRow, named: string | undefined | null): string {
  const sides = [row.organizationAId, row.organizationBId];
  if (named !== undefined && named !== null) {
    const side = sides.find((id) => id === named.toLowerCase());
    if (!side) throw new UserInputError('NOT_A_SIDE', 'input.organizationId', 'This organization is not part of the collaboration');
    if (!viewer.canEdit(side)) throw new ForbiddenError('Only owners and editors of the organization can rate for it');
    return side;
  }
  const editable = sides.filter((id) => viewer.canEdit(id));
  if (editable.length === 0) throw new ForbiddenError('Only owners and editors of the organization can rate for it');
  if (editable.length > 1) {
    throw new UserInputError('REQUIRED', 'input.organizationId', 'You edit both organizations: name the one you rate for');
  }
  return editable[0];
}

export async function rateCollaboration(ctx: RequestContext, tx: EntityManager, input: RateCollaborationInput): Promise<RatedCollaboration> {
  const { row, viewer } = await lockExchange<CollaborationRow>(tx, ctx.viewer, input.collaborationId, {
    what: 'Collaboration',
    sidesSql: 'SELECT organization_a_id AS "fromId", organization_b_id AS "toId" FROM collaborations WHERE id = $1',
    lockRowSql: `SELECT ${COLLABORATION_COLUMNS} FROM collaborations c WHERE c.id = $1 FOR UPDATE`,
    sidesOf: (r) => ({ fromId: r.organizationAId, toId: r.organizationBId }),
  });
  const side = ratingSide(viewer, row, input.organizationId);
  const column = side === row.organizationAId ? 'feedback_a' : 'feedback_b';
  await tx.query(`UPDATE collaborations SET ${column} = $2 WHERE id = $1`, [row.id, input.rating]);
  return { id: row.id, organizationId: side };
}
