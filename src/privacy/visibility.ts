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

/** The visibilities whose organizations a viewer (not an admin) sees whole; members also see their own. */
function visibleClassesSql(viewer: Viewer, column: string): string {
  return viewer.signedIn ? `${column} IN ('PUBLIC', 'NETWORK')` : `${column} = 'PUBLIC'`;
}

/** A SQL condition on `alias` that keeps only organizations the viewer may see by name. */
export function visibleOrganizationsSql(viewer: Viewer, params: SqlParams, alias = 'o'): string {
  if (viewer.isAdmin) return 'TRUE';
  const visible = visibleClassesSql(viewer, `${alias}.visibility`);
  if (viewer.memberships.size === 0) return visible;
  return `(${visible} OR ${alias}.id = ANY(${params.add(viewer.organizationIds)}::uuid[]))`;
}

/**
 * A SQL expression for how many organizations the viewer may see by name: exactly count(*) under
 * visibleOrganizationsSql, read from the per-visibility counts the database keeps (organization_counts) rather
 * than by counting the table: the visibilities it sees whole, plus its own organizations outside them.
 */
export function visibleOrganizationCountSql(viewer: Viewer, params: SqlParams): string {
  const whole = `(SELECT coalesce(sum(c.organizations), 0) FROM organization_counts c${viewer.isAdmin ? '' : ` WHERE ${visibleClassesSql(viewer, 'c.visibility')}`})`;
  if (viewer.isAdmin || viewer.memberships.size === 0) return `${whole}::int`;
  const own = `(SELECT count(*) FROM organizations m WHERE m.id = ANY(${params.add(viewer.organizationIds)}::uuid[])
    AND NOT ${visibleClassesSql(viewer, 'm.visibility')})`;
  return `(${whole} + ${own})::int`;
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
