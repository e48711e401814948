import type { EntityManager } from 'typeorm';
import { UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { assertOpen, requireCoalitionMember } from './coalition-access.js';
import { requireMemberFor } from './governance-access.js';
import type { GoalCreateInput, GoalUpdateInput, MilestoneInput, MilestoneSetInput, WinRecordInput, WinRemoveInput } from './goal.inputs.js';

// Goals, milestones and wins: any owner or editor of a member organization keeps them (the coalition's own record).
// Each runs in runMutation's transaction under the coalition row lock and returns the goal's or the win's id.

const GOAL_OF = 'SELECT coalition_id AS "coalitionId" FROM coalition_goals WHERE id = $1';

async function addMilestones(tx: EntityManager, goalId: string, milestones: MilestoneInput[]): Promise<void> {
  if (milestones.length === 0) return;
  await tx.query(
    `INSERT INTO coalition_milestones (goal_id, title, due_on, position)
     SELECT $1, m.title, m.due_on, coalesce((SELECT max(position) FROM coalition_milestones WHERE goal_id = $1), -1) + m.n
     FROM unnest($2::text[], $3::date[]) WITH ORDINALITY AS m(title, due_on, n)`,
    [goalId, milestones.map((m) => m.title.trim()), milestones.map((m) => m.dueOn ?? null)],
  );
}

export async function createGoal(ctx: RequestContext, tx: EntityManager, input: GoalCreateInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  assertOpen(actor.coalition);
  const [row]: { id: string }[] = await tx.query(
    'INSERT INTO coalition_goals (coalition_id, title, description, due_on) VALUES ($1, $2, $3, $4) RETURNING id',
    [actor.coalitionId, input.title.trim(), (input.description ?? '').trim(), input.dueOn ?? null],
  );
  await addMilestones(tx, row.id, input.milestones ?? []);
  return row.id;
}

export async function updateGoal(ctx: RequestContext, tx: EntityManager, input: GoalUpdateInput): Promise<string> {
  await requireMemberFor(ctx, tx, 'Goal', GOAL_OF, input.goalId, input.organizationId);
  await tx.query(
    `UPDATE coalition_goals SET
       title = coalesce($2, title), description = coalesce($3, description),
       due_on = CASE WHEN $4 THEN $5::date ELSE due_on END,
       dropped_at = CASE WHEN $6::boolean IS NULL THEN dropped_at WHEN $6 THEN coalesce(dropped_at, now()) ELSE NULL END,
       completed_at = CASE WHEN $7::boolean IS NULL THEN completed_at WHEN $7 THEN coalesce(completed_at, now()) ELSE NULL END
     WHERE id = $1`,
    [input.goalId, input.title?.trim() ?? null, input.description?.trim() ?? null, input.dueOn !== undefined, input.dueOn ?? null,
      input.dropped ?? null, input.completed ?? null],
  );
  await addMilestones(tx, input.goalId, input.addMilestones ?? []);
  return input.goalId;
}

export async function setMilestone(ctx: RequestContext, tx: EntityManager, input: MilestoneSetInput): Promise<string> {
  await requireMemberFor(ctx, tx, 'Milestone',
    'SELECT g.coalition_id AS "coalitionId" FROM coalition_milestones m JOIN coalition_goals g ON g.id = m.goal_id WHERE m.id = $1',
    input.milestoneId, input.organizationId);
  // An UPDATE ... RETURNING answers [rows, affected] through TypeORM.
  const [rows]: [{ goalId: string }[], number] = await tx.query(
    `UPDATE coalition_milestones SET done_at = CASE WHEN $2 THEN coalesce(done_at, now()) ELSE NULL END WHERE id = $1
     RETURNING goal_id AS "goalId"`,
    [input.milestoneId, input.done],
  );
  return rows[0].goalId;
}

export async function recordWin(ctx: RequestContext, tx: EntityManager, input: WinRecordInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  let goalId: string | null = null;
  if (input.goalId) {
    const found: unknown[] = isUuid(input.goalId)
      ? await tx.query('SELECT 1 FROM coalition_goals WHERE id = $1 AND coalition_id = $2', [input.goalId, actor.coalitionId])
      : [];
    if (!found.length) throw new UserInputError('NOT_FOUND', 'input.goalId', 'No such goal in this coalition');
    goalId = input.goalId.toLowerCase();
  }
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO coalition_wins (coalition_id, goal_id, title, description, achieved_on, evidence_url, public)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [actor.coalitionId, goalId, input.title.trim(), (input.description ?? '').trim(), input.achievedOn, input.evidenceUrl ?? null, input.public ?? false],
  );
  return row.id;
}

export async function removeWin(ctx: RequestContext, tx: EntityManager, input: WinRemoveInput): Promise<string> {
  await requireMemberFor(ctx, tx, 'Win', 'SELECT coalition_id AS "coalitionId" FROM coalition_wins WHERE id = $1', input.winId, input.organizationId);
  await tx.query('DELETE FROM coalition_wins WHERE id = $1', [input.winId]);
  return input.winId;
}
