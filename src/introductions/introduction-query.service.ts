import { SqlParams } from '../core/sql-params.js';
import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { requireMember } from './introduction-access.js';
import { EFFECTIVE_STATUS_SQL } from './introduction-status.sql.js';
import {
  COLLABORATION_COLUMNS, INTRODUCTION_COLUMNS, introductionsOfSql, toCollaborations, toIntroductions,
  type CollaborationRow, type IntroductionRow,
} from './introduction-view.js';
import type { IntroductionDirection, IntroductionStatus } from './introduction.enums.js';
import type { Collaboration, Introduction } from './introduction.types.js';

// Reads: lists for the members of an organization, and single rows to answer a mutation with.

export interface IntroductionListArgs {
  organizationId: string;
  direction?: IntroductionDirection | null;
  status?: IntroductionStatus | null;
}

/** An organization's introductions, newest first; both directions when none is given. */
export async function listIntroductions(ctx: RequestContext, args: IntroductionListArgs, page: Page): Promise<ConnectionShape<Introduction>> {
  const organizationId = await requireMember(ctx, args.organizationId);
  const params = new SqlParams();
  const org = params.add(organizationId);
  const where = [introductionsOfSql(org, args.direction ?? null)];
  if (args.status) where.push(`${EFFECTIVE_STATUS_SQL} = ${params.add(args.status)}`);
  const query = { columns: INTRODUCTION_COLUMNS, from: 'introductions i', where: where.join(' AND '), orderBy: 'i.created_at DESC, i.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: IntroductionRow[]) => toIntroductions(ctx, rows));
}

/** An organization's collaborations, most recent first. */
export async function listCollaborations(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<Collaboration>> {
  const orgId = await requireMember(ctx, organizationId);
  const params = new SqlParams();
  const org = params.add(orgId);
  const query = {
    columns: COLLABORATION_COLUMNS,
    from: 'collaborations c',
    where: `(c.organization_a_id = ${org} OR c.organization_b_id = ${org})`,
    orderBy: 'c.started_at DESC, c.id DESC',
    params,
  };
  return queryPage(ctx.db, query, page, (rows: CollaborationRow[]) => toCollaborations(ctx, rows, orgId));
}

export async function readIntroduction(ctx: RequestContext, id: string): Promise<Introduction> {
  const rows: IntroductionRow[] = await ctx.db.query(`SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE i.id = $1`, [id]);
  const [introduction] = await toIntroductions(ctx, rows);
  return introduction;
}

export async function readCollaboration(ctx: RequestContext, id: string, organizationId: string): Promise<Collaboration> {
  const rows: CollaborationRow[] = await ctx.db.query(`SELECT ${COLLABORATION_COLUMNS} FROM collaborations c WHERE c.id = $1`, [id]);
  const [collaboration] = await toCollaborations(ctx, rows, organizationId);
  return collaboration;
}
