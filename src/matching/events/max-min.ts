// Placeholder: the max-min step comes next.
import type { ScheduleProblem } from './schedule-problem.js';
import type { ScheduledMeeting, SitOut } from './schedule-types.js';

export function raiseMinimum(_p: ScheduleProblem, _meetings: ScheduledMeeting[], _sitOuts: SitOut[]): void {}
