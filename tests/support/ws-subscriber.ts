import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TestApp } from './test-app.js';

// A real graphql-ws client over the `ws` package, as a partner frontend would connect, with a queue of what each
// subscription received so tests can wait for the next event or assert that none came.

export interface Received<T> {
  data: T[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** The next event not yet taken (waits up to timeoutMs). */
  next(timeoutMs?: number): Promise<T>;
  /** Resolves when the server ends the subscription (complete or error). */
  ended: Promise<void>;
  stop(): void;
}

export interface WsSession {
  client: Client;
  subscribe<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Received<TData>;
  close(): Promise<void>;
}

export function wsSession(app: TestApp, token: string): WsSession {
  const client = createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: 0,
  });
  return {
    client,
    subscribe<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Received<TData> {
      const data: TData[] = [];
      const errors: Received<TData>['errors'] = [];
      let taken = 0;
      let wake: (() => void) | null = null;
      let endedResolve!: () => void;
      const ended = new Promise<void>((resolve) => { endedResolve = resolve; });
      const stop = client.subscribe<TData>({ query: print(document), variables }, {
        next: (result) => {
          if (result.errors?.length) errors.push(...(result.errors as Received<TData>['errors']));
          if (result.data) data.push(result.data as TData);
          wake?.();
        },
        error: (error) => {
          errors.push(...(Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }]));
          wake?.();
          endedResolve();
        },
        complete: () => { wake?.(); endedResolve(); },
      });
      return {
        data,
        errors,
        ended,
        stop,
        async next(timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          while (taken >= data.length) {
            if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, left);
              wake = () => { clearTimeout(timer); resolve(); };
            });
            wake = null;
          }
          return data[taken++];
        },
      };
    },
    async close() {
      await client.dispose();
    },
  };
}
