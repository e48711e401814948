import type { EntityManager } from 'typeorm';
import { Visibility } from '../core/enums.js';
import { stricterVisibility } from '../privacy/coalition-visibility.js';
import { CoalitionRole, CoalitionStatus } from './coalition.enums.js';

// Joining and leaving, for every path that changes membership (an accepted invitation, leaving, a GOVERNANCE
// decision to admit or remove). Callers hold the coalition row lock (requireCoalitionMember or the invitation
// guard), so the status they derive here sees every member.

/**
 * Makes the organization a current member (no-op, false, when it already is). Its visibility inside the
 * coalition is the one asked for, never more than its own visibility: a PRIVATE organization stays anonymous to
 * non-members.
 */
export async function admitMember(
  tx: EntityManager, coalitionId: string, organizationId: string,
  options: { role?: CoalitionRole; visibility?: Visibility | null } = {},
): Promise<boolean> {
  const [org]: { visibility: Visibility }[] = await tx.query('SELECT visibility FROM organizations WHERE id = $1', [organizationId]);
  if (!org) return false;
  const visibility = stricterVisibility(options.visibility ?? org.visibility, org.visibility);
  const rows: unknown[] = await tx.query(
    `INSERT INTO coalition_members (coalition_id, organization_id, role, visibility) VALUES ($1, $2, $3, $4)
     ON CONFLICT (coalition_id, organization_id) WHERE left_at IS NULL DO NOTHING RETURNING id`,
    [coalitionId, organizationId, options.role ?? CoalitionRole.MEMBER, visibility],
  );
  if (rows.length === 0) return false;
  // Its other open invitations to this coalition are settled by joining.
  await tx.query(
    `UPDATE coalition_invitations SET status = 'ACCEPTED', responded_at = now()
     WHERE coalition_id = $1 AND organization_id = $2 AND status = 'PENDING' AND delivered AND expires_at > now()`,
    [coalitionId, organizationId],
  );
  await refreshCoalitionStatus(tx, coalitionId);
  return true;
}

/** Ends a current membership (false when it is not one): `removed` when the coalition decided it, else it left. */
export async function removeMember(tx: EntityManager, coalitionId: string, organizationId: string, removed = true): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `UPDATE coalition_members SET left_at = now(), removed = $3
     WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL RETURNING id`,
    [coalitionId, organizationId, removed],
  );
  if (rows.length === 0) return false;
  await refreshCoalitionStatus(tx, coalitionId);
  return true;
}

/**
 * The status follows the members: FORMING until at least two members have all endorsed the current charter
 * (the MOU signed), then ACTIVE (it stays ACTIVE through later charter versions); CLOSED once nobody is left.
 */
export async function refreshCoalitionStatus(tx: EntityManager, coalitionId: string): Promise<CoalitionStatus> {
  const [row]: { status: CoalitionStatus }[] = await tx.query(
    `WITH cur AS (SELECT max(version) AS v FROM coalition_charters WHERE coalition_id = $1),
     m AS (SELECT organization_id FROM coalition_members WHERE coalition_id = $1 AND left_at IS NULL),
     counts AS (
       SELECT (SELECT count(*) FROM m) AS members,
         (SELECT count(*) FROM m JOIN coalition_charter_endorsements e ON e.organization_id = m.organization_id
            AND e.coalition_id = $1 AND e.version = (SELECT v FROM cur)) AS endorsed)
     UPDATE coalitions c SET status = CASE
         WHEN counts.members = 0 THEN 'CLOSED'
         WHEN c.status = 'FORMING' AND counts.members >= 2 AND counts.endorsed = counts.members THEN 'ACTIVE'
         ELSE c.status END
     FROM counts WHERE c.id = $1 RETURNING c.status`,
    [coalitionId],
  );
  return row?.status ?? CoalitionStatus.CLOSED;
}
