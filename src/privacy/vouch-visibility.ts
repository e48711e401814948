import type { Viewer } from '../core/viewer.js';
import type { SqlParams } from '../core/sql-params.js';
import { visibleOrganizationsSql } from './visibility.js';

// Who may see a vouch (which verified organization vouched for which group), decided here once.
// - The badge (VOUCHED) is a public fact of the vouched organization, like VERIFIED: it counts every active vouch
//   from a verified organization, visible or not, and never shows the count.
// - Who vouched for whom is shown only where BOTH organizations are visible to the viewer: a PRIVATE voucher is
//   never named to strangers (not in lists, counts or payloads), and a PRIVATE group it vouched for never shows up
//   in the voucher's given list. The rule is the profile visibility rule applied to both ends, so admins see
//   PRIVATE ones by name as they do profiles.
// - Withdrawn vouches and the whole history (the chain) are for admins only.
// What a stranger can infer: an organization that shows VOUCHED with fewer listed vouches than the threshold has
// vouches from organizations the stranger may not see. Someone who controls several verified organizations can add
// and withdraw its own vouches and watch the badge flip, which tells how many hidden vouches there are below the
// threshold; never which organizations, nor when. That is the price of letting at-risk verified organizations
// vouch without being named (README, Vouching).

/** SQL on a vouch's two ends: both organizations visible to the viewer. */
export function visibleVouchSql(viewer: Viewer, params: SqlParams, voucherAlias: string, voucheeAlias: string): string {
  return `(${visibleOrganizationsSql(viewer, params, voucherAlias)} AND ${visibleOrganizationsSql(viewer, params, voucheeAlias)})`;
}

/** The whole chain (withdrawn vouches, private vouchers by name) is for admins. */
export function canSeeVouchChain(viewer: Viewer): boolean {
  return viewer.isAdmin;
}
