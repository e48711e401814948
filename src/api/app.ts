import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AccountThrottles } from '../accounts/sign-in-throttle.js';
import { viewerFromAuthorization } from '../accounts/viewer-from-token.js';
import type { Config } from '../core/config.js';
import { errorLoggingPlugin, limitsPlugin, noStorePlugin } from './apollo-plugins.js';
import { compiledExecution } from './compiled-executor.js';
import type { RequestContext } from '../core/request-context.js';
import { createContext } from './request-context.js';
import { isConnectionFailure } from '../db/connection-errors.js';
import { ErrorCode } from '../core/errors.js';
import { formatError, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE, serviceUnavailableError } from './format-error.js';
import { LIMITS } from './limits.js';
import { clientAddress, createRateLimits } from './rate-limits.js';
import { getSchema } from './schema.js';
import { startSubscriptionServer } from './subscription-server.js';
import { startLiveEvents } from './live-events.js';
import { healthRoutes } from './health.routes.js';
import { documentRoutes } from './documents.routes.js';
import { startNoShowSweep } from '../events/no-show-sweep.js';
import { metricsMiddleware, metricsRoute } from './metrics.js';
import { EnginePool } from '../suggestions/engine-pool.js';
import { startOfferSweep } from '../offers/offer-sweep.js';
import { startProposalSweep } from '../coalitions/proposal-settle.js';
import { startSavedSearchMatcher } from '../saved-searches/saved-search-matcher.js';
import { listenForDataChanges } from '../db/data-changes.js';
import { publicResponseCachePlugin } from './public-response-cache.js';

export interface App {
  server: Server;
  /** Stops accepting, drains HTTP and closes WebSockets (code 1001). Does not close the database. */
  stop(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;
const NEW_CONNECTION_GRACE_MS = 2_000;

/**
 * Graceful HTTP drain that loses no accepted request. Apollo's drain plugin (and Node's server.close(), which calls
 * closeIdleConnections) ends every connection without a request in progress, including connections accepted a
 * moment ago whose request is still on its way: under load those clients got ECONNRESET. Here the listener closes,
 * keep-alive connections idle between requests are ended, connections that have not sent a request yet get two
 * seconds to send it (answered with `Connection: close`), in-flight requests finish, and after 10 s whatever is
 * left is destroyed.
 */
function httpDrainer(server: Server, log: Logger): { drain(): Promise<void> } {
  const sockets = new Map<Socket, { active: number; served: number }>();
  let stopping = false;
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { active: 0, served: 0 });
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req, res) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.active++;
    if (stopping && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      state.active--;
      state.served++;
      if (stopping && state.active === 0) req.socket.end();
    });
  });
  return {
    async drain() {
      stopping = true;
      // Connections the kernel completed while the event loop was busy wait in the accept queue, and closing the
      // listener resets them. The poll phase accepts all of them: let it run (a signal is handled in the same
      // iteration, before it) so that only connections arriving in the last microseconds are refused.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      // net.Server's close stops listening and waits for the connections; http.Server's would drop idle ones.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      for (const [socket, state] of sockets) if (state.active === 0 && state.served > 0) socket.end();
      // After the grace, in the check phase (after a poll that reads whatever request bytes have arrived): a
      // connection that still has not sent a request is dropped.
      const dropSilent = setTimeout(() => setImmediate(() => {
        let dropped = 0;
        for (const [socket, state] of sockets) {
          if (state.active === 0 && state.served === 0) {
            socket.destroy();
            dropped++;
          }
        }
        if (dropped) log.warn({ dropped }, 'shutdown: dropped connections that sent no request');
      }), NEW_CONNECTION_GRACE_MS);
      const hard = setTimeout(() => {
        for (const socket of sockets.keys()) socket.destroy();
      }, DRAIN_TIMEOUT_MS);
      await closed;
      clearTimeout(dropSilent);
      clearTimeout(hard);
    },
  };
}

/**
 * /metrics: open outside production unless METRICS_TOKEN is set; in production it needs `Authorization: Bearer
 * <METRICS_TOKEN>` and answers 404 when no token is configured. A token on the one port (rather than a second
 * metrics port) keeps one listener to secure, drain and expose; Prometheus sends it with `authorization:`.
 */
function metricsGuard(config: Config): express.RequestHandler {
  const expected = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;
  const production = config.nodeEnv === 'production';
  return (req, res, next) => {
    if (!expected) {
      if (production) res.status(404).json({ error: 'not found' });
      else next();
      return;
    }
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    res.status(401).json({ error: 'unauthorized' });
  };
}

export async function createApp(config: Config, db: DataSource, log: Logger): Promise<App> {
  const schema = await getSchema();
  const app = express();
  app.disable('x-powered-by');
  // No ETags: GraphQL answers are POSTed and no-store, documents are no-store, so nobody revalidates; computing
  // one hashes every response body.
  app.set('etag', false);
  const server = createServer(app);
  const production = config.nodeEnv === 'production';
  // In memory, or shared through Redis when REDIS_URL is set (src/api/rate-limits.ts).
  const rateLimits = createRateLimits(config, log);
  await rateLimits.store.ready();
  const throttles = new AccountThrottles(rateLimits.store, config.rateLimits);

  // Committed events to this process's subscribers: bus (Redis with REDIS_URL), hub, jobs (api/live-events.ts).
  const live = await startLiveEvents(config, db, log);
  const subscriptions = startSubscriptionServer({ server, schema, db, log, config, budgets: rateLimits.budgets, throttles, hub: live.hub });
  const http = httpDrainer(server, log);
  const engine = new EnginePool(config.engine); // heavy matching work in worker threads (suggestions/engine-pool.ts)
  const vouching = { vouchesForBadge: config.vouchesForBadge }; // the VOUCHED badge's threshold (vouching/vouching-policy.ts)
  const proposalSweep = startProposalSweep(db, log); // settles coalition proposals at their deadline (coalitions/proposal-settle.ts)
  const offerSweep = startOfferSweep(db, log); // stores derived offer statuses (offers/offer-sweep.ts)
  // Signed links to event documents (events/document-token.ts): the configured key, else one per process.
  const documentSecret = config.documentLinkSecret ? Buffer.from(config.documentLinkSecret) : randomBytes(32);
  // No-shows at events with check-in open free their meetings as rounds start (events/no-show-sweep.ts).
  const noShowSweep = startNoShowSweep(db, log, (viewer) => createContext({ viewer, db, requestId: 'no-show-sweep', log, engine, vouching }));
  const savedSearchMatcher = startSavedSearchMatcher(db, log, live.hub); // saved-searches/saved-search-matcher.ts
  // Committed writes heard from PostgreSQL, so the public response cache drops what they changed (db/data-changes.ts).
  const dataChanges = listenForDataChanges((db.options as { url: string }).url, log);

  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecution(schema), // the schema, with queries compiled (api/compiled-executor.ts)
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production, // no "did you mean" field suggestions
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError,
    // main.ts sequences the shutdown (HTTP drained, pool closed, PostgreSQL stopped, exit 0); Apollo's own signal
    // handlers would re-raise the signal after stopping and make the exit code 143.
    stopOnTerminationSignals: false,
    plugins: [
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      limitsPlugin(schema, rateLimits.budgets),
      errorLoggingPlugin(),
      // No per-field cache hints (a cost on every field of every response); every answer is no-store instead.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      publicResponseCachePlugin(dataChanges, config.publicCacheSeconds),
      // Stop accepting and drain HTTP while WebSockets are closed with 1001.
      { async serverWillStart() { return { drainServer: async () => { await Promise.all([http.drain(), subscriptions.dispose()]); } }; } },
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    const path = req.path; // routers rewrite req.path while they run; keep the one that came in
    // On close rather than finish: a request cut off before its response was complete is logged too (completed
    // false), so "the server dropped it" and "it never reached the server" can be told apart.
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, ...(res.writableFinished ? {} : { completed: false }) }, 'request');
    });
    next();
  });
  app.use(metricsMiddleware());
  app.use(healthRoutes(db, () => live.health()));
  app.get('/metrics', metricsGuard(config), metricsRoute());
  app.use(documentRoutes(db, log, documentSecret));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        let viewer;
        try {
          viewer = await viewerFromAuthorization(db, req.get('authorization'));
        } catch (error) {
          if (!isConnectionFailure(error)) {
            log.error({ err: error, requestId }, 'unexpected error');
            throw error;
          }
          log.error({ err: error, requestId, code: SERVICE_UNAVAILABLE }, 'database unavailable');
          throw serviceUnavailableError();
        }
        if (!viewer) {
          throw new GraphQLError('The access token is invalid, expired or revoked', {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        }
        const throttle = { clientAddress: clientAddress(req, config.rateLimits.trustProxy), throttles };
        return createContext({ viewer, db, requestId, log: log.child({ requestId }), throttle, engine, vouching, documentSecret });
      },
    }),
  );
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: 'Request body is larger than 100 KB', extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED } }] });
      return;
    }
    if (isConnectionFailure(err)) {
      log.error({ err, requestId: res.locals.requestId, code: SERVICE_UNAVAILABLE }, 'database unavailable');
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ errors: [{ message: 'The service is temporarily unavailable; retry later', extensions: { code: SERVICE_UNAVAILABLE } }] });
      return;
    }
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err, requestId: res.locals.requestId }, 'unhandled error');
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal server error' : 'Bad request', extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' } }] });
  });

  return {
    server,
    stop: async () => {
      await apollo.stop();
      await live.stop();
      await offerSweep.stop();
      await proposalSweep.stop();
      await noShowSweep.stop();
      await savedSearchMatcher.stop();
      await dataChanges.stop();
      await engine.close();
      await rateLimits.store.close();
    },
  };
}
