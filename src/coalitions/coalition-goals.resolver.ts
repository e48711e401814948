import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { canSeeGoals } from '../privacy/coalition-governance.js';
import { memberView } from './coalition-view.js';
import { Coalition } from './coalition.types.js';
import { toGoal } from './goal-query.service.js';
import { CoalitionGoal } from './goal.types.js';

// Coalition.goals: the goals of each coalition of a page, batched (coalition.loaders.ts: coalitionGoals), so a
// list of coalitions with their goals costs the same statements for 5 coalitions as for 25.

@Resolver(() => Coalition)
export class CoalitionGoalsResolver {
  @FieldResolver(() => [CoalitionGoal], { nullable: true, description: 'Its goals by due date, with milestones and progress (members of the coalition only; null for others).' })
  async goals(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionGoal[] | null> {
    if (!canSeeGoals((await memberView(ctx, coalition.row)).insider)) return null;
    return (await ctx.loaders.coalitionGoals.load(coalition.id)).map(toGoal);
  }
}
