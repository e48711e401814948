import type { Viewer } from '../core/viewer.js';
import type { SqlParams } from '../core/sql-params.js';
import { canSeeOrganization, visibleOrganizationsSql, type VisibilityFacts } from './visibility.js';

// The viewer acting on behalf of its organizations (suggestions, introductions, collaborations, coalitions),
// captured once per request. Admin rights are dropped here: an admin who is also a member never sees a PRIVATE
// organization by name through these paths. Every such path asks this object, and only it, whether an
// organization is named, anonymous, or absent.

export class ActingViewer {
  private readonly viewer: Viewer;

  constructor(viewer: Viewer) {
    this.viewer = viewer.actingForOrganizations();
  }

  /** May this organization be shown by name (with its profile) on behalf of the viewer's organizations? */
  canName(org: VisibilityFacts): boolean {
    return canSeeOrganization(this.viewer, org);
  }

  /** A PRIVATE organization that may only appear as an anonymous card (it opted in; checked in SQL). */
  isAnonymous(org: VisibilityFacts): boolean {
    return !this.canName(org);
  }

  /** SQL on `alias`: organizations shown by name. */
  namedSql(params: SqlParams, alias = 'o'): string {
    return visibleOrganizationsSql(this.viewer, params, alias);
  }

  /** SQL on `alias`: organizations that may appear only as anonymous cards (PRIVATE, opted in, not ours). */
  anonymousSql(params: SqlParams, alias = 'o'): string {
    const base = `${alias}.visibility = 'PRIVATE' AND ${alias}.anonymous_suggestions`;
    if (this.viewer.memberships.size === 0) return `(${base})`;
    return `(${base} AND ${alias}.id <> ALL(${params.add(this.viewer.organizationIds)}::uuid[]))`;
  }

  /** SQL on `alias`: organizations that may be suggested at all, by name or anonymously. */
  suggestableSql(params: SqlParams, alias = 'o'): string {
    return `(${this.namedSql(params, alias)} OR ${this.anonymousSql(params, alias)})`;
  }
}

const captured = new WeakMap<Viewer, ActingViewer>();

/**
 * The acting viewer of a request, captured once per Viewer: a request whose viewer changes (a mutation that
 * makes it a member) gets a new Viewer object, hence a fresh acting viewer.
 */
export function actingViewer(viewer: Viewer): ActingViewer {
  let acting = captured.get(viewer);
  if (!acting) captured.set(viewer, (acting = new ActingViewer(viewer)));
  return acting;
}
