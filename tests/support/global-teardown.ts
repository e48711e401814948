import './resolve-ts';
import { Client } from 'pg';
import { quoteIdent, withDatabase } from '../../src/db/database-url.js';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.COALESCE_TEST_SERVER_URL;
  const run = process.env.COALESCE_TEST_RUN;
  if (serverUrl && run) {
    const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`coalesce_test_${run}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    await admin.end();
  }
  const embedded = (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres;
  if (embedded) await embedded.stop();
}
