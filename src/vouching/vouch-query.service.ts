import type { ConnectionShape, Page } from '../core/connection.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { canSeeVouchChain, visibleVouchSql } from '../privacy/vouch-visibility.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { VOUCH_COLUMNS, VOUCH_FROM, toVouches, type VouchRow } from './vouch-view.js';
import { VouchDirection } from './vouching.enums.js';
import type { Vouch } from './vouch.types.js';

// Reads: the vouches of an organization anyone may see (both ends visible), the admins' chain, single vouches.

/** The organization a list is about: one the viewer may not see answers NOT_FOUND, like a random id. */
async function visibleOrganization(ctx: RequestContext, organizationId: string): Promise<string> {
  const rows: { id: string; visibility: string }[] = isUuid(organizationId)
    ? await ctx.db.query('SELECT id, visibility FROM organizations WHERE id = $1', [organizationId])
    : [];
  if (!rows[0] || !canSeeOrganization(ctx.viewer, rows[0])) throw new NotFoundError('Organization');
  return rows[0].id;
}

function sideSql(direction: VouchDirection, org: string): string {
  return direction === VouchDirection.GIVEN ? `v.voucher_organization_id = ${org}` : `v.vouchee_organization_id = ${org}`;
}

/** Active vouches received (or given) by an organization, newest first, where both ends are visible to the viewer. */
export async function listVouches(ctx: RequestContext, organizationId: string, direction: VouchDirection, page: Page): Promise<ConnectionShape<Vouch>> {
  const id = await visibleOrganization(ctx, organizationId);
  const params = new SqlParams();
  const where = [sideSql(direction, params.add(id)), 'v.withdrawn_at IS NULL', visibleVouchSql(ctx.viewer, params, 'vo', 've')].join(' AND ');
  const query = { columns: VOUCH_COLUMNS, from: VOUCH_FROM, where, orderBy: 'v.created_at DESC, v.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: VouchRow[]) => toVouches(ctx, rows));
}

/** Admins: every vouch an organization received (or gave), withdrawn ones too, PRIVATE ends by name. */
export async function listVouchChain(ctx: RequestContext, organizationId: string, direction: VouchDirection, page: Page): Promise<ConnectionShape<Vouch>> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  if (!canSeeVouchChain(ctx.viewer)) throw new ForbiddenError('Only admins can see the chain of vouches');
  const id = await visibleOrganization(ctx, organizationId);
  const params = new SqlParams();
  const query = { columns: VOUCH_COLUMNS, from: VOUCH_FROM, where: sideSql(direction, params.add(id)), orderBy: 'v.created_at DESC, v.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: VouchRow[]) => toVouches(ctx, rows));
}

export async function readVouch(ctx: RequestContext, id: string): Promise<Vouch | null> {
  const rows: VouchRow[] = await ctx.db.query(`SELECT ${VOUCH_COLUMNS} FROM ${VOUCH_FROM} WHERE v.id = $1`, [id]);
  return (await toVouches(ctx, rows))[0] ?? null;
}
