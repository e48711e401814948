import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, getOperationAST, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import type { AccountThrottles } from '../accounts/sign-in-throttle.js';
import { viewerFromAuthorization } from '../accounts/viewer-from-token.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import type { Config } from '../core/config.js';
import { isConnectionFailure } from '../db/connection-errors.js';
import { createContext } from './request-context.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import { formatError } from './format-error.js';
import { enforceOperationLimits, LIMITS } from './limits.js';
import { clientAddress, type CostBudgets } from './rate-limits.js';
import type { EventHub } from '../activity/event-hub.js';
import { LiveConnections } from './live-connections.js';
import { subscribeSharingResults } from './shared-execution.js';

const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
const KEEP_ALIVE_MS = 30_000;
/**
 * Parsed and validated documents by query text. Thousands of subscribers send the same few subscription documents;
 * one shared AST (immutable) instead of one each saves the parse and validation and a few KB per subscription.
 */
const DOCUMENT_CACHE_SIZE = 200;
const documents = new Map<string, DocumentNode>();

function rememberDocument(query: string, document: DocumentNode): void {
  if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value!);
  documents.set(query, document);
}

export interface SubscriptionServer {
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the same port and path as HTTP. It runs none of Apollo's plugins, so the same limits, auth and
 * error masking are applied here; queries and mutations are refused (they belong on HTTP, with CSRF checks).
 */
export function startSubscriptionServer(options: {
  server: Server; schema: GraphQLSchema; db: DataSource; log: Logger; config: Config; budgets?: CostBudgets; throttles?: AccountThrottles;
  /** The process's event hub (src/activity/event-hub.ts): what subscriptions stream from. */
  hub?: EventHub;
}): SubscriptionServer {
  const { server, schema, db, log, config, budgets, throttles, hub } = options;
  // Token and memberships of each connection, re-checked before every event and periodically (live-connections.ts).
  const connections = new LiveConnections(db, log, config.subscriptionCheckIntervalMs);
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: 64 * 1024, // a bigger message closes the socket with 1009
    perMessageDeflate: false, // compression state costs tens of KB per socket; subscription payloads are small
    verifyClient: ({ origin }: { origin?: string }) => !origin || config.corsOrigins.length === 0 || config.corsOrigins.includes(origin),
  });
  const viewers = new WeakMap<object, Viewer>();
  const counts = new WeakMap<object, number>();

  const handle = useServer(
    {
      schema,
      // One execution per event and group of alike subscribers (api/shared-execution.ts).
      subscribe: subscribeSharingResults,
      connectionInitWaitTimeout: 5000,
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        let viewer;
        try {
          viewer = await viewerFromAuthorization(db, typeof auth === 'string' ? auth : undefined);
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          // The database is down: 1013 "try again later" rather than a misleading 4403.
          log.error({ err: error, code: 'SERVICE_UNAVAILABLE' }, 'database unavailable');
          ctx.extra.socket.close(1013, 'Service unavailable, retry later');
          return false;
        }
        if (!viewer) return false; // closes with 4403 Forbidden
        viewers.set(ctx.extra.socket, viewer);
        connections.open(ctx.extra.socket, viewer);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const socket = ctx.extra.socket;
        const count = (counts.get(socket) ?? 0) + 1;
        if (count > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError('Too many subscriptions on this connection', { extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED } })];
        }
        // The slot is taken before anything is awaited (one socket's subscribe messages are handled concurrently:
        // a count set after the awaits below let a burst of them all pass), and given back when refused.
        counts.set(socket, count);
        const prepared = await (async (): Promise<ExecutionArgs | readonly GraphQLError[]> => {
          let document = documents.get(payload.query);
          if (!document) {
            try {
              document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
            } catch (error) {
              return [new GraphQLError(error instanceof GraphQLError ? error.message : 'Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
            }
            const errors = validate(schema, document);
            if (errors.length) return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
            rememberDocument(payload.query, document);
          }
          const operation = getOperationAST(document, payload.operationName);
          if (operation?.operation !== 'subscription') {
            return [new GraphQLError('Only subscriptions are served over WebSocket; use HTTP for queries and mutations', { extensions: { code: 'BAD_REQUEST' } })];
          }
          const viewer = viewers.get(socket)!;
          // The same cost budget as HTTP: the subscription is charged its cost once, when it starts.
          const address = clientAddress(ctx.extra.request, config.rateLimits.trustProxy);
          try {
            const cost = enforceOperationLimits(schema, document, payload.variables ?? undefined, payload.operationName);
            await budgets?.charge({ userId: viewer.userId, address }, cost ?? 1);
          } catch (error) {
            return [error as GraphQLError];
          }
          const requestId = randomUUID();
          const args: ExecutionArgs = {
            schema,
            document,
            variableValues: payload.variables,
            operationName: payload.operationName,
            contextValue: createContext({ viewer, db, requestId, log: log.child({ requestId }), vouching: { vouchesForBadge: config.vouchesForBadge }, ...(throttles ? { throttle: { clientAddress: address, throttles } } : {}) }),
          };
          if (hub) connections.attach(args.contextValue as RequestContext, socket, hub);
          return args;
        })();
        if (Array.isArray(prepared)) counts.set(socket, Math.max(0, (counts.get(socket) ?? 1) - 1));
        return prepared;
      },
      onComplete: (ctx) => {
        counts.set(ctx.extra.socket, Math.max(0, (counts.get(ctx.extra.socket) ?? 1) - 1));
      },
      // Errors inside an event's payload (a field resolver that failed) are masked like any other: graphql-ws sends
      // `next` results as they are, so they are formatted here.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length
        ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
        : undefined),
      // extensions.http (status, headers) is for HTTP responses only: Apollo strips it there, so here too.
      // An error the event stream throws while iterating (QUERY_LIMIT_EXCEEDED, reason SUBSCRIBER_TOO_SLOW, with
      // resumeAfter) reaches here wrapped by graphql-ws in a GraphQLError without a path, which formatError would
      // not unwrap (it would be masked as INTERNAL_SERVER_ERROR): its domain error is handed over as it is.
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => {
        const { http: _http, ...extensions } = error.extensions ?? {};
        const original = !error.path && error.originalError instanceof DomainError ? error.originalError : error;
        return formatError({ ...error.toJSON(), extensions }, original);
      }),
    },
    wss,
    // Ping each socket every 30 s (graphql-ws's default is 12 s): a dead peer is still found within a minute, and
    // 10,000 idle subscribers cost 330 pings a second instead of 830. Proxies' idle timeouts are 60 s or more.
    KEEP_ALIVE_MS,
  );

  return {
    async dispose() {
      connections.stop();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await handle.dispose();
    },
  };
}
