import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config.js';
import { createInProcessBus, createRedisBus, type BusHealth, type EventBus } from '../activity/event-bus.js';
import { EventHub } from '../activity/event-hub.js';
import { setEventPublisher } from '../activity/event-log.js';
import { startEventLogSweep } from '../activity/event-retention.js';
import { startInboxExpiryJob } from '../subscriptions/inbox-expiry.js';
import { createLoaders } from './loader-registry.js';

// Live events for one API process: the bus (in-process, or Redis with REDIS_URL), the hub that feeds this
// process's subscribers, the after-commit publisher that recordEvent uses, and the jobs (log retention, inbox
// expiries). The Redis channel is named after the database, so deployments or test runs sharing one Redis never
// hear each other's events.

export interface LiveEvents {
  hub: EventHub;
  health(): BusHealth;
  stop(): Promise<void>;
}

export async function startLiveEvents(config: Config, db: DataSource, log: Logger): Promise<LiveEvents> {
  let bus: EventBus;
  if (config.redisUrl) {
    const [{ name }]: { name: string }[] = await db.query('SELECT current_database() AS name');
    bus = createRedisBus({ url: config.redisUrl, channel: `coalesce:events:${name}`, log });
  } else {
    bus = createInProcessBus();
  }
  const hub = new EventHub({ db, bus, log, createLoaders });
  await hub.start();
  setEventPublisher(db, (events) => bus.publish(events));
  const sweep = startEventLogSweep(db, log);
  const expiries = startInboxExpiryJob(db, log);
  return {
    hub,
    health: () => bus.health(),
    async stop() {
      setEventPublisher(db, null);
      await sweep.stop();
      await expiries.stop();
      await hub.stop();
      await bus.close();
    },
  };
}
