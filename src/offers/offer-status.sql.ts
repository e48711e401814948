// What an offer's status is, in one place (alias given). Only CLOSED is a decision stored for its own sake; the
// rest follows from the times and the seats, so a read is right even when no process ran at the deadline. The
// sweep (offer-sweep.ts) stores the same derivation so that the table itself, its partial indexes and whatever
// hangs off it (the live push of the next issue) see it too.

/** Requests are no longer taken: the deadline or the end of the window has passed. */
export const lapsedOfferSql = (alias: string): string =>
  `(${alias}.request_deadline <= now() OR ${alias}.ends_at <= now())`;

/** Every seat is taken (never for unlimited offers). */
export const fullOfferSql = (alias: string): string => `(${alias}.seats IS NOT NULL AND ${alias}.seats_taken >= ${alias}.seats)`;

/** The status as read: CLOSED, else EXPIRED, else FULL, else OPEN. */
export function effectiveOfferStatusSql(alias = 'f'): string {
  return `(CASE WHEN ${alias}.status = 'CLOSED' THEN 'CLOSED' WHEN ${lapsedOfferSql(alias)} THEN 'EXPIRED'
    WHEN ${fullOfferSql(alias)} THEN 'FULL' ELSE 'OPEN' END)`;
}

/** Open for requests right now. */
export const openOfferSql = (alias = 'f'): string =>
  `(${alias}.status <> 'CLOSED' AND NOT coalesce(${lapsedOfferSql(alias)}, false) AND NOT ${fullOfferSql(alias)})`;
