import type { EntityManager } from 'typeorm';
import { ForbiddenError, UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { lockExchange, requireMembership } from '../authorization/organization-guard.js';
import { OFFER_REQUEST_COLUMNS, OFFER_REQUEST_FROM, type OfferRequestRow } from './offer-request-view.js';

// Who may read and change offer requests. A request exists only for the members of its two organizations (the
// requesting one and the one offering): anyone else gets NOT_FOUND, exactly like for an id that does not exist.

/** Lists of an organization are for its members. */
export function requireRequestsMember(ctx: RequestContext, organizationId: string): Promise<string> {
  return requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can see its offer requests');
}

/** Which side acts: the requesting organization, the offering one, or either (rating and marking done). */
export type RequestSide = 'requester' | 'offerer' | 'either';

export interface LockedRequest {
  row: OfferRequestRow;
  /** The organization the viewer acts for. */
  actingFor: string;
}

/**
 * The side `viewer` acts for among those `side` allows: the one named (must be a side it edits), else the only one
 * it edits. FORBIDDEN when it edits none (it is a member, so it may know the request exists).
 */
function actingSide(viewer: Viewer, row: OfferRequestRow, side: RequestSide, named: string | null | undefined): string {
  const allowed = side === 'requester' ? [row.requestingOrganizationId]
    : side === 'offerer' ? [row.offeringOrganizationId] : [row.requestingOrganizationId, row.offeringOrganizationId];
  if (named !== undefined && named !== null) {
    const chosen = allowed.find((id) => id === named.toLowerCase());
    if (!chosen) throw new UserInputError('NOT_A_SIDE', 'input.organizationId', 'This organization is not a side of the request');
    if (!viewer.canEdit(chosen)) throw new ForbiddenError('Only owners and editors of the organization can do this');
    return chosen;
  }
  const editable = allowed.filter((id) => viewer.canEdit(id));
  if (editable.length === 0) {
    throw new ForbiddenError(side === 'requester' ? 'Only owners and editors of the requesting organization can do this'
      : side === 'offerer' ? 'Only owners and editors of the offering organization can answer' : 'Only owners and editors of either organization can do this');
  }
  if (editable.length > 1) throw new UserInputError('REQUIRED', 'input.organizationId', 'You edit both organizations: name the one you act for');
  return editable[0];
}

/**
 * Loads and locks a request for a change one side may make: both organizations locked with the viewer's roles
 * read fresh, then the request row (lockExchange, the guard of every two-sided exchange), so concurrent answers,
 * withdrawals and ratings serialize and exactly one of two conflicting changes wins. The offer row is not locked
 * here: changes of seats lock it after this (organizations, request, offer: always in that order).
 */
export async function lockOfferRequest(
  ctx: RequestContext, tx: EntityManager, id: string, side: RequestSide, named?: string | null,
): Promise<LockedRequest> {
  const { row, viewer } = await lockExchange<OfferRequestRow>(tx, ctx.viewer, id, {
    what: 'Offer request',
    sidesSql: `SELECT r.requesting_organization_id AS "fromId", f.organization_id AS "toId" FROM ${OFFER_REQUEST_FROM} WHERE r.id = $1`,
    lockRowSql: `SELECT ${OFFER_REQUEST_COLUMNS} FROM ${OFFER_REQUEST_FROM} WHERE r.id = $1 FOR UPDATE OF r`,
    sidesOf: (r) => ({ fromId: r.requestingOrganizationId, toId: r.offeringOrganizationId }),
  });
  return { row, actingFor: actingSide(viewer, row, side, named) };
}
