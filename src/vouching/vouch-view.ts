import type { RequestContext } from '../core/request-context.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import type { Vouch } from './vouch.types.js';

// Rows as SQL returns them (alias v, with the voucher joined as vo), and how they become what a viewer may see.

/** FROM clause every vouch read shares: the vouch with both of its organizations. */
export const VOUCH_FROM = `vouches v
  JOIN organizations vo ON vo.id = v.voucher_organization_id
  JOIN organizations ve ON ve.id = v.vouchee_organization_id`;

/** A vouch counts toward the badge while it is not withdrawn and its voucher is verified (so the badge follows both). */
export const COUNTS_SQL = '(v.withdrawn_at IS NULL AND vo.verified)';

export const VOUCH_COLUMNS = `v.id, v.voucher_organization_id AS "voucherId", v.vouchee_organization_id AS "voucheeId",
  v.statement, v.created_at AS "createdAt", v.withdrawn_at AS "withdrawnAt", ${COUNTS_SQL} AS counts`;

export interface VouchRow {
  id: string;
  voucherId: string;
  voucheeId: string;
  statement: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  counts: boolean;
}

/**
 * The vouches whose two ends the viewer may see (profile visibility, admin rights included: see
 * privacy/vouch-visibility.ts), with both records loaded in one statement. The lists already filter in SQL; this
 * is the same rule once more for single reads (mutation payloads).
 */
export async function toVouches(ctx: RequestContext, rows: VouchRow[]): Promise<Vouch[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.voucherId, row.voucheeId]))];
  const records: OrganizationRecord[] = ids.length
    ? await ctx.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids])
    : [];
  const visible = new Map(records.filter((record) => canSeeOrganization(ctx.viewer, record)).map((record) => [record.id, record]));
  const vouches: Vouch[] = [];
  for (const row of rows) {
    const voucher = visible.get(row.voucherId);
    const organization = visible.get(row.voucheeId);
    if (!voucher || !organization) continue;
    vouches.push({ id: row.id, voucher, organization, statement: row.statement, createdAt: row.createdAt, withdrawnAt: row.withdrawnAt, counts: row.counts });
  }
  return vouches;
}
