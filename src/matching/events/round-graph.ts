// One round of ONE_TO_ONE matching, as the matching steps see it.
import type { ScheduleProblem } from './schedule-problem.js';

export interface RoundGraph {
  p: ScheduleProblem;
  /** 1 for attendees taking part in this round's matching */
  active: Uint8Array;
  /** per pair: the (adjusted) weight of meeting this round; <= 0 means the pair cannot meet this round */
  weight: Float64Array;
}
