import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createDataSource } from '../src/db/create-data-source.js';
import { deleteSynthetic, generateSynthetic } from './synthetic/generate.js';

// `npm run seed:synthetic -- --orgs 100000 [--seed 42] [--reset]`: large data sets for benchmarks and scale
// tests. The generator itself is importable (benchmarks and tests call generateSynthetic directly).

export {
  deleteSynthetic, generateSynthetic, SYNTHETIC_PASSWORD, type SyntheticOptions,
} from './synthetic/generate.js';

const USAGE = 'usage: DATABASE_URL=postgres://... npm run seed:synthetic -- --orgs 100000 [--seed 42] [--reset]';

function formatProgress(done: number, total: number, startedAt: number): string {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return `organizations ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${seconds} s)`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { orgs: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean', default: false } },
  });
  const orgs = Number(values.orgs);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(orgs) || orgs < 0 || !Number.isInteger(seed)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(`DATABASE_URL is not set.\n${USAGE}\n`);
    return 2;
  }
  // Bulk statements (the cascade of --reset, ANALYZE) may run longer than the service's 15 s limit.
  const ds = createDataSource({ url, poolSize: 3, statementTimeoutMs: 600_000 });
  await ds.initialize();
  const startedAt = Date.now();
  try {
    await ds.runMigrations({ transaction: 'each' });
    if (values.reset) {
      const deleted = await deleteSynthetic(ds);
      process.stderr.write(`deleted ${deleted.toLocaleString('en-US')} synthetic organizations\n`);
    }
    const interactive = process.stderr.isTTY;
    let lastLine = 0;
    const insertStart = Date.now();
    await generateSynthetic(ds, {
      orgs, seed,
      onProgress: (done, total) => {
        // Rewrite one line on a terminal; in CI logs print about every 10% instead of flooding them.
        if (interactive) process.stderr.write(`\r${formatProgress(done, total, insertStart)}`);
        else if (done === total || done - lastLine >= total / 10) {
          lastLine = done;
          process.stderr.write(`${formatProgress(done, total, insertStart)}\n`);
        }
      },
    });
    if (interactive) process.stderr.write('\n');
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(`inserted ${orgs.toLocaleString('en-US')} synthetic organizations (seed ${seed}) in ${seconds} s total`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error('synthetic seeding failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
