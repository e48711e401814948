import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { connectionTypes } from '../core/connection.js';
import { UserError } from '../core/user-error.types.js';
import { GoalStatus } from './governance.enums.js';

// Goals, milestones and wins name no organization: members set them, and public wins say what was achieved, not
// who in the coalition did it (a PRIVATE member stays anonymous).

@ObjectType()
export class CoalitionMilestone {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) dueOn: string | null;
  @Field() done: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) doneAt: Date | null;
}

@ObjectType({ description: 'A goal of a coalition with its milestones (members only).' })
export class CoalitionGoal {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) dueOn: string | null;
  @Field(() => GoalStatus, { description: 'Derived (see GoalStatus).' }) status: GoalStatus;
  @Field(() => Float, { description: 'Share of milestones done, 0 to 1 (1 when marked done).' }) progress: number;
  @Field(() => [CoalitionMilestone]) milestones: CoalitionMilestone[];
  @Field(() => DateTimeResolver) createdAt: Date;
}

@ObjectType({ description: 'Something the coalition achieved: public ones are shown to everyone who may see the coalition.' })
export class CoalitionWin {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) achievedOn: string;
  @Field(() => String, { nullable: true, description: 'A link to the evidence (press, a decision, a report).' }) evidenceUrl: string | null;
  @Field() public: boolean;
  @Field(() => ID, { nullable: true, description: 'The goal it advances (members only; null for others).' }) goalId: string | null;
  @Field(() => DateTimeResolver) createdAt: Date;
}

export const { Connection: CoalitionGoalConnection } = connectionTypes(CoalitionGoal, 'CoalitionGoal');
export const { Connection: CoalitionWinConnection } = connectionTypes(CoalitionWin, 'CoalitionWin');

@ObjectType()
export class CoalitionGoalPayload {
  @Field(() => CoalitionGoal, { nullable: true }) goal: CoalitionGoal | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class CoalitionWinPayload {
  @Field(() => CoalitionWin, { nullable: true }) win: CoalitionWin | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
