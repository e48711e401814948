// The search terms of organization_match_keys.match_terms, as the PartnerMatchTerms migration's match_terms_of()
// writes them (the two must agree): small integers in three ranges, so one GIN index answers "offers one of
// these skills at PROFICIENT or better AND works on one of these issue areas" by intersecting posting lists,
// before any row is read.

const NEEDS = 1 << 20;
const ISSUES = 1 << 21;

/** Offers the skill of this ordinal at any level. */
export const offersTerm = (ordinal: number) => ordinal * 8;

/** Offers it at PROFICIENT (level rank 2) or EXPERT (3). */
export const offersWellTerms = (ordinal: number) => [ordinal * 8 + 2, ordinal * 8 + 3];

/** Has an open need of the skill of this ordinal. */
export const needsTerm = (ordinal: number) => NEEDS + ordinal * 8;

/** Its open needs of that skill weigh at least half of all its open needs (covering it covers half of theirs). */
export const needsMostlyTerm = (ordinal: number) => NEEDS + ordinal * 8 + 1;

/** Works on this issue area: the first 20 bits of its uuid (a clash only brings one more candidate to rank). */
export const issueTerm = (issueAreaId: string) => ISSUES + parseInt(issueAreaId.slice(0, 5), 16);
