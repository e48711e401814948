import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { currentMemberIds, requireCoalitionMember, type CoalitionActor } from './coalition-access.js';

// The guard of governance writes on a record of a coalition (a proposal, a goal, a milestone, a win), whose
// coalition is read from the record: requireCoalitionMember (organizations locked, then the coalition row).
// These records exist for the coalition's members only, so anyone without a member organization gets NOT_FOUND,
// exactly as for a random id; a member who may not act for its organization (role MEMBER) gets FORBIDDEN.

export async function requireMemberFor(
  ctx: RequestContext, tx: EntityManager, what: string, coalitionSql: string, id: string, organizationId?: string | null,
): Promise<CoalitionActor> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const [found]: { coalitionId: string }[] = isUuid(id) ? await tx.query(coalitionSql, [id]) : [];
  if (!found) throw new NotFoundError(what);
  try {
    return await requireCoalitionMember(tx, ctx.viewer, found.coalitionId, organizationId);
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    const members = await currentMemberIds(tx, found.coalitionId);
    if (error instanceof ForbiddenError && members.some((m) => ctx.viewer.isMemberOf(m))) throw error;
    throw new NotFoundError(what);
  }
}
