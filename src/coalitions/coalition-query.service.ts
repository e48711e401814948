import type { RequestContext } from '../core/request-context.js';
import type { Page } from '../core/connection.js';
import { BadInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import { SqlParams } from '../core/sql-params.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { visibleCoalitionsSql } from '../privacy/coalition-visibility.js';
import { COALITION_COLUMNS, type CoalitionRow } from './coalition-row.js';
import type { CoalitionStatus } from './coalition.enums.js';
import { loadVisibleCoalition } from './coalition-access.js';
import { toCoalition } from './coalition-view.js';
import type { Coalition } from './coalition.types.js';

// Reads of coalitions. Hidden and missing answer alike (null), per privacy/coalition-visibility.ts.

export async function readCoalition(ctx: RequestContext, id: string): Promise<Coalition | null> {
  const row = await loadVisibleCoalition(ctx.db, ctx.viewer, id);
  return row ? toCoalition(row) : null;
}

export interface CoalitionListFilter {
  issueAreaId?: string | null;
  status?: CoalitionStatus | null;
  /** Coalitions this organization (one you belong to) is a current member of, PRIVATE ones included. */
  memberOrganizationId?: string | null;
}

/** Coalitions the viewer may see, newest first. */
export async function listCoalitions(ctx: RequestContext, filter: CoalitionListFilter, page: Page) {
  const params = new SqlParams();
  const conditions = [visibleCoalitionsSql(ctx.viewer, params)];
  if (filter.issueAreaId) {
    if (!isUuid(filter.issueAreaId)) throw new BadInputError('filter.issueAreaId', 'Unknown issue area');
    conditions.push(`c.issue_area_id = ${params.add(filter.issueAreaId)}`);
  }
  if (filter.status) conditions.push(`c.status = ${params.add(filter.status)}`);
  if (filter.memberOrganizationId) {
    // Only for your own organizations: filtering by another's membership would reveal a PRIVATE member.
    const orgId = await requireMembership(ctx.db, ctx.viewer, filter.memberOrganizationId, 'Only members of the organization can list its coalitions');
    conditions.push(`EXISTS (SELECT 1 FROM coalition_members fm WHERE fm.coalition_id = c.id AND fm.left_at IS NULL AND fm.organization_id = ${params.add(orgId)})`);
  }
  return queryPage(ctx.db, { columns: COALITION_COLUMNS, from: 'coalitions c', where: conditions.join(' AND '), orderBy: 'c.created_at DESC, c.id', params },
    page, (rows: CoalitionRow[]) => rows.map(toCoalition));
}
