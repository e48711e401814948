// Fails when the entities and the migrations disagree: runs every migration on a scratch database, then asks
// TypeORM what it would still change. Usage: DATABASE_URL=<scratch database> npm run migration:check
import 'reflect-metadata';
import { createDataSource } from '../src/db/create-data-source.js';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must point at a scratch database');
  const ds = createDataSource({ url });
  await ds.initialize();
  await ds.runMigrations();
  const { upQueries } = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (upQueries.length > 0) {
    console.error('entities differ from migrations; pending changes:');
    for (const q of upQueries) console.error(`  ${q.query}`);
    console.error('run `npm run migration:generate -- Name` against a scratch database and commit the result');
    process.exit(1);
  }
  console.log('migrations match the entities');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
