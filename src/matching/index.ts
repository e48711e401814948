// Public surface of the matching engine: plain data in, ranked results with reasons out.
export type * from './types.js';
export { countPartners, scorePair, suggestPartners } from './suggest-partners.js';
export { suggestCoalitions, suggestCoalitionsWithin, findGapFillers, type CoalitionBudget, type CoalitionOutcome } from './coalition-build.js';
export { coalitionObjective, OBJECTIVE_WEIGHTS } from './coalition-objective.js';
export { exactBestCoalition, type ExactResult } from './coalition-exact.js';
export { defaultCategoriesForIssue } from './default-categories.js';
export { DEFAULT_PARTNER_WEIGHTS } from './weights.js';
