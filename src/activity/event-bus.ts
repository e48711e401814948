import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { StoredEvent } from './event-log.js';

// The bus that carries committed events to every API process's hub (src/activity/event-hub.ts). Without
// REDIS_URL it is in-process (one EventTarget); with it, Redis pub/sub through @graphql-yoga/redis-event-target
// (one ioredis client publishes, one subscribes), so a subscriber connected to one process hears of an offer
// posted through another.
//
// The bus is a fast path, not the record: Redis pub/sub drops what is published while it is away, and publishing
// is fire-and-forget. The event log is the record: a hub that sees a gap in cursors, or hears that the bus is back,
// or polls (event-hub.ts), reads what it missed from the table. So an outage of Redis delays events; it loses none.

export interface BusHealth {
  kind: 'in-process' | 'redis';
  /** False while Redis is unreachable (queries and mutations go on; live events wait for the catch-up). */
  up: boolean;
}

export interface EventBus {
  /** Fire-and-forget: after commit, the events of one transaction. */
  publish(events: StoredEvent[]): void;
  /** Every published batch, from any process (this one included). Returns the unsubscribe. */
  subscribe(listener: (events: StoredEvent[]) => void): () => void;
  /** Called when the bus is back after an outage: what was published meanwhile must be read from the log. */
  onReconnect(listener: () => void): void;
  health(): BusHealth;
  close(): Promise<void>;
}

type Listener = (events: StoredEvent[]) => void;

/** One process: an EventTarget, synchronous dispatch. */
export function createInProcessBus(): EventBus {
  const target = new EventTarget();
  const topic = 'activity';
  return {
    publish(events) {
      target.dispatchEvent(new CustomEvent(topic, { detail: events }));
    },
    subscribe(listener: Listener) {
      const handler = (event: Event) => listener((event as CustomEvent<StoredEvent[]>).detail);
      target.addEventListener(topic, handler);
      return () => target.removeEventListener(topic, handler);
    },
    onReconnect() {
      // Never disconnected.
    },
    health: () => ({ kind: 'in-process', up: true }),
    async close() {
      // Nothing to release.
    },
  };
}

export interface RedisBusOptions {
  url: string;
  /** Redis channel; one per database, so deployments or test runs sharing a Redis never hear each other. */
  channel: string;
  log: Logger;
}

function redisClient(url: string): Redis {
  return new Redis(url, {
    // Publishing while Redis is away fails at once instead of queueing (the log is the record, see above).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
}

/** Several processes: Redis pub/sub on one channel. */
export function createRedisBus(options: RedisBusOptions): EventBus {
  const { url, channel, log } = options;
  const publishClient = redisClient(url);
  // The subscriber queues its SUBSCRIBE until connected, and ioredis re-subscribes after every reconnection.
  const subscribeClient = new Redis(url, { connectTimeout: 2000, retryStrategy: (attempt) => Math.min(attempt * 200, 2000) });
  const target = createRedisEventTarget<CustomEvent<StoredEvent[]>>({ publishClient, subscribeClient });
  const reconnectListeners: (() => void)[] = [];
  let down = false;
  let everReady = false;
  const onError = (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error }, 'subscriptions: Redis unavailable; live events wait and are caught up from the event log when it is back');
  };
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  subscribeClient.on('ready', () => {
    const wasDown = down || everReady;
    everReady = true;
    if (down) log.info('subscriptions: Redis is back; catching up from the event log');
    down = false;
    if (wasDown) for (const listener of reconnectListeners) listener();
  });
  const up = () => publishClient.status === 'ready' && subscribeClient.status === 'ready';
  return {
    publish(events) {
      if (publishClient.status !== 'ready') return; // the catch-up delivers them (event-hub.ts)
      // Published here rather than through target.dispatchEvent, which drops the command's promise: a failure
      // would be an unhandled rejection. Same channel and JSON as the event target reads.
      publishClient.publish(channel, JSON.stringify(events)).catch((error: unknown) => {
        log.warn({ err: error }, 'subscriptions: publish to Redis failed; the catch-up delivers the events');
      });
    },
    subscribe(listener: Listener) {
      const handler = (event: CustomEvent<StoredEvent[]>) => listener(event.detail);
      target.addEventListener(channel, handler);
      return () => target.removeEventListener(channel, handler);
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    health: () => ({ kind: 'redis', up: up() }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
