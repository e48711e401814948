import { GoalStatus } from './governance.enums.js';

// A goal's progress and status, derived from what is stored (never set by hand, except dropping and marking done).

export interface GoalFacts {
  dueOn: string | null;
  createdAt: Date;
  completedAt: Date | null;
  droppedAt: Date | null;
  milestones: { dueOn: string | null; done: boolean }[];
}

/** Share of milestones done (1 when marked done; 0 without milestones). */
export function goalProgress(goal: GoalFacts): number {
  if (goal.completedAt) return 1;
  if (goal.milestones.length === 0) return 0;
  return goal.milestones.filter((m) => m.done).length / goal.milestones.length;
}

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`).getTime();

/**
 * DROPPED, DONE (marked, or every milestone done), AT_RISK (past due, a milestone past its own date, or progress
 * behind the time elapsed between creation and the due date by more than a quarter), else ON_TRACK.
 */
export function goalStatus(goal: GoalFacts, now = Date.now()): GoalStatus {
  if (goal.droppedAt) return GoalStatus.DROPPED;
  const progress = goalProgress(goal);
  if (goal.completedAt || (goal.milestones.length > 0 && progress === 1)) return GoalStatus.DONE;
  if (goal.dueOn && endOfDay(goal.dueOn) < now) return GoalStatus.AT_RISK;
  if (goal.milestones.some((m) => !m.done && m.dueOn && endOfDay(m.dueOn) < now)) return GoalStatus.AT_RISK;
  if (goal.dueOn && goal.milestones.length > 0) {
    const start = new Date(goal.createdAt).getTime();
    const span = endOfDay(goal.dueOn) - start;
    const elapsed = span > 0 ? (now - start) / span : 1;
    if (progress + 0.25 < elapsed) return GoalStatus.AT_RISK;
  }
  return GoalStatus.ON_TRACK;
}
