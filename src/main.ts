import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { createLogger } from './common/logger.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { loadDemoData } from '../seeds/load-demo.js';

async function main(): Promise<void> {
  let config;
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
  const database = await openDatabase(config, log);

  if (config.adminEmails.length) {
    const [, promoted] = await database.db.query('UPDATE users SET is_admin = true WHERE email = ANY($1) AND NOT is_admin', [config.adminEmails]);
    if (promoted) log.info({ promoted }, 'admins granted from ADMIN_EMAILS');
  }

  if (config.seedDemo) {
    const [{ count }] = await database.db.query('SELECT count(*)::int AS count FROM organizations');
    if (count === 0) {
      const result = await loadDemoData(database.db, (message) => log.info(message));
      log.info({ organizations: result.organizations }, 'demo data seeded');
    }
  }

  const app = await createApp(config, database.db, log);
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  log.info({ url, database: database.description }, 'Coalesce is ready');
  if (config.logLevel !== 'silent') console.log(`\n  Coalesce GraphQL endpoint: ${url}\n  Database: ${database.description}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15000);
    force.unref();
    try {
      await app.stop(); // stop accepting, drain HTTP, close WebSockets with 1001
      await database.close(); // pool, then embedded PostgreSQL
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('Coalesce failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
