// Public surface of the matching engine: plain data in, ranked results with reasons out.
// partners/ scores and explains one organization against others; coalitions/ builds teams that cover an
// issue's categories. reference/ (the exact solver, random instances) is for tests and benchmarks only.
export type * from './types.js';
export { countPartners, scorePair, suggestPartners } from './partners/suggest-partners.js';
export { suggestCoalitions, suggestCoalitionsWithin, findGapFillers, type CoalitionBudget, type CoalitionOutcome } from './coalitions/coalition-build.js';
export { coalitionObjective, OBJECTIVE_WEIGHTS } from './coalitions/coalition-objective.js';
export { defaultCategoriesForIssue } from './coalitions/default-categories.js';
export { DEFAULT_PARTNER_WEIGHTS } from './weights.js';
