// The numbers of saved searches, in one place (README: Saved searches).

/** Saved searches per organization: a workspace's worth, bounded so matching a new subject stays cheap. */
export const MAX_SAVED_SEARCHES_PER_ORGANIZATION = 20;

/** Saved searches checked against one new organization or offer per SQL statement. */
export const MATCH_BATCH = 100;

/** The event kinds that can make a new match (recorded by profiles/ and offers/ through subscriptions/event-log.ts). */
export const ORGANIZATION_CHANGED_EVENT = 'ORGANIZATION_CHANGED';
export const OFFER_POSTED_EVENT = 'OFFER_POSTED';

/** The event each new match records, addressed to the saved search's organization. */
export const SAVED_SEARCH_MATCH_EVENT = 'SAVED_SEARCH_MATCH';
