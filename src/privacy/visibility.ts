import type { Viewer } from '../core/viewer.js';
import type { SqlParams } from '../core/sql-params.js';

// Who may see an organization by name, decided here once, as an in-memory check and as SQL alike:
// PUBLIC to anyone, NETWORK to signed-in users, PRIVATE only to its members and admins.
// A PRIVATE organization that opted in to anonymous suggestions may also appear, to organizations acting in
// suggestions, as an anonymous card (see anonymous-card.ts): never by name, never by id.

export type VisibilityValue = 'PUBLIC' | 'NETWORK' | 'PRIVATE';

export interface VisibilityFacts {
  id: string;
  visibility: VisibilityValue | string;
}

export function canSeeOrganization(viewer: Viewer, org: VisibilityFacts): boolean {
  if (org.visibility === 'PUBLIC') return true;
  if (viewer.isAdmin || viewer.isMemberOf(org.id)) return true;
  return org.visibility === 'NETWORK' && viewer.signedIn;
}

/** A SQL condition on `alias` that keeps only organizations the viewer may see by name. */
export function visibleOrganizationsSql(viewer: Viewer, params: SqlParams, alias = 'o'): string {
  if (viewer.isAdmin) return 'TRUE';
  const visible = viewer.signedIn ? `${alias}.visibility IN ('PUBLIC', 'NETWORK')` : `${alias}.visibility = 'PUBLIC'`;
  if (viewer.memberships.size === 0) return visible;
  return `(${visible} OR ${alias}.id = ANY(${params.add(viewer.organizationIds)}::uuid[]))`;
}

/** Exact location, contact details, dealbreakers, members and closed needs are for the organization's members only. */
export function canSeePrivateDetails(viewer: Viewer, organizationId: string): boolean {
  return viewer.isMemberOf(organizationId);
}

/**
 * An introduction or a collaboration exists only for the members of its two sides (anyone else gets NOT_FOUND,
 * like for an id that does not exist); a request the receiver's dealbreakers refused is never delivered, so it
 * exists for the requesting side only.
 */
export function canSeeExchange(viewer: Viewer, exchange: { fromId: string; toId: string; delivered?: boolean }): boolean {
  return viewer.isMemberOf(exchange.fromId) || (exchange.delivered !== false && viewer.isMemberOf(exchange.toId));
}
