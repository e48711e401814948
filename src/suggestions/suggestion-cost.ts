import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../core/connection.js';

// What the suggestion fields cost in the query-cost budget (api/limits.ts charges it): set as each field's
// `complexity` in suggestion.resolver.ts. The price lives with the feature whose work it measures.

// The matching engine's work, priced by what the inputs make it do. Points follow engine milliseconds
// (ENGINE_COST_PER_MS), and no search costs more than a full work budget: the engine stops there (ENGINE_BUDGET_MS,
// engine-pool.ts). So a full-budget coalition search costs 3,750 and one request may hold two of
// them (7,500 of the 10,000), never three; aliases are priced one by one, so 15 aliases of it cost ~60,000.

/** Cost points per millisecond of engine CPU. */
export const ENGINE_COST_PER_MS = 2.5;
/** Engine time a search can use at most: the default work budget (ENGINE_BUDGET_MS). */
export const ENGINE_BUDGET_COST_MS = 1500;
/**
 * Measured on this machine kind (random instances of 200 candidates, which the engine prunes to 8 per category
 * + 18; each alternative is one more search): the search takes about alternatives x
 * 0.4 ms x categories^2 x min(maxSize, 12) (the pool grows with the categories, and coalitions stop growing
 * once every category is covered, so sizes past 12 add little). 13 categories, maxSize 30, 5 alternatives:
 * ~4 s unbounded; the default 6 categories, maxSize 6, 3 alternatives: ~250 ms.
 */
const COALITION_MS_PER_UNIT = 0.4;
/** The default categories number 5-7 (src/matching/coalitions/default-categories.ts). */
const DEFAULT_CATEGORY_COUNT = 7;
/** Partner suggestions rank a few hundred candidates whatever the page size: ~20 ms. */
const PARTNER_ENGINE_MS = 20;

const clampInt = (value: unknown, fallback: number, min: number, max: number): number =>
  (typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback);

const engineCost = (ms: number): number => Math.ceil(Math.min(ms, ENGINE_BUDGET_COST_MS) * ENGINE_COST_PER_MS);

/** Expected engine milliseconds of one coalitionSuggestions input (before the budget caps it). */
export function coalitionEngineMs(input: Record<string, unknown> | undefined): number {
  const categoryIds = Array.isArray(input?.categoryIds) ? new Set(input.categoryIds).size : 0;
  const categories = categoryIds > 0 ? Math.min(categoryIds, 30) : DEFAULT_CATEGORY_COUNT;
  const maxSize = clampInt(input?.maxSize, 6, 1, 30);
  const alternatives = clampInt(input?.alternatives, 3, 1, 5);
  return COALITION_MS_PER_UNIT * alternatives * categories * categories * Math.min(maxSize, 12);
}

/** coalitionSuggestions: the search's work, plus each alternative's selection. Set as the field's `complexity`. */
export const coalitionSuggestionsComplexity: ComplexityEstimator = ({ args, childComplexity }) => {
  const input = args.input as Record<string, unknown> | undefined;
  const alternatives = clampInt(input?.alternatives, 3, 1, 5);
  return 1 + engineCost(coalitionEngineMs(input)) + alternatives * Math.max(1, childComplexity);
};

/** partnerSuggestions: the ranking, plus `first` x each suggestion's selection. Set as the field's `complexity`. */
export const partnerSuggestionsComplexity: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + engineCost(PARTNER_ENGINE_MS) + first * Math.max(1, childComplexity);
};
