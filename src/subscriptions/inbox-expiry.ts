import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { lapsedSql } from '../introductions/introduction-status.sql.js';
import { requestStatusSql } from '../offers/offer-request-status.sql.js';
import { recordNoticedEvents, type StoredEvent } from '../activity/event-log.js';
import { EVENT_RETENTION_DAYS } from '../activity/event-store.js';
import { inboxEvent } from '../activity/inbox-events.js';
import { startPeriodicJob, type PeriodicJob } from '../core/periodic-job.js';

// Expiry is not a write: an introduction or offer request reads EXPIRED once its time has passed (their status SQL).
// So nobody's transaction records it; this job notices it, every minute in every process, and records one INBOX
// EXPIRED event per request (the dedupe key makes a second process's notice a no-op). Requests that lapsed longer
// ago than the event retention are left alone.

export const INBOX_EXPIRY_INTERVAL_MS = 60_000;
const BATCH = 500;

const dedupeKey = (id: string) => `INBOX:EXPIRED:${id}`;

/** Records the expiries not yet recorded; returns the events recorded. */
export async function recordInboxExpiries(db: DataSource): Promise<StoredEvent[]> {
  const window = `now() - make_interval(days => ${EVENT_RETENTION_DAYS})`;
  const introductions: { id: string; fromId: string; toId: string; delivered: boolean }[] = await db.query(
    `SELECT i.id, i.from_organization_id AS "fromId", i.to_organization_id AS "toId", i.delivered FROM introductions i
     WHERE (${lapsedSql('i')} OR i.status = 'EXPIRED') AND i.expires_at > ${window}
       AND NOT EXISTS (SELECT 1 FROM activity_events e WHERE e.dedupe_key = 'INBOX:EXPIRED:' || i.id::text)
     ORDER BY i.expires_at LIMIT ${BATCH}`,
  );
  const requests: { id: string; requesterId: string; offererId: string }[] = await db.query(
    `SELECT r.id, r.requesting_organization_id AS "requesterId", f.organization_id AS "offererId"
     FROM offer_requests r JOIN offers f ON f.id = r.offer_id
     WHERE r.status = 'PENDING' AND ${requestStatusSql('r', 'f')} = 'EXPIRED'
       AND least(f.request_deadline, f.ends_at) > ${window}
       AND NOT EXISTS (SELECT 1 FROM activity_events e WHERE e.dedupe_key = 'INBOX:EXPIRED:' || r.id::text)
     LIMIT ${BATCH}`,
  );
  const noticed = [
    ...introductions.map((i) => ({
      event: inboxEvent('INTRODUCTION', 'EXPIRED', { id: i.id, requesterId: i.fromId, receiverId: i.toId, delivered: i.delivered }),
      dedupeKey: dedupeKey(i.id),
    })),
    ...requests.map((r) => ({
      event: inboxEvent('OFFER_REQUEST', 'EXPIRED', { id: r.id, requesterId: r.requesterId, receiverId: r.offererId }),
      dedupeKey: dedupeKey(r.id),
    })),
  ];
  return recordNoticedEvents(db, noticed);
}

export function startInboxExpiryJob(db: DataSource, log: Logger, intervalMs = INBOX_EXPIRY_INTERVAL_MS): PeriodicJob {
  return startPeriodicJob({
    intervalMs, log, pass: async () => (await recordInboxExpiries(db)).length, done: 'inbox expiries recorded', countAs: 'expired', name: 'inbox expiry job',
  });
}
