import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { canSeeGoals } from '../privacy/coalition-governance.js';
import { memberView } from './coalition-view.js';
import { loadVisibleCoalition } from './coalition-access.js';
import { listGoals, listWins, readGoal, readWin } from './goal-query.service.js';
import { GoalCreateInput, GoalUpdateInput, MilestoneSetInput, WinRecordInput, WinRemoveInput } from './goal.inputs.js';
import { createGoal, recordWin, removeWin, setMilestone, updateGoal } from './goal.service.js';
import { CoalitionGoalConnection, CoalitionGoalPayload, CoalitionWinConnection, CoalitionWinPayload } from './goal.types.js';

/** The coalition by id when the viewer may see it (NOT_FOUND otherwise, like a random id), with whether it is a member. */
async function visibleCoalition(ctx: RequestContext, coalitionId: string) {
  const coalition = await loadVisibleCoalition(ctx.db, ctx.viewer, coalitionId);
  if (!coalition) throw new NotFoundError('Coalition');
  return { coalition, insider: (await memberView(ctx, coalition)).insider };
}

@Resolver()
export class GoalResolver {
  @Query(() => CoalitionGoalConnection, { description: 'Goals of a coalition your organization is a member of, by due date (FORBIDDEN for others who see it).' })
  async coalitionGoals(@Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs, @Arg('coalitionId', () => ID) coalitionId: string) {
    const { coalition, insider } = await visibleCoalition(ctx, coalitionId);
    if (!canSeeGoals(insider)) throw new ForbiddenError('Only members of the coalition can read its goals');
    return listGoals(ctx, coalition.id, toPage(pageArgs));
  }

  @Query(() => CoalitionWinConnection, { description: 'Wins of a coalition, newest first: all for its members, the public ones for everyone else who may see it.' })
  async coalitionWins(@Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs, @Arg('coalitionId', () => ID) coalitionId: string) {
    const { coalition, insider } = await visibleCoalition(ctx, coalitionId);
    return listWins(ctx, coalition.id, insider, toPage(pageArgs));
  }

  @Mutation(() => CoalitionGoalPayload, { description: 'Adds a goal with a due date and milestones (owners and editors of a member).' })
  async coalitionGoalCreate(@Ctx() ctx: RequestContext, @Arg('input', () => GoalCreateInput, { validate: false }) input: GoalCreateInput): Promise<CoalitionGoalPayload> {
    const outcome = await runMutation(ctx, input, (tx) => createGoal(ctx, tx, input));
    return { goal: outcome.result ? await readGoal(ctx, outcome.result) : null, userErrors: outcome.userErrors };
  }

  @Mutation(() => CoalitionGoalPayload, { description: 'Changes a goal, drops or completes it, adds milestones.' })
  async coalitionGoalUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => GoalUpdateInput, { validate: false }) input: GoalUpdateInput): Promise<CoalitionGoalPayload> {
    const outcome = await runMutation(ctx, input, (tx) => updateGoal(ctx, tx, input));
    return { goal: outcome.result ? await readGoal(ctx, outcome.result) : null, userErrors: outcome.userErrors };
  }

  @Mutation(() => CoalitionGoalPayload, { description: 'Marks a milestone done (or not); the goal\'s progress and status follow.' })
  async coalitionMilestoneSet(@Ctx() ctx: RequestContext, @Arg('input', () => MilestoneSetInput, { validate: false }) input: MilestoneSetInput): Promise<CoalitionGoalPayload> {
    const outcome = await runMutation(ctx, input, (tx) => setMilestone(ctx, tx, input));
    return { goal: outcome.result ? await readGoal(ctx, outcome.result) : null, userErrors: outcome.userErrors };
  }

  @Mutation(() => CoalitionWinPayload, { description: 'Logs a win with its date and evidence link (owners and editors of a member).' })
  async coalitionWinRecord(@Ctx() ctx: RequestContext, @Arg('input', () => WinRecordInput, { validate: false }) input: WinRecordInput): Promise<CoalitionWinPayload> {
    const outcome = await runMutation(ctx, input, (tx) => recordWin(ctx, tx, input));
    return { win: outcome.result ? await readWin(ctx, outcome.result) : null, userErrors: outcome.userErrors };
  }

  @Mutation(() => CoalitionWinPayload, { description: 'Removes a win from the log.' })
  async coalitionWinRemove(@Ctx() ctx: RequestContext, @Arg('input', () => WinRemoveInput, { validate: false }) input: WinRemoveInput): Promise<CoalitionWinPayload> {
    const outcome = await runMutation(ctx, input, (tx) => removeWin(ctx, tx, input));
    return { win: null, userErrors: outcome.userErrors };
  }
}
