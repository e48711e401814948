import { Client } from 'pg';
import type { Logger } from 'pino';

// Tells this process when committed data changed, so that what it keeps of the data (the public response cache,
// src/api/public-response-cache.ts) is dropped in time. Tables notify on the channel below from a trigger
// (migrations/1796500150000-DataChangeNotifications.ts) and PostgreSQL delivers a notification after its
// transaction commits, to every listening process: a write through another API process, a periodic sweep or a
// psql session is heard as well as one through this process.
//
// The listener holds one connection of its own (a LISTEN lives on its session). While it is not listening (not yet
// connected, connection lost, reconnecting) `version()` is null and whoever keeps data must not use it: a change
// made in that time would go unheard. Every (re)connection starts a new version, so nothing kept before a gap
// survives it.

export const DATA_CHANGE_CHANNEL = 'coalesce_data_changed';

/**
 * Tables whose writes do not notify: bookkeeping no anonymous answer reads. Everything else notifies; the test
 * tests/db/data-change-triggers.test.ts holds every table of the schema to one or the other.
 */
export const DATA_CHANGE_EXEMPT: Record<string, string> = {
  typeorm_migrations: 'migration bookkeeping',
  access_tokens: 'sign-in sessions: read only to authenticate a token',
  email_verification_codes: 'sign-up codes, never shown',
  outbox_messages: 'mail queue, never shown',
  server_keys: 'key material, never shown',
  activity_events: 'the subscription event log, read only by signed-in subscribers',
  activity_event_horizon: 'retention bookkeeping of the event log',
  saved_searches: "a signed-in user's own saved searches",
  saved_search_matches: "a signed-in user's saved-search results",
  saved_search_match_seen: "a signed-in user's read marks",
  saved_search_matcher_state: 'the matcher job position, written every pass',
  urgent_alert_recipients: 'alert deliveries to signed-in members',
};

export interface DataChanges {
  /** Changes with every committed write; null while not listening (then nothing kept may be used). */
  version(): number | null;
  /** A change this process made and committed itself (heard at once, before its notification arrives). */
  changed(): void;
  stop(): Promise<void>;
}

const RECONNECT_DELAYS_MS = [100, 500, 2000, 5000];

/** Ends a connection this listener no longer uses; a late error from it must not crash the process. */
function closeQuietly(client: Client): Promise<void> {
  client.removeAllListeners();
  client.on('error', () => undefined);
  return client.end().catch(() => undefined);
}

export function listenForDataChanges(url: string, log: Logger): DataChanges {
  let version = 0;
  let listening = false;
  let stopped = false;
  let client: Client | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  const lost = (reason: string, error?: unknown) => {
    if (!listening && client === null) return;
    listening = false;
    version++;
    if (client) void closeQuietly(client);
    client = null;
    if (stopped) return;
    log.warn({ err: error, reason }, 'data-change listener lost its connection: public response cache off until it is back');
    schedule();
  };

  const schedule = () => {
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
    attempt++;
    retry = setTimeout(() => { retry = null; void connect(); }, delay);
    retry.unref();
  };

  const connect = async () => {
    if (stopped) return;
    const next = new Client({ connectionString: url, application_name: 'coalesce-data-changes', connectionTimeoutMillis: 2000 });
    next.on('error', (error) => { if (client === next) lost('error', error); });
    next.on('end', () => { if (client === next) lost('end'); });
    next.on('notification', (message) => { if (message.channel === DATA_CHANGE_CHANNEL) version++; });
    try {
      client = next;
      await next.connect();
      await next.query(`LISTEN ${DATA_CHANGE_CHANNEL}`);
      if (stopped || client !== next) { await closeQuietly(next); return; }
      version++;
      listening = true;
      if (attempt > 0) log.info('data-change listener back: public response cache on');
      attempt = 0;
    } catch (error) {
      if (client === next) {
        client = null;
        void closeQuietly(next);
        if (!stopped) {
          if (attempt === 0) log.warn({ err: error }, 'data-change listener could not connect: public response cache off until it does');
          schedule();
        }
      }
    }
  };

  void connect();
  return {
    version: () => (listening ? version : null),
    changed: () => { version++; },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      listening = false;
      const last = client;
      client = null;
      if (last) await closeQuietly(last);
    },
  };
}
