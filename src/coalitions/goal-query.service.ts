import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { visibleWinsSql } from '../privacy/coalition-governance.js';
import { goalProgress, goalStatus } from './goal-status.js';
import type { CoalitionGoal, CoalitionWin } from './goal.types.js';

// Reads of goals (members only: the caller checks) and wins (public ones for everyone who may see the coalition).

export const GOAL_COLUMNS = `g.id, g.title, g.description, to_char(g.due_on, 'YYYY-MM-DD') AS "dueOn", g.created_at AS "createdAt",
  g.completed_at AS "completedAt", g.dropped_at AS "droppedAt",
  coalesce((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'dueOn', to_char(m.due_on, 'YYYY-MM-DD'),
      'done', m.done_at IS NOT NULL, 'doneAt', m.done_at) ORDER BY m.position, m.id)
    FROM coalition_milestones m WHERE m.goal_id = g.id), '[]'::json) AS milestones`;

export interface GoalRow {
  id: string; title: string; description: string; dueOn: string | null; createdAt: Date; completedAt: Date | null; droppedAt: Date | null;
  milestones: { id: string; title: string; dueOn: string | null; done: boolean; doneAt: string | null }[];
}

export function toGoal(row: GoalRow): CoalitionGoal {
  const milestones = row.milestones.map((m) => ({ ...m, doneAt: m.doneAt ? new Date(m.doneAt) : null }));
  return {
    id: row.id, title: row.title, description: row.description, dueOn: row.dueOn, createdAt: row.createdAt,
    status: goalStatus(row), progress: goalProgress(row), milestones,
  };
}

export async function listGoals(ctx: RequestContext, coalitionId: string, page: Page): Promise<ConnectionShape<CoalitionGoal>> {
  const params = new SqlParams();
  const query = { columns: GOAL_COLUMNS, from: 'coalition_goals g', where: `g.coalition_id = ${params.add(coalitionId)}`, orderBy: 'g.due_on ASC NULLS LAST, g.created_at, g.id', params };
  return queryPage(ctx.db, query, page, (rows: GoalRow[]) => rows.map(toGoal));
}

export async function readGoal(ctx: RequestContext, id: string): Promise<CoalitionGoal | null> {
  const rows: GoalRow[] = await ctx.db.query(`SELECT ${GOAL_COLUMNS} FROM coalition_goals g WHERE g.id = $1`, [id]);
  return rows[0] ? toGoal(rows[0]) : null;
}

export const WIN_COLUMNS = `w.id, w.title, w.description, to_char(w.achieved_on, 'YYYY-MM-DD') AS "achievedOn", w.evidence_url AS "evidenceUrl",
  w.public, w.goal_id AS "goalId", w.created_at AS "createdAt"`;

/** Wins newest first: all for insiders, the public ones for everyone else who may see the coalition. */
export async function listWins(ctx: RequestContext, coalitionId: string, insider: boolean, page: Page): Promise<ConnectionShape<CoalitionWin>> {
  const params = new SqlParams();
  const where = `w.coalition_id = ${params.add(coalitionId)} AND ${visibleWinsSql(insider)}`;
  const query = { columns: WIN_COLUMNS, from: 'coalition_wins w', where, orderBy: 'w.achieved_on DESC, w.created_at DESC, w.id', params };
  return queryPage(ctx.db, query, page, (rows: CoalitionWin[]) => rows.map((w) => ({ ...w, goalId: insider ? w.goalId : null })));
}

export async function readWin(ctx: RequestContext, id: string): Promise<CoalitionWin | null> {
  const rows: CoalitionWin[] = await ctx.db.query(`SELECT ${WIN_COLUMNS} FROM coalition_wins w WHERE w.id = $1`, [id]);
  return rows[0] ?? null;
}
