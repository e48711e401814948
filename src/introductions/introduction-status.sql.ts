// What "pending" means for an introduction, in one place (alias given). A request waits for its answer until it
// expires; past its expiry it reads as EXPIRED, so no job has to flip it (a stored PENDING row may be stale).

/** Still waiting for an answer. */
export const pendingSql = (alias: string): string => `(${alias}.status = 'PENDING' AND ${alias}.expires_at > now())`;

/** Stored as PENDING but past its expiry: it reads as EXPIRED. */
export const lapsedSql = (alias: string): string => `(${alias}.status = 'PENDING' AND ${alias}.expires_at <= now())`;

/** The status as read, alias `i`. */
export const EFFECTIVE_STATUS_SQL = `(CASE WHEN ${lapsedSql('i')} THEN 'EXPIRED' ELSE i.status END)`;
