import 'reflect-metadata';
import { createDataSource } from '../src/db/create-data-source.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';
import { loadDemoData } from './load-demo.js';

// `npm run seed`: loads the demo set into the database named by DATABASE_URL. The service seeds its own
// embedded database on first start, so this is for external databases (staging, a local PostgreSQL).

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'DATABASE_URL is not set. Set it to the PostgreSQL database to seed, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/coalesce npm run seed\n' +
        '(Without DATABASE_URL, `npm start` runs an embedded PostgreSQL and seeds it automatically.)\n',
    );
    return 2;
  }
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    const migrations = await ds.runMigrations({ transaction: 'each' });
    console.log(migrations.length ? `applied ${migrations.length} migration(s)` : 'schema is up to date');
    const started = Date.now();
    const result = await loadDemoData(ds, (msg) => console.log(msg));
    console.log(
      result.inserted
        ? `seeded in ${Date.now() - started} ms`
        : 'nothing to do: the demo data is already present',
    );
    console.log(`demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // The URL may hold a password: print the error, never the configuration.
    console.error('seeding failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
