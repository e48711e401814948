import { lapsedOfferSql } from './offer-status.sql.js';

// What an offer request's status and "done" mean, in one place. Aliases: `r` offer_requests, `f` its offer row
// (the offers table itself, not a projection). Only the answers are stored; the rest follows from the offer, so
// a read is right even when no process ran at the deadline:
//   - a PENDING request of a closed offer reads CANCELLED, unless it had expired before the close;
//   - a PENDING request of an offer whose request deadline (or end) has passed reads EXPIRED (and stays EXPIRED
//     when the offer is closed later: its requester was told EXPIRED, subscriptions/inbox-expiry.ts);
//   - an ACCEPTED request is done (may be rated, counts as an exchange) once a side marked it done or the
//     offer's window has ended.

/** Still waiting for an answer. */
export const pendingRequestSql = (r = 'r', f = 'f'): string =>
  `(${r}.status = 'PENDING' AND ${f}.status <> 'CLOSED' AND NOT coalesce(${lapsedOfferSql(f)}, false))`;

/** The status as read. */
export const requestStatusSql = (r = 'r', f = 'f'): string =>
  `(CASE WHEN ${r}.status = 'PENDING' AND ${f}.status = 'CLOSED'
      AND NOT coalesce(least(${f}.request_deadline, ${f}.ends_at) <= ${f}.closed_at, false) THEN 'CANCELLED'
    WHEN ${r}.status = 'PENDING' AND coalesce(${lapsedOfferSql(f)}, false) THEN 'EXPIRED' ELSE ${r}.status END)`;

/** An accepted exchange that has happened: marked done by a side, or the offer's window has ended. */
export const completedExchangeSql = (r = 'r', f = 'f'): string =>
  `(${r}.status = 'ACCEPTED' AND (${r}.completed_at IS NOT NULL OR coalesce(${f}.ends_at <= now(), false)))`;

/**
 * SQL on an offers alias: one of the organizations in `orgsParam` (a uuid[] placeholder) holds an ACCEPTED request
 * for this offer. Such an organization sees the offering organization by name whatever the offer's audience.
 */
export const acceptedRequesterSql = (offerAlias: string, orgsParam: string): string =>
  `EXISTS (SELECT 1 FROM offer_requests ar WHERE ar.offer_id = ${offerAlias}.id AND ar.status = 'ACCEPTED'
    AND ar.requesting_organization_id = ANY(${orgsParam}::uuid[]))`;
