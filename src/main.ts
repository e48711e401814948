import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { grantAdminsFromConfig } from './accounts/admin-bootstrap.js';
import { createLogger, scrub } from './core/logger.js';
import { ConfigError, loadConfig, type Config } from './core/config.js';
import { EmbeddedPostgresError } from './db/embedded-postgres.js';
import { openDatabase, type Database } from './db/open-database.js';

const SHUTDOWN_TIMEOUT_MS = 15_000;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}

/**
 * Every start failure says why at the default log level: message and code, and for the embedded PostgreSQL the
 * last lines it logged (a rejection without a message is printed as what it is, never as "undefined").
 */
function reportStartFailure(error: unknown, log: Logger | null): void {
  const err = error as { message?: unknown; code?: unknown; logTail?: unknown } | undefined;
  const message = err && typeof err.message === 'string' && err.message ? err.message : `non-error rejection: ${String(error)}`;
  const code = err && typeof err.code === 'string' ? err.code : undefined;
  const tail = err && Array.isArray(err.logTail) ? (err.logTail as string[]) : [];
  log?.fatal({ err: error, ...(tail.length ? { postgresLog: tail } : {}) }, 'Coalesce failed to start');
  console.error(`Coalesce failed to start: ${scrub(message)}${code ? ` (code ${code})` : ''}`);
  if (tail.length) console.error(`Embedded PostgreSQL's last log lines:\n  ${tail.map(scrub).join('\n  ')}`);
  else if (error instanceof EmbeddedPostgresError) console.error('Embedded PostgreSQL logged nothing.');
}

/** What a launcher adds to the service without the service depending on it (seeds/start-with-demo.ts). */
export interface StartHooks {
  /** Runs once the database is migrated, before the app loads and listens. */
  databaseReady?: (db: DataSource, config: Config, log: Logger) => Promise<void>;
}

interface Running {
  app?: { stop(): Promise<void> };
  database?: Database;
}

/**
 * The heaviest modules first, one at a time, yielding to the event loop between them: one require of the whole
 * app blocks it for about two seconds, and meanwhile the embedded PostgreSQL's next step (initdb has finished,
 * start the server) would wait. Later requires find these in the module cache.
 */
const APP_LOAD_STEPS = ['typeorm', './db/create-data-source.js', 'graphql', 'type-graphql', '@apollo/server', 'express', './api/schema.js'];

async function loadAppInSteps(): Promise<typeof import('./api/app.js')> {
  for (const step of APP_LOAD_STEPS) {
    require(step);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return require('./api/app.js') as typeof import('./api/app.js');
}

async function start(config: Config, log: Logger, running: Running, hooks: StartHooks): Promise<void> {
  let database: Database | null = null;
  try {
    // The app's modules (Apollo, type-graphql, TypeORM, every resolver: about 2 s of loading) are required while
    // the embedded PostgreSQL works in its own process (initdb on a fresh data directory, then start-up).
    let appLoading: Promise<typeof import('./api/app.js')> | undefined;
    const loadApp = () => {
      if (!appLoading) {
        appLoading = loadAppInSteps();
        appLoading.catch(() => undefined); // awaited below; a failure is reported there, as a start failure
      }
      return appLoading;
    };
    database = await openDatabase(config, log, { whileStarting: loadApp });
    running.database = database;
    const db = database.db;

    if (config.adminEmails.length) {
      // Confirmed accounts only (see admin-bootstrap.ts); counts are logged, never addresses.
      const { promoted, unconfirmed } = await grantAdminsFromConfig(db, config.adminEmails);
      if (promoted || unconfirmed) log.info({ promoted, unconfirmed }, 'admins granted from ADMIN_EMAILS');
    }
    await hooks.databaseReady?.(db, config, log);

    const { createApp } = await loadApp();
    const app = await createApp(config, db, log);
    running.app = app;
    try {
      await listen(app.server, config.port, config.host);
    } catch (error) {
      running.app = undefined;
      await app.stop().catch(() => undefined);
      throw error;
    }
    const { port } = app.server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
    log.info({ url, database: database.description }, 'Coalesce is ready');
    if (config.logLevel !== 'silent') console.log(`\n  Coalesce GraphQL endpoint: ${url}\n  Database: ${database.description}\n`);
  } catch (error) {
    // Nothing may outlive a failed start: the pool and the embedded PostgreSQL are closed before exiting.
    running.database = undefined;
    await database?.close().catch((closeError) => log.error({ err: closeError }, 'closing the database failed'));
    throw error;
  }
}

/**
 * SIGTERM / SIGINT: stop accepting, let in-flight requests finish, close WebSockets with 1001 (app.stop), close
 * the pool, then stop the embedded PostgreSQL (database.close), exit 0. A second signal does not cut it short;
 * a shutdown stuck for 15 s exits 1 (the embedded PostgreSQL still gets its fast shutdown on exit). A signal
 * during start-up closes what is already open.
 */
function installShutdown(running: Running, log: Logger): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await running.app?.stop();
      await running.database?.close();
      log.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

export async function main(hooks: StartHooks = {}): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const running: Running = {};
  installShutdown(running, log);
  try {
    await start(config, log, running, hooks);
  } catch (error) {
    reportStartFailure(error, log);
    process.exit(1);
  }
}

/** Runs the service: `node src/main.ts` (production) or through a launcher that passes hooks. */
export function runMain(hooks: StartHooks = {}): void {
  main(hooks).catch((error) => {
    reportStartFailure(error, null);
    process.exit(1);
  });
}

if (require.main === module) runMain();
