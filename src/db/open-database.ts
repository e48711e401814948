import { Client } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../core/config.js';
import { quoteIdent, withDatabase } from './database-url.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  db: DataSource;
  /** Where it runs, without credentials, for the start-up message. */
  description: string;
  close(): Promise<void>;
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Connects (starting an embedded PostgreSQL when no DATABASE_URL is set) and runs pending migrations. close()
 * closes the pool first and stops the embedded PostgreSQL last; a failed open leaves nothing running.
 */
export async function openDatabase(config: Config, log: Logger, hooks: { whileStarting?: () => void } = {}): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let description: string;
  let db: DataSource | null = null;
  try {
    if (url) {
      hooks.whileStarting?.();
      const parsed = new URL(url);
      description = `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    } else {
      const embedded = await startEmbeddedPostgres({
        dataDir: `${config.dataDir}/postgres`,
        // Durable (fsync, synchronous_commit): an acknowledged write survives a crash of the machine.
        durable: true,
        onLog: (line) => log.debug({ postgres: line }),
        onSpawn: hooks.whileStarting,
      });
      stopEmbedded = embedded.stop;
      await ensureDatabase(embedded.url, 'coalesce');
      url = withDatabase(embedded.url, 'coalesce');
      description = `embedded PostgreSQL (data in ${config.dataDir}/postgres, port ${embedded.port})`;
    }
    // TypeORM and every entity (about half a second of loading) are required only now, so that a fresh start
    // spawns initdb first and loads them while the embedded PostgreSQL gets ready.
    const { createDataSource } = require('./create-data-source.js') as typeof import('./create-data-source.js');
    db = createDataSource({ url, poolSize: config.dbPoolSize, statementTimeoutMs: config.dbStatementTimeoutMs });
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    if (db?.isInitialized) await db.destroy().catch(() => undefined);
    if (stopEmbedded) await stopEmbedded().catch(() => undefined);
    throw error;
  }
  const source = db;
  return {
    db: source,
    description,
    async close() {
      try {
        if (source.isInitialized) await source.destroy();
      } finally {
        if (stopEmbedded) await stopEmbedded();
      }
    },
  };
}
