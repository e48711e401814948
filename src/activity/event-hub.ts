import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Loaders } from '../core/request-context.js';
import type { EventBus } from './event-bus.js';
import { readEventsAfter } from './event-store.js';
import type { StoredEvent } from './event-log.js';

// One per API process: hears committed events from the bus, puts them in cursor order, and hands each to the
// live subscribers of its kind (src/activity/event-stream.ts), once.
//
// Order and completeness come from the log, not from the bus: the hub keeps the last cursor it dispatched, and
//   - an event that is the next one is dispatched as it came;
//   - an event further ahead (another process's event overtook one, or Redis dropped some) makes it read the rows
//     in between from the table first (ids are visible in commit order, see event-log.ts, so they are all there);
//   - when the bus says it is back after an outage, and every `pollIntervalMs` in any case, it reads whatever
//     follows its cursor (events recorded outside runMutation, or published while Redis was away).
// So each process dispatches every event exactly once, in cursor order, whatever the bus did.

export interface EventScope {
  /** The event's loaders, shared by every subscriber it reaches (DataLoaders answer without judging; projections judge). */
  readonly loaders: Loaders;
  /**
   * One computation per key, shared by the subscribers the event reaches (e.g. one SQL per viewer group). A replay
   * page shares one scope for several events: keys name the event subject they concern.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface HubSubscriber {
  kinds: readonly string[];
  /** Addressed events reach it only when they name one of these organizations; broadcasts (null) always do. */
  organizationIds: ReadonlySet<string>;
  push(event: StoredEvent, scope: EventScope): void;
}

export interface EventHubOptions {
  db: DataSource;
  bus: EventBus;
  log: Logger;
  createLoaders: (db: DataSource) => Loaders;
  /** Catch-up poll of the log; the safety net under the bus. */
  pollIntervalMs?: number;
}

export class EventHub {
  private lastCursor = 0n;
  private readonly byKind = new Map<string, Set<HubSubscriber>>();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly options: EventHubOptions) {}

  get db(): DataSource {
    return this.options.db;
  }

  /** Starts after the newest event already stored: live subscribers get what commits from now on (replays read the rest). */
  async start(): Promise<void> {
    const [row]: { max: string | null }[] = await this.options.db.query('SELECT max(id)::text AS max FROM activity_events');
    this.lastCursor = BigInt(row.max ?? 0);
    this.unsubscribe = this.options.bus.subscribe((events) => this.enqueue(() => this.receive(events)));
    this.options.bus.onReconnect(() => this.enqueue(() => this.catchUp()));
    const interval = this.options.pollIntervalMs ?? 2000;
    this.timer = setInterval(() => this.enqueue(() => this.catchUp()), interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.chain;
  }

  /** The cursor of the last event dispatched. */
  get cursor(): string {
    return this.lastCursor.toString();
  }

  /** Adds a live subscriber; returns its removal. */
  register(subscriber: HubSubscriber): () => void {
    for (const kind of subscriber.kinds) {
      let set = this.byKind.get(kind);
      if (!set) this.byKind.set(kind, (set = new Set()));
      set.add(subscriber);
    }
    return () => {
      for (const kind of subscriber.kinds) {
        const set = this.byKind.get(kind);
        set?.delete(subscriber);
        if (set?.size === 0) this.byKind.delete(kind);
      }
    };
  }

  /** Live subscribers, for metrics and tests. */
  get subscriberCount(): number {
    const all = new Set<HubSubscriber>();
    for (const set of this.byKind.values()) for (const s of set) all.add(s);
    return all.size;
  }

  /** A fresh scope: its own loaders and memo. Replays make one per batch. */
  newScope(): EventScope {
    return createScope(this.options.createLoaders(this.options.db));
  }

  /** One step at a time, so dispatch order is cursor order. */
  private enqueue(step: () => Promise<void>): void {
    if (this.stopped) return;
    this.chain = this.chain.then(step).catch((err: unknown) => {
      this.options.log.warn({ err }, 'subscriptions: dispatch step failed; the next catch-up retries from the last cursor');
    });
  }

  private async receive(events: StoredEvent[]): Promise<void> {
    for (const event of [...events].sort((a, b) => (BigInt(a.cursor) < BigInt(b.cursor) ? -1 : 1))) {
      const cursor = BigInt(event.cursor);
      if (cursor <= this.lastCursor) continue; // already dispatched (from the log, or a second copy)
      if (cursor === this.lastCursor + 1n) {
        this.dispatch(event);
        continue;
      }
      // A gap: read what lies between from the log (it is all committed), this event included.
      await this.catchUp(cursor);
    }
  }

  /** Dispatches every stored event after the cursor (up to `through`, when given). */
  private async catchUp(through?: bigint): Promise<void> {
    for (;;) {
      const rows = await readEventsAfter(this.options.db, this.lastCursor.toString(), { through: through?.toString(), limit: 500 });
      for (const event of rows) this.dispatch(event);
      if (rows.length < 500) return;
    }
  }

  private dispatch(event: StoredEvent): void {
    this.lastCursor = BigInt(event.cursor);
    const subscribers = this.byKind.get(event.kind);
    if (!subscribers?.size) return;
    const scope = this.newScope();
    const addressed = event.organizationIds;
    for (const subscriber of subscribers) {
      if (addressed && !addressed.some((id) => subscriber.organizationIds.has(id))) continue;
      subscriber.push(event, scope);
    }
  }
}

export function createScope(loaders: Loaders): EventScope {
  const memos = new Map<string, Promise<unknown>>();
  return {
    loaders,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = memos.get(key) as Promise<T> | undefined;
      if (!value) memos.set(key, (value = compute()));
      return value;
    },
  };
}
