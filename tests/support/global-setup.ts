import './resolve-ts';
import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource } from '../../src/db/create-data-source.js';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { templateDatabase } from './test-databases.js';

// One migrated template database per run; each test file clones it (CREATE DATABASE ... TEMPLATE is fast), so
// files never see each other's rows and workers never truncate under each other's feet.
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // A throwaway cluster: durability traded for speed (fsync and synchronous_commit off), explicitly, here only.
    const embedded = await startEmbeddedPostgres({ dataDir: '.data/test-postgres', durable: false });
    (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres = embedded;
    serverUrl = embedded.url;
  }
  process.env.COALESCE_TEST_SERVER_URL = serverUrl;
  process.env.COALESCE_TEST_RUN = `${process.pid}_${Date.now().toString(36)}`;

  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(templateDatabase())}`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource({ url: withDatabase(serverUrl, templateDatabase()) });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
}
