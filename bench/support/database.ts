import { Client } from 'pg';
import { createDataSource } from '../../src/db/create-data-source.js';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { ensureDatabase } from '../../src/db/open-database.js';
import { generateSynthetic } from '../../seeds/synthetic.js';

// The benchmark owns a scratch database: it is dropped before (a crashed run may have left one) and after, so
// numbers never depend on what a developer's own database holds.

export const BENCH_DATABASE = 'coalesce_bench';

export interface BenchDatabase {
  url: string;
  /** Where it runs, without credentials. */
  description: string;
  close(): Promise<void>;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    // WITH (FORCE) (PostgreSQL 13+) ends sessions a killed server child may have left behind.
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(opts: {
  orgs: number;
  seed: number;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL || '';
  let stopEmbedded: (() => Promise<void>) | null = null;
  let where: string;
  if (serverUrl) {
    const parsed = new URL(serverUrl);
    where = `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}`;
  } else {
    opts.log('DATABASE_URL not set: starting embedded PostgreSQL (data in .data/bench-postgres)');
    const embedded = await startEmbeddedPostgres({ dataDir: '.data/bench-postgres' });
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
    where = `embedded PostgreSQL on port ${new URL(serverUrl).port}`;
  }
  const url = withDatabase(serverUrl, BENCH_DATABASE);
  const close = async () => {
    try {
      await dropDatabase(serverUrl, BENCH_DATABASE);
    } finally {
      if (stopEmbedded) await stopEmbedded();
    }
  };
  try {
    await dropDatabase(serverUrl, BENCH_DATABASE);
    await ensureDatabase(serverUrl, BENCH_DATABASE);
    // Bulk inserts and ANALYZE may run past the service's 15 s statement limit.
    const ds = createDataSource({ url, poolSize: 3, statementTimeoutMs: 600_000 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      const started = Date.now();
      await generateSynthetic(ds, { orgs: opts.orgs, seed: opts.seed });
      // Steady state, as autovacuum would leave it: without this, autovacuum wakes up on the fresh tables during
      // the measurement, and index-only scans find no visibility map.
      await ds.query('VACUUM (ANALYZE)');
      opts.log(`seeded ${opts.orgs.toLocaleString('en-US')} organizations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await ds.destroy();
    }
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { url, description: `${where}, database ${BENCH_DATABASE}`, close };
}
