import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { effectiveOfferStatusSql } from './offer-status.sql.js';
import { startPeriodicJob, type PeriodicJob } from '../core/periodic-job.js';

// Reads never need this: they derive FULL and EXPIRED from seats and times (offer-status.sql.ts). The sweep
// stores the same derivation, so that the table itself says what a reader would (for the partial indexes, for
// queries that read offers.status directly, and for the live push of the next issue, which hangs off changes).
// It runs in bounded batches and skips rows another transaction holds (an accept in progress): those are caught
// on the next pass. CLOSED rows are never touched: closing is the organization's decision.

export const OFFER_SWEEP_INTERVAL_MS = 60_000;
const BATCH = 1000;

/** Stores the derived status of every offer whose stored one is stale; returns how many changed. */
export async function sweepOfferStatuses(db: DataSource): Promise<number> {
  let changed = 0;
  for (;;) {
    const rows: unknown[] = await db.query(
      `WITH due AS (
         SELECT f.id FROM offers f
         WHERE f.status <> 'CLOSED' AND f.status IS DISTINCT FROM ${effectiveOfferStatusSql('f')}
         ORDER BY f.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE offers f SET status = ${effectiveOfferStatusSql('f')} FROM due WHERE f.id = due.id RETURNING f.id`,
    );
    changed += rows.length;
    if (rows.length < BATCH) return changed;
  }
}

/** Stores the derived statuses every intervalMs (core/periodic-job.ts). */
export function startOfferSweep(db: DataSource, log: Logger, intervalMs = OFFER_SWEEP_INTERVAL_MS): PeriodicJob {
  return startPeriodicJob({ intervalMs, log, pass: () => sweepOfferStatuses(db), done: 'offer statuses swept', countAs: 'changed', name: 'offer status sweep' });
}
