import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createApp, type App } from '../../src/api/app.js';
import { createLogger } from '../../src/core/logger.js';
import { loadConfig } from '../../src/core/config.js';
import { createDataSource } from '../../src/db/create-data-source.js';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';
import { runPrefix, templateDatabase } from './test-databases.js';

export interface TestApp {
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  baseUrl: string;
  db: DataSource;
  /** Every SQL statement the app ran, in order (reset it before the request you measure). */
  statements: string[];
  close(): Promise<void>;
}

let counter = 0;

/** A real server on a free port over a fresh database cloned from the migrated template. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = process.env.COALESCE_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('COALESCE_TEST_SERVER_URL is not set: run the tests through jest (global setup)');
  const name = `${runPrefix()}_${process.env.JEST_WORKER_ID ?? '0'}_${++counter}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDatabase())}`);
  await admin.end();

  const statements: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: withDatabase(serverUrl, name), ...env });
  const db = createDataSource({ url: config.databaseUrl!, poolSize: 5, onQuery: (sql) => statements.push(sql) });
  await db.initialize();
  const app: App = await createApp(config, db, createLogger('silent'));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/graphql`,
    baseUrl,
    db,
    statements,
    async close() {
      await app.stop();
      await db.destroy();
      const cleanup = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
