import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { GRANT_OPEN_SQL, VOUCH_REQUEST_FROM, vouchCard, vouchRequestSide, vouchRequestsOfSql, type VouchCardSource } from '../privacy/vouch-request-grant.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import type { VouchRequestStatus } from './vouching.enums.js';
import type { VouchRequest, VouchRequestGroup } from './vouch-request.types.js';

// Reads of vouch requests, for the members of either side (the grant and what each side sees:
// privacy/vouch-request-grant.ts). The group's card and the status come with the page in one statement; the
// vouchers of the page are named (or not) in one more.

interface RequestRow {
  id: string;
  groupId: string;
  voucherId: string;
  message: string;
  status: VouchRequestStatus;
  createdAt: Date;
  vouchId: string | null;
  open: boolean;
  group: VouchCardSource;
}

const COLUMNS = `r.id, r.organization_id AS "groupId", r.voucher_organization_id AS "voucherId", r.message, r.created_at AS "createdAt",
  CASE WHEN r.status = 'VOUCHED' AND (rv.id IS NULL OR rv.withdrawn_at IS NOT NULL) THEN 'VOUCH_WITHDRAWN' ELSE r.status END AS status,
  CASE WHEN rv.withdrawn_at IS NULL THEN rv.id END AS "vouchId", ${GRANT_OPEN_SQL} AS open,
  json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'mission', g.mission, 'website', g.website, 'country', g.country,
    'languages', g.languages, 'createdAt', g.created_at) AS "group"`;
const FROM = `${VOUCH_REQUEST_FROM} JOIN organizations g ON g.id = r.organization_id`;

/** The rows as the viewer reading for `organizationId` may see them: its side's rule, the voucher by the acting rule. */
async function toRequests(ctx: RequestContext, organizationId: string, rows: RequestRow[]): Promise<VouchRequest[]> {
  const seen = rows.filter((row) => vouchRequestSide(ctx.viewer, row, organizationId) !== null);
  const vouchers = await loadVisibleRecords(ctx, seen.map((row) => row.voucherId));
  return seen.map((row) => ({
    id: row.id, status: row.status, message: row.message, createdAt: row.createdAt, vouchId: row.vouchId,
    group: { ...vouchCard(row.group), createdAt: new Date(row.group.createdAt) } as VouchRequestGroup,
    voucher: vouchers.get(row.voucherId) ?? null,
  }));
}

/**
 * The requests of an organization, newest first: those it sent as a group (every status) and those it was asked
 * while they reveal the group. Members of the organization only (FORBIDDEN to others, NOT_FOUND if hidden).
 */
export async function listVouchRequests(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<VouchRequest>> {
  const id = await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can read its vouch requests');
  const params = new SqlParams();
  const query = { columns: COLUMNS, from: FROM, where: vouchRequestsOfSql(params.add(id)), orderBy: 'r.created_at DESC, r.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: RequestRow[]) => toRequests(ctx, id, rows));
}

/** One request as the members of `organizationId` see it now (mutation payloads); null where that side may not. */
export async function readVouchRequest(ctx: RequestContext, id: string, organizationId: string): Promise<VouchRequest | null> {
  const rows: RequestRow[] = await ctx.db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
  return (await toRequests(ctx, organizationId, rows))[0] ?? null;
}
