import { Client } from 'pg';
import { withDatabase } from '../../src/db/database-url.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { serverOf } from './results.js';

// The database servers `npm run bench` measures on. `embedded` is the default the service starts with (embedded
// PostgreSQL 17, the same data directory the benches use when run alone); `pg15` is the server at DATABASE_URL
// or --pg-url. The runner starts the embedded server once and hands its URL to every bench as DATABASE_URL, so
// all benches, bench:subscriptions included, measure on the same server, which the table names with its version.

export const DATABASE_KEYS = ['embedded', 'pg15'] as const;
export type DatabaseKey = (typeof DATABASE_KEYS)[number];

export interface BenchServer {
  key: DatabaseKey;
  /** Server URL (maintenance database): each bench makes and drops its own scratch database on it. */
  url: string;
  /** e.g. "embedded PostgreSQL 17.6 at 127.0.0.1:39201", never credentials. */
  name: string;
  stop(): Promise<void>;
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}

export async function openServer(key: DatabaseKey, pgUrl: string | undefined, log: (line: string) => void): Promise<BenchServer> {
  if (key === 'pg15') {
    if (!pgUrl) throw new Error('--databases pg15 needs DATABASE_URL or --pg-url');
    return { key, url: pgUrl, name: `PostgreSQL ${await serverVersion(pgUrl)} at ${serverOf(pgUrl)}`, stop: async () => undefined };
  }
  log('starting embedded PostgreSQL (data in .data/bench-postgres)');
  const embedded = await startEmbeddedPostgres({ dataDir: '.data/bench-postgres' });
  try {
    return { key, url: embedded.url, name: `embedded PostgreSQL ${await serverVersion(embedded.url)} at ${serverOf(embedded.url)}`, stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
