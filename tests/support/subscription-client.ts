import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app.js';

// A partner frontend's WebSocket client: graphql-ws's createClient over the `ws` package, against the real
// endpoint, with the bearer token in connection_init. Collects what each subscription receives.

export interface ClosedEvent {
  code: number;
  reason: string;
}

export interface TestClient {
  client: Client;
  /** Close events of the socket, in order. */
  closes: ClosedEvent[];
  /** Resolves with the next close event. */
  nextClose(timeoutMs?: number): Promise<ClosedEvent>;
  dispose(): Promise<void>;
}

export function wsUrl(app: { baseUrl: string }): string {
  return `${app.baseUrl.replace(/^http/, 'ws')}/graphql`;
}

export function connect(app: TestApp | { baseUrl: string }, token?: string | null, options: { headers?: Record<string, string> } = {}): TestClient {
  const closes: ClosedEvent[] = [];
  const waiters: ((event: ClosedEvent) => void)[] = [];
  const headers = options.headers;
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, headers ? { headers } : {});
    }
  }
  const client = createClient({
    url: wsUrl(app),
    webSocketImpl: headers ? HeaderSocket : WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        const closed = { code, reason: String(reason) };
        closes.push(closed);
        waiters.splice(0).forEach((resolve) => resolve(closed));
      },
    },
  });
  return {
    client,
    closes,
    nextClose(timeoutMs = 5000) {
      return new Promise<ClosedEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no close event')), timeoutMs);
        waiters.push((event) => { clearTimeout(timer); resolve(event); });
      });
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

export interface Live<T> {
  /** Data received, in order. */
  events: T[];
  /** GraphQL errors the subscription ended with (an `error` message), or a socket close. */
  errors: unknown[];
  done: boolean;
  /** Resolves once `count` events have arrived (all of them), or rejects after timeoutMs. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the subscription ended (complete or error). */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function subscribe<TData, TVariables>(
  test: TestClient, document: TypedDocumentNode<TData, TVariables>, variables: TVariables,
): Live<TData> {
  const events: TData[] = [];
  const errors: unknown[] = [];
  const checks: (() => void)[] = [];
  const notify = () => checks.slice().forEach((check) => check());
  const live: Live<TData> = {
    events,
    errors,
    done: false,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            checks.splice(checks.indexOf(check), 1);
            resolve(events.slice(0, count));
          } else if (live.done) {
            clearTimeout(timer);
            checks.splice(checks.indexOf(check), 1);
            reject(new Error(`ended after ${events.length} of ${count} events: ${JSON.stringify(errors)}`));
          }
        };
        const timer = setTimeout(() => {
          checks.splice(checks.indexOf(check), 1);
          reject(new Error(`timed out with ${events.length} of ${count} events`));
        }, timeoutMs);
        checks.push(check);
        check();
      });
    },
    ended(timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!live.done) return;
          clearTimeout(timer);
          checks.splice(checks.indexOf(check), 1);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error('subscription did not end')), timeoutMs);
        checks.push(check);
        check();
      });
    },
    stop: () => undefined,
  };
  live.stop = test.client.subscribe<TData>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data as TData);
        notify();
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        live.done = true;
        notify();
      },
      complete: () => {
        live.done = true;
        notify();
      },
    },
  );
  return live;
}

/** Gives in-flight deliveries time to arrive (to assert that nothing more came). */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
