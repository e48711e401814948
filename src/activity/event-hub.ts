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

/**
 * A cheap first cut for broadcast events, shared by every subscriber of the same audience: `of` names, once per
 * event, the keys it may reach (e.g. the organizations with an open need the offer meets); a subscriber is handed
 * the event only if its `key` is among them. It must be a superset of what the subscriber's projection accepts
 * (the projection still decides, and should read the same `scope.memo` so the work is done once).
 */
export interface Audience {
  /** Subscribers with the same name share one `of` per event. */
  name: string;
  key: string;
  of(event: StoredEvent, scope: EventScope): Promise<ReadonlySet<string>>;
}

export interface HubSubscriber {
  kinds: readonly string[];
  /** Addressed events reach it only when they name one of these organizations. */
  organizationIds: ReadonlySet<string>;
  /** Broadcasts (organizationIds null) reach it only when its audience key is among the event's (all, without one). */
  audience?: Audience;
  push(event: StoredEvent, scope: EventScope): void;
}

/**
 * The live subscribers of one kind, indexed so that an event costs work only for those it can reach: with
 * 10,000 subscribers, an event addressed to one organization touches its few members, and an offer touches the
 * subscribers whose organizations need it, not everyone.
 */
class KindIndex {
  /** Broadcasts reach these: subscribers without an audience. */
  private readonly everyone = new Set<HubSubscriber>();
  private readonly audiences = new Map<string, { of: Audience['of']; byKey: Map<string, Set<HubSubscriber>> }>();
  /** Addressed events reach these, by organization id. */
  private readonly byOrganization = new Map<string, Set<HubSubscriber>>();
  size = 0;

  add(subscriber: HubSubscriber): void {
    this.size++;
    const { audience } = subscriber;
    if (audience) {
      let group = this.audiences.get(audience.name);
      if (!group) this.audiences.set(audience.name, (group = { of: audience.of, byKey: new Map() }));
      addTo(group.byKey, audience.key, subscriber);
    } else {
      this.everyone.add(subscriber);
    }
    for (const id of subscriber.organizationIds) addTo(this.byOrganization, id, subscriber);
  }

  remove(subscriber: HubSubscriber): void {
    this.size--;
    const { audience } = subscriber;
    if (audience) {
      const group = this.audiences.get(audience.name);
      if (group) {
        removeFrom(group.byKey, audience.key, subscriber);
        if (group.byKey.size === 0) this.audiences.delete(audience.name);
      }
    } else {
      this.everyone.delete(subscriber);
    }
    for (const id of subscriber.organizationIds) removeFrom(this.byOrganization, id, subscriber);
  }

  /** Who the event can reach (an addressed one: members of the organizations it names). */
  async reached(event: StoredEvent, scope: EventScope): Promise<Iterable<HubSubscriber>> {
    if (event.organizationIds) {
      const reached = new Set<HubSubscriber>();
      for (const id of event.organizationIds) for (const s of this.byOrganization.get(id) ?? []) reached.add(s);
      return reached;
    }
    const reached: HubSubscriber[] = [...this.everyone];
    for (const { of, byKey } of this.audiences.values()) {
      const keys = await of(event, scope);
      if (keys.size < byKey.size) {
        for (const key of keys) for (const s of byKey.get(key) ?? []) reached.push(s);
      } else {
        for (const [key, subscribers] of byKey) if (keys.has(key)) reached.push(...subscribers);
      }
    }
    return reached;
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
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
  private readonly byKind = new Map<string, KindIndex>();
  private subscribers = 0;
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

  /** Adds a live subscriber; returns its removal (once). */
  register(subscriber: HubSubscriber): () => void {
    this.subscribers++;
    for (const kind of subscriber.kinds) {
      let index = this.byKind.get(kind);
      if (!index) this.byKind.set(kind, (index = new KindIndex()));
      index.add(subscriber);
    }
    let registered = true;
    return () => {
      if (!registered) return;
      registered = false;
      this.subscribers--;
      for (const kind of subscriber.kinds) {
        const index = this.byKind.get(kind);
        index?.remove(subscriber);
        if (index?.size === 0) this.byKind.delete(kind);
      }
    };
  }

  /** Live subscribers, for metrics and tests. */
  get subscriberCount(): number {
    return this.subscribers;
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
        await this.dispatch(event);
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
      for (const event of rows) await this.dispatch(event);
      if (rows.length < 500) return;
    }
  }

  /**
   * Hands the event to the subscribers it can reach. The cursor moves only once they are known: if an audience
   * read fails, the step fails and the next catch-up dispatches the event again (none is skipped).
   */
  private async dispatch(event: StoredEvent): Promise<void> {
    const index = this.byKind.get(event.kind);
    if (!index) {
      this.lastCursor = BigInt(event.cursor);
      return;
    }
    const scope = this.newScope();
    const reached = await index.reached(event, scope);
    this.lastCursor = BigInt(event.cursor);
    for (const subscriber of reached) subscriber.push(event, scope);
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
