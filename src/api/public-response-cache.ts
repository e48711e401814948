import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { Counter, register } from 'prom-client';
import type { RequestContext } from '../core/request-context.js';
import type { DataChanges } from '../db/data-changes.js';

// Answers to anonymous visitors, kept and served again while the data they were made from has not changed: the
// directory page a partner frontend shows every visitor is the same answer thousands of times a minute, and making
// it costs ~4 ms of CPU (bench/http.bench.ts). What an anonymous visitor is shown depends on nothing but the
// data, the document and its variables, so the answer itself is what is kept:
// - only for viewers without a token (a signed-in viewer's answers depend on memberships, vouches and grants);
// - only queries, only answers without errors;
// - dropped as soon as any committed write is heard (db/data-changes.ts: PostgreSQL notifies every process after
//   the commit; a mutation through this process drops it before its response is sent), and in any case after
//   PUBLIC_CACHE_SECONDS, for what changes with time alone (an offer's expiry); never used while the listener
//   is not connected;
// - kept apart per client address: whether an answer was already there shows in its timing, and another
//   visitor's recent request must not be readable from it (people behind one address already share a network);
// - bounded in bytes (least recently used go first), so varied documents and variables cannot grow it;
// - made once: identical requests arriving while an answer is being made wait for it rather than each making
//   their own (after every write, all the visitors of the directory page would otherwise make it at once).
// Depth, cost and rate limits run before the cache (didResolveOperation), so a served answer costs its caller
// what a made one does.

/** Bound on the kept answers' serialized size; held as objects they take a few times that on the heap. */
const MAX_BYTES = 16 * 1024 * 1024;

interface Kept {
  version: number;
  data: Record<string, unknown>;
}

/** Longest wait for an identical request's answer being made before making one's own. */
const SHARED_WAIT_MS = 2000;

let outcomes: Counter<'outcome'> | null = null;
function countOutcome(outcome: 'hit' | 'shared' | 'miss' | 'bypass'): void {
  outcomes ??= (register.getSingleMetric('graphql_public_cache_total') as Counter<'outcome'> | undefined)
    ?? new Counter({ name: 'graphql_public_cache_total', help: 'Anonymous query answers served from the public response cache (hit), from an identical request made meanwhile (shared), made and kept (miss), or made without it (bypass: listener down, errors)', labelNames: ['outcome'] });
  outcomes.inc({ outcome });
}

const answered = (data: Record<string, unknown>) =>
  ({ http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single' as const, singleResult: { data } } });

/** Waits for an answer being made, at most SHARED_WAIT_MS; null when there is none to share. */
function within<T>(answer: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ms); });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

function cacheKey(rc: GraphQLRequestContext<RequestContext>): string {
  const address = rc.contextValue.throttle?.clientAddress ?? 'unknown';
  return `${address}\n${rc.queryHash}\n${rc.operationName ?? ''}\n${JSON.stringify(rc.request.variables ?? {})}`;
}

export function publicResponseCachePlugin(changes: DataChanges, ttlSeconds: number): ApolloServerPlugin<RequestContext> {
  if (ttlSeconds <= 0) return {};
  const kept = new LRUCache<string, Kept>({
    maxSize: MAX_BYTES,
    ttl: ttlSeconds * 1000,
  });
  // Answers being made, by key; null when the answer could not be kept (errors, a write heard meanwhile).
  const making = new Map<string, { version: number; answer: Promise<Record<string, unknown> | null> }>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let version: number | null = null;
      let served = false;
      let settle: ((data: Record<string, unknown> | null) => void) | null = null;
      let answer: Promise<Record<string, unknown> | null> | null = null;
      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query' || rc.contextValue.viewer.signedIn) return null;
          version = changes.version();
          if (version === null) {
            countOutcome('bypass');
            return null;
          }
          key = cacheKey(rc);
          const hit = kept.get(key);
          if (hit && hit.version === version) {
            served = true;
            countOutcome('hit');
            return answered(hit.data);
          }
          const pending = making.get(key);
          if (pending && pending.version === version) {
            const data = await within(pending.answer, SHARED_WAIT_MS);
            if (data && changes.version() === version) {
              served = true;
              countOutcome('shared');
              return answered(data);
            }
            // Not shareable: made here. A maker that never answered must not hold up the next ones.
            if (making.get(key) === pending) making.delete(key);
            return null;
          }
          answer = new Promise((resolve) => { settle = resolve; });
          making.set(key, { version, answer });
          return null;
        },
        async willSendResponse({ response, operation }) {
          // A mutation this process ran has committed by now: what was kept may be stale, whatever the
          // notification's delay.
          if (operation?.operation === 'mutation') changes.changed();
          if (served || key === null || version === null) return;
          const body = response.body;
          const fresh = changes.version() === version; // a write heard while it ran: keep nothing
          const data = body.kind === 'single' && !body.singleResult.errors && !response.http.status && fresh ? body.singleResult.data ?? null : null;
          if (settle) {
            if (making.get(key)?.answer === answer) making.delete(key);
            settle(data);
          }
          if (!data) {
            countOutcome('bypass');
            return;
          }
          // Its serialized length stands for its size in memory (only for the bound: the two grow together).
          kept.set(key, { version, data }, { size: key.length + JSON.stringify(data).length });
          countOutcome('miss');
        },
      };
    },
  };
}
