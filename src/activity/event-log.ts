import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit, beforeCommit, hasCommitHooks } from '../core/transaction-hooks.js';

// The append-only event log (table activity_events, src/activity/activity-event.entity.ts): what live
// subscriptions deliver and what a reconnecting subscriber replays from its cursor.
//
//   recordEvent(tx, { kind: 'OFFER_POSTED', subjectId: offer.id, organizationIds: null, data: { change: 'POSTED' } });
//
// - Same transaction as the change: the row is written inside the caller's transaction (just before its COMMIT,
//   see below), so a rolled-back change records nothing.
// - Published only after commit: once the transaction has committed, the stored events go to the process's event
//   publisher (the bus: in-process, or Redis across processes; src/activity/event-bus.ts), never before.
// - Cursors in commit order: PostgreSQL sequence values can become visible out of commit order (a transaction
//   that took id 7 may commit after the one that took 8), and a reader resuming "after 8" would then miss 7. So
//   ids are taken under one transaction-scoped advisory lock, as the transaction's last statement: the lock is
//   held from the INSERT to the COMMIT (a millisecond or two), so ids become visible in order. Every event-writing
//   transaction serializes on that short tail; nothing else waits on it.
// - A transaction not opened by runMutation/runTransaction (no commit hooks) writes its events at once, under the
//   same lock; they reach live subscribers through the hub's catch-up poll instead of the bus.

export type ActivityKind = string; // e.g. 'OFFER_POSTED', 'INBOX', 'URGENT_NEED', 'SAVED_SEARCH_MATCH'

export interface ActivityEvent {
  kind: ActivityKind;
  /** What it is about (an offer id, an introduction id, a need id ...). */
  subjectId: string;
  /** Organizations it is addressed to, when it is addressed (inbox, saved-search owner); null = broadcast, filtered per subscriber. */
  organizationIds: string[] | null;
  /** Small JSON facts the subscription needs to build its payload (never shown as is: resolvers re-read and project). */
  data: Record<string, unknown>;
}

/** An event as stored: with its cursor (the row id, as a string) and when it was recorded. */
export interface StoredEvent extends ActivityEvent {
  cursor: string;
  /** ISO timestamp. */
  occurredAt: string;
}

/** Receives committed events, in cursor order per transaction (the bus). */
export type EventPublisher = (events: StoredEvent[]) => void | Promise<void>;

/** pg_advisory_xact_lock key that orders event ids by commit ('coal' 'evnt'). */
const EVENT_LOG_LOCK = 0x636f616c_65766e74n.toString();

const publishers = new WeakMap<DataSource, EventPublisher>();

/** The roof (api/app.ts) tells where the committed events of a data source go. */
export function setEventPublisher(db: DataSource, publisher: EventPublisher | null): void {
  if (publisher) publishers.set(db, publisher);
  else publishers.delete(db);
}

const pending = new WeakMap<EntityManager, ActivityEvent[]>();

interface InsertedRow {
  id: string;
  createdAt: Date;
}

/**
 * Appends events under the ordering lock, one statement each (a transaction records one or two), so each id is
 * taken in order. With a dedupe key, an event already recorded under it is skipped.
 */
async function insertEvents(tx: EntityManager, events: ActivityEvent[], dedupeKeys?: string[]): Promise<StoredEvent[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [EVENT_LOG_LOCK]);
  const stored: StoredEvent[] = [];
  for (const [i, event] of events.entries()) {
    const [row]: InsertedRow[] = await tx.query(
      `INSERT INTO activity_events (kind, subject_id, organization_ids, data, dedupe_key) VALUES ($1, $2, $3::uuid[], $4::jsonb, $5)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, created_at AS "createdAt"`,
      [event.kind, event.subjectId, event.organizationIds, JSON.stringify(event.data ?? {}), dedupeKeys?.[i] ?? null],
    );
    if (row) stored.push({ ...event, data: event.data ?? {}, cursor: String(row.id), occurredAt: new Date(row.createdAt).toISOString() });
  }
  return stored;
}

/** Appends the event in the caller's transaction; it is published to the bus only after that transaction commits. */
export async function recordEvent(tx: EntityManager, event: ActivityEvent): Promise<void> {
  if (!hasCommitHooks(tx)) {
    await insertEvents(tx, [event]);
    return;
  }
  let batch = pending.get(tx);
  if (batch) {
    batch.push(event);
    return;
  }
  batch = [event];
  pending.set(tx, batch);
  const events = batch;
  let stored: StoredEvent[] = [];
  // Written last (after all of the caller's work), so the ordering lock is held only from here to COMMIT.
  beforeCommit(tx, async () => {
    pending.delete(tx);
    stored = await insertEvents(tx, events);
  });
  afterCommit(tx, async () => {
    const publish = publishers.get(tx.connection);
    if (publish && stored.length) await publish(stored);
  });
}

/**
 * For jobs (sweeps) that notice things: records each event whose dedupe key is new, in its own transaction, and
 * publishes what it recorded after commit. Returns the events recorded.
 */
export async function recordNoticedEvents(db: DataSource, events: { event: ActivityEvent; dedupeKey: string }[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const stored = await db.transaction((tx) => insertEvents(tx, events.map((e) => e.event), events.map((e) => e.dedupeKey)));
  const publish = publishers.get(db);
  if (publish && stored.length) await publish(stored);
  return stored;
}

/** Orders cursors (decimal strings of bigints) without losing precision. */
export function compareCursors(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
