// Fails when the entities and the migrations disagree: runs every migration on a scratch database, then asks
// TypeORM what it would still change. DATABASE_URL: a scratch database to use; unset: an embedded PostgreSQL
// in a temporary folder. Usage: npm run migration:check
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../src/db/create-data-source.js';
import { withDatabase } from '../src/db/database-url.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { ensureDatabase } from '../src/db/open-database.js';

async function main() {
  let url = process.env.DATABASE_URL;
  let cleanup = async () => undefined as void;
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), 'coalesce-migrations-'));
    const embedded = await startEmbeddedPostgres({ dataDir });
    await ensureDatabase(embedded.url, 'scratch');
    url = withDatabase(embedded.url, 'scratch');
    cleanup = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  try {
    const ds = createDataSource({ url });
    await ds.initialize();
    await ds.runMigrations();
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (upQueries.length > 0) {
      console.error('entities differ from migrations; pending changes:');
      for (const q of upQueries) console.error(`  ${q.query}`);
      console.error('run `npm run migration:generate -- Name` against a scratch database and commit the result');
      process.exitCode = 1;
    } else {
      console.log('migrations match the entities');
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
