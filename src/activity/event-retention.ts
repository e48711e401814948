import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../core/errors.js';
import { EVENT_RETENTION_DAYS } from './event-store.js';
import { startPeriodicJob, type PeriodicJob } from '../core/periodic-job.js';

// Retention of the event log: rows older than EVENT_RETENTION_DAYS are deleted in bounded batches, and the highest
// id deleted is remembered (activity_event_horizon), so a subscriber resuming from a cursor below it is told that
// its gap can no longer be filled (CURSOR_EXPIRED) instead of getting a silent gap. Any process may sweep; the
// statements are idempotent and concurrent sweeps only share the work.

export const EVENT_SWEEP_INTERVAL_MS = 10 * 60_000;
const BATCH = 5000;

/** Deletes events past the retention; returns how many. */
export async function sweepEventLog(db: DataSource, retentionDays = EVENT_RETENTION_DAYS): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [row]: { count: string }[] = await db.query(
      `WITH gone AS (
         DELETE FROM activity_events WHERE id IN (
           SELECT id FROM activity_events WHERE created_at < now() - make_interval(days => $1) ORDER BY id LIMIT ${BATCH})
         RETURNING id),
       horizon AS (
         UPDATE activity_event_horizon SET swept_through = greatest(swept_through, (SELECT max(id) FROM gone))
         WHERE id = 1 AND EXISTS (SELECT 1 FROM gone))
       SELECT count(*)::text AS count FROM gone`,
      [retentionDays],
    );
    const count = Number(row.count);
    deleted += count;
    if (count < BATCH) return deleted;
  }
}

/** BAD_USER_INPUT on `after` (reason CURSOR_EXPIRED) when events after this cursor have been swept. */
export async function assertCursorRetained(db: DataSource | EntityManager, after: bigint): Promise<void> {
  const [row]: { sweptThrough: string }[] = await db.query('SELECT swept_through::text AS "sweptThrough" FROM activity_event_horizon WHERE id = 1');
  if (row && after < BigInt(row.sweptThrough)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT,
      `This cursor is older than the ${EVENT_RETENTION_DAYS}-day retention: refetch with queries, then subscribe without after`,
      'after', { reason: 'CURSOR_EXPIRED' });
  }
}

export function startEventLogSweep(db: DataSource, log: Logger, intervalMs = EVENT_SWEEP_INTERVAL_MS): PeriodicJob {
  return startPeriodicJob({ intervalMs, log, pass: () => sweepEventLog(db), done: 'event log swept', countAs: 'deleted', name: 'event log sweep' });
}
