import type { Viewer } from '../core/viewer.js';
import type { SqlParams } from '../core/sql-params.js';
import { canSeeOrganization, type VisibilityValue } from './visibility.js';

// Who may see a coalition, and how its members are shown, decided here once (SQL and in memory).
// - A coalition: PUBLIC to anyone, NETWORK to signed-in users, PRIVATE to the users of its current member
//   organizations and of organizations holding a live invitation delivered to them (so they can decide).
//   Admins get no more than anyone (a coalition may shelter organizations at risk). Hidden answers like missing.
// - Its members: the users of a current member see every member by name. Everyone else sees a member by name
//   only when both the member's visibility inside the coalition and the organization's own visibility allow it;
//   otherwise it is an anonymous participant (no id, no name, no kind, no join date). A PRIVATE organization is
//   therefore never named to non-members, whatever its member visibility says.

/** SQL on `alias` (a coalitions row): coalitions the viewer may see. */
export function visibleCoalitionsSql(viewer: Viewer, params: SqlParams, alias = 'c'): string {
  const open = viewer.signedIn ? `${alias}.visibility IN ('PUBLIC', 'NETWORK')` : `${alias}.visibility = 'PUBLIC'`;
  if (viewer.memberships.size === 0) return `(${open})`;
  const mine = params.add(viewer.organizationIds);
  return `(${open}
    OR EXISTS (SELECT 1 FROM coalition_members vm WHERE vm.coalition_id = ${alias}.id AND vm.left_at IS NULL
      AND vm.organization_id = ANY(${mine}::uuid[]))
    OR EXISTS (SELECT 1 FROM coalition_invitations vi WHERE vi.coalition_id = ${alias}.id AND vi.delivered
      AND vi.status = 'PENDING' AND vi.expires_at > now() AND vi.organization_id = ANY(${mine}::uuid[])))`;
}

/** Is the viewer acting for one of the given current member organizations? */
export function isCoalitionInsider(viewer: Viewer, memberOrganizationIds: readonly string[]): boolean {
  return memberOrganizationIds.some((id) => viewer.isMemberOf(id));
}

export interface CoalitionMemberFacts {
  organizationId: string;
  /** The member's visibility inside the coalition. */
  memberVisibility: VisibilityValue | string;
  /** The organization's own visibility. */
  organizationVisibility: VisibilityValue | string;
}

const RANK: Record<string, number> = { PRIVATE: 0, NETWORK: 1, PUBLIC: 2 };

/** The stricter of two visibilities. */
export function stricterVisibility(a: string, b: string): VisibilityValue {
  return ((RANK[a] ?? 0) <= (RANK[b] ?? 0) ? a : b) as VisibilityValue;
}

/**
 * May this member be named to the viewer? `insider`: the viewer acts for a current member (isCoalitionInsider).
 * Admin rights never count here: the viewer acts for its organizations.
 */
export function canNameCoalitionMember(viewer: Viewer, insider: boolean, member: CoalitionMemberFacts): boolean {
  if (insider || viewer.isMemberOf(member.organizationId)) return true;
  const acting = viewer.actingForOrganizations();
  const shown = stricterVisibility(member.memberVisibility, member.organizationVisibility);
  if (shown === 'PRIVATE') return false;
  return canSeeOrganization(acting, { id: member.organizationId, visibility: shown });
}
