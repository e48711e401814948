import type { EntityManager } from 'typeorm';
import type { Viewer } from '../core/viewer.js';

// The vouch-request grant, decided here once. A group that no verified organization may see (PRIVATE, or NETWORK
// to signed-out vouchers) asks one organization it can see for a vouch. That request reveals the group's vouch card
// (below) to the members of the asked organization only, and only while the request is PENDING or the vouch it
// produced stands. It ends for good on a decline, a withdrawal by the group, or the vouch being withdrawn.
// - The grant is narrow: the card in the request, and vouchCreate accepting the group as a target. It does not put
//   the group in organization(id), lists, suggestions or the vouches lists (those keep the profile rule, so a
//   voucher's given list still names only groups it may see); the group asked one organization, not the network.
// - Acting for organizations (no admin rights): an admin who is not a member of the asked organization learns
//   nothing through a request.
// - The group's side sees all its requests, a decline as DECLINED and nothing else about it (not who, not when, no
//   reason); a third organization, signed-out visitors and admins acting as admins see none of them.
// - Requests go only to organizations the group may name already (NOT_FOUND like a random id otherwise), so asking
//   cannot probe which organizations exist; the pending limit and the decline cool-down bound the spam.

/** SQL on a request row `r` with its vouch left-joined as `rv`: the request still reveals the group to the asked side. */
export const GRANT_OPEN_SQL = `(r.status = 'PENDING' OR (r.status = 'VOUCHED' AND rv.id IS NOT NULL AND rv.withdrawn_at IS NULL))`;

/** FROM fragment every request read shares, so GRANT_OPEN_SQL can be asked of it. */
export const VOUCH_REQUEST_FROM = 'vouch_requests r LEFT JOIN vouches rv ON rv.id = r.vouch_id';

/** Which side of a request the viewer reads it as: the group's, the asked organization's (while granted), or none. */
export type VouchRequestSide = 'GROUP' | 'ASKED';

export function vouchRequestSide(viewer: Viewer, request: { groupId: string; voucherId: string; open: boolean }, readingFor: string): VouchRequestSide | null {
  const acting = viewer.actingForOrganizations();
  if (readingFor === request.groupId && acting.isMemberOf(request.groupId)) return 'GROUP';
  if (readingFor === request.voucherId && acting.isMemberOf(request.voucherId) && request.open) return 'ASKED';
  return null;
}

/** SQL: the requests an organization (its id in `org`) may list, as the group (all) or as the asked side (granted). */
export function vouchRequestsOfSql(org: string): string {
  return `(r.organization_id = ${org} OR (r.voucher_organization_id = ${org} AND ${GRANT_OPEN_SQL}))`;
}

/**
 * Whether the group is revealed to the voucher by a request (pending, or vouched with the vouch standing): the
 * voucher's members may then vouch for it. Read inside the caller's transaction, after it locked the voucher.
 */
export async function isRevealedByRequest(tx: Pick<EntityManager, 'query'>, groupId: string, voucherId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `SELECT 1 FROM ${VOUCH_REQUEST_FROM} WHERE r.organization_id = $1 AND r.voucher_organization_id = $2 AND ${GRANT_OPEN_SQL} LIMIT 1`,
    [groupId, voucherId],
  );
  return rows.length > 0;
}

/** What an organization may not see of the group (location beyond the country, contacts, members...) stays out. */
export interface VouchCardSource {
  id: string;
  name: string;
  kind: string;
  mission: string;
  website: string | null;
  country: string | null;
  languages: string[];
  createdAt: Date;
}

/** The group as a request shows it: enough to judge it (who, what for, where in the world, since when), no more. */
export function vouchCard(source: VouchCardSource): VouchCardSource {
  const { id, name, kind, mission, website, country, languages, createdAt } = source;
  return { id, name, kind, mission, website, country, languages, createdAt };
}
