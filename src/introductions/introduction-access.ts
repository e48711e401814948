import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { lockExchange, requireMembership } from '../authorization/organization-guard.js';
import { INTRODUCTION_COLUMNS, type IntroductionRow } from './introduction-view.js';

// Who may read and change introductions. An introduction exists only for the members of its two
// organizations: anyone else gets NOT_FOUND, exactly like for an id that does not exist. An undelivered one
// (refused by the receiver's dealbreakers) exists only for the requester's members.

/** Lists of an organization are for its members (see requireMembership). */
export function requireMember(ctx: RequestContext, organizationId: string): Promise<string> {
  return requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can see this');
}

export type IntroductionSide = 'from' | 'to';

/**
 * Loads and locks an introduction for a change that the OWNERs and EDITORs of one side may make. Its two
 * organizations are locked first and the viewer's roles in them read fresh (lockOrganizations, the guard every
 * write shares; always organizations before the introduction, like requestIntroduction), then the introduction
 * row, which serializes concurrent answers (accept vs withdraw) so exactly one of them wins. A member removed or
 * demoted while the request waited is judged by what it is now.
 */
export async function lockIntroduction(ctx: RequestContext, tx: EntityManager, id: string, side: IntroductionSide): Promise<IntroductionRow> {
  const { row, viewer } = await lockExchange<IntroductionRow>(tx, ctx.viewer, id, {
    what: 'Introduction',
    sidesSql: 'SELECT from_organization_id AS "fromId", to_organization_id AS "toId" FROM introductions WHERE id = $1',
    lockRowSql: `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE i.id = $1 FOR UPDATE`,
    sidesOf: (r) => ({ fromId: r.fromOrganizationId, toId: r.toOrganizationId, delivered: r.delivered }),
  });
  // Answering is the receiver's side: an undelivered request is not there to answer, even for a member of both.
  if (side === 'to' && !row.delivered) throw new NotFoundError('Introduction');
  const organizationId = side === 'from' ? row.fromOrganizationId : row.toOrganizationId;
  if (!viewer.canEdit(organizationId)) {
    throw new ForbiddenError(side === 'from'
      ? 'Only owners and editors of the requesting organization can do this'
      : 'Only owners and editors of the organization asked can answer');
  }
  return row;
}
