// Shared scales. Kept in one file so the partner score, the coalition objective and the reasons agree.
import type { Level, PartnerWeights, Priority } from './types.js';

/** Urgency of a need: a CRITICAL need met counts four times a LOW one. */
export const PRIORITY_WEIGHT: Record<Priority, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** Quality of a capability for covering a need (partner score). A BASIC helper still helps, but half as much. */
export const LEVEL_WEIGHT: Record<Level, number> = { BASIC: 0.5, PROFICIENT: 0.75, EXPERT: 1 };

/** Ordinal level used by the coalition objective (0 = uncovered). */
export const LEVEL_VALUE: Record<Level, number> = { BASIC: 1, PROFICIENT: 2, EXPERT: 3 };
export const LEVEL_BY_VALUE: readonly (Level | null)[] = [null, 'BASIC', 'PROFICIENT', 'EXPERT'];

/** A capability with the exact skill is worth more than a related one in the same category. */
export const EXACT_SKILL_MATCH = 1;
export const SAME_CATEGORY_MATCH = 0.4;

export const DEFAULT_PARTNER_WEIGHTS: PartnerWeights = {
  needs: 1,
  mutualBonus: 0.5,
  sharedIssues: 0.3,
  proximity: 0.2,
  language: 0.05,
  trust: 0.25,
  saturation: 0.06,
};

export function resolveWeights(partial: Partial<PartnerWeights> | undefined): PartnerWeights {
  return partial ? { ...DEFAULT_PARTNER_WEIGHTS, ...partial } : DEFAULT_PARTNER_WEIGHTS;
}
