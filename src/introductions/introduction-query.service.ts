import { SqlParams } from '../core/sql-params.js';
import { toConnection, type ConnectionShape, type Page } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { requireMember } from './introduction-access.js';
import {
  COLLABORATION_COLUMNS, EFFECTIVE_STATUS_SQL, INTRODUCTION_COLUMNS, introductionsOfSql, toCollaborations, toIntroductions,
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
  const whereSql = where.join(' AND ');
  const countValues = [...params.values];
  const rows: IntroductionRow[] = await ctx.db.query(
    `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE ${whereSql}
     ORDER BY i.created_at DESC, i.id DESC LIMIT ${params.add(page.limit + 1)} OFFSET ${params.add(page.offset)}`,
    params.values,
  );
  const totalCount = async () => {
    const [{ count }] = await ctx.db.query(`SELECT count(*)::int AS count FROM introductions i WHERE ${whereSql}`, countValues);
    return count as number;
  };
  return toConnection(await toIntroductions(ctx, rows), page, totalCount);
}

/** An organization's collaborations, most recent first. */
export async function listCollaborations(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<Collaboration>> {
  const orgId = await requireMember(ctx, organizationId);
  const where = 'c.organization_a_id = $1 OR c.organization_b_id = $1';
  const rows: CollaborationRow[] = await ctx.db.query(
    `SELECT ${COLLABORATION_COLUMNS} FROM collaborations c WHERE ${where}
     ORDER BY c.started_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
    [orgId, page.limit + 1, page.offset],
  );
  const totalCount = async () => {
    const [{ count }] = await ctx.db.query(`SELECT count(*)::int AS count FROM collaborations c WHERE ${where}`, [orgId]);
    return count as number;
  };
  return toConnection(await toCollaborations(ctx, rows, orgId), page, totalCount);
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
