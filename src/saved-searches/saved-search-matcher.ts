import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { runTransaction } from '../core/transaction-hooks.js';
import type { EventHub } from '../activity/event-hub.js';
import { matchOffer, matchOrganization } from './saved-search-matching.service.js';
import { OFFER_POSTED_EVENT, ORGANIZATION_CHANGED_EVENT } from './saved-search.rules.js';

// Saved searches are matched from the event log (subscriptions/event-log.ts), not inside the write that made the
// change: profiles and offers only record what happened (ORGANIZATION_CHANGED, OFFER_POSTED), and this matcher
// reads those events in cursor order, matches each, writes the matches (and their SAVED_SEARCH_MATCH events) and
// moves its cursor, all in one transaction. So:
// - a write never waits for matching, and the feature below (profiles, offers) knows nothing of saved searches;
// - nothing is lost: a process that dies mid-run rolls back and the next run (here or in another process) redoes it;
// - nothing is matched twice: one run at a time across processes (a transaction-scoped advisory lock; a process
//   that finds it taken simply tries again later), and the cursor moves with the matches it covers;
// - event ids are assigned in commit order (event-log.ts), so "id > cursor" never skips an event that commits late.
// Latency: a pass starts as soon as this process's event hub dispatches a relevant event (the hub hears every
// process's events through the bus, and reads the log when the bus missed some); a slow poll (MATCHER_POLL_MS)
// retries after a failure and covers events recorded while no process ran.

export const MATCHER_POLL_MS = 30_000;
const BATCH = 200;
const STATE = 'saved-searches';
/** pg_advisory_xact_lock key of the matcher ('coal' 'ssmt'). */
const MATCHER_LOCK = 0x636f616c_73736d74n.toString();

/** One pass: matches up to BATCH pending events. Returns how many events it handled (0 when idle or busy elsewhere). */
export async function runSavedSearchMatcher(db: DataSource): Promise<number> {
  return runTransaction(db, async (tx) => {
    const [{ locked }]: { locked: boolean }[] = await tx.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [MATCHER_LOCK]);
    if (!locked) return 0;
    await tx.query('INSERT INTO saved_search_matcher_state (name, last_event_id) VALUES ($1, 0) ON CONFLICT DO NOTHING', [STATE]);
    const [{ lastEventId }]: { lastEventId: string }[] = await tx.query(
      'SELECT last_event_id::text AS "lastEventId" FROM saved_search_matcher_state WHERE name = $1', [STATE],
    );
    const events: { id: string; kind: string; subjectId: string }[] = await tx.query(
      `SELECT id::text AS id, kind, subject_id AS "subjectId" FROM activity_events
       WHERE kind = ANY($1::varchar[]) AND id > $2::bigint ORDER BY id LIMIT ${BATCH}`,
      [[ORGANIZATION_CHANGED_EVENT, OFFER_POSTED_EVENT], lastEventId],
    );
    for (const event of events) {
      if (event.kind === ORGANIZATION_CHANGED_EVENT) await matchOrganization(tx, event.subjectId);
      else await matchOffer(tx, event.subjectId);
    }
    if (events.length) {
      await tx.query('UPDATE saved_search_matcher_state SET last_event_id = $2::bigint WHERE name = $1', [STATE, events.at(-1)!.id]);
    }
    return events.length;
  });
}

export interface SavedSearchMatcher {
  /** Runs a pass soon (coalesced with one already running). */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * Runs a pass at start, whenever `hub` dispatches an ORGANIZATION_CHANGED or OFFER_POSTED event, and every intervalMs;
 * a pass that handled a full batch is followed at once by another. Failures are logged and retried.
 */
export function startSavedSearchMatcher(db: DataSource, log: Logger, hub: EventHub | null, intervalMs = MATCHER_POLL_MS): SavedSearchMatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = (): void => {
    if (stopped) return;
    if (running) { again = true; return; }
    running = runSavedSearchMatcher(db)
      .then((handled) => { if (handled >= BATCH) again = true; })
      .catch((err: unknown) => { log.warn({ err }, 'saved search matching failed; retrying'); })
      .finally(() => {
        running = null;
        if (again) { again = false; setImmediate(pass); }
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  // Broadcast events (these are) reach every hub subscriber of their kind.
  const unregister = hub?.register({ kinds: [ORGANIZATION_CHANGED_EVENT, OFFER_POSTED_EVENT], organizationIds: new Set(), push: pass });
  pass();
  return {
    poke: pass,
    async stop() {
      stopped = true;
      unregister?.();
      clearInterval(timer);
      await running;
    },
  };
}
