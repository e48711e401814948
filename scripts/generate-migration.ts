// Writes a migration holding the SQL that brings the database at DATABASE_URL (migrated to the latest) in line
// with the entities. Usage: DATABASE_URL=... npm run migration:generate -- AddSomething
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource } from '../src/db/create-data-source.js';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate -- PascalCaseName');
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must point at a scratch database');
  const ds = createDataSource({ url });
  await ds.initialize();
  await ds.runMigrations();
  const { upQueries, downQueries } = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (upQueries.length === 0) {
    console.log('entities and migrations agree: nothing to generate');
    return;
  }
  const stamp = Date.now();
  const lines = (qs: { query: string }[]) => qs.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
  const file = join(__dirname, '..', 'migrations', `${stamp}-${name}.ts`);
  writeFileSync(file, `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines([...downQueries].reverse())}
  }
}
`);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
