import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.js';
import { createLogger } from '../../src/core/logger.js';
import { loadConfig } from '../../src/core/config.js';
import { createDataSource } from '../../src/db/create-data-source.js';
import { announce } from './child.js';

// The Coalesce server as production runs it (same config, pool size and plugins), minus the start-up work
// the benchmark has already done: migrations ran when the scratch database was prepared.

async function main(): Promise<void> {
  // The matching engine's settings (ENGINE_THREADS, ENGINE_QUEUE, ENGINE_BUDGET_MS) and the rate limits (RATE_LIMIT_*)
  // and the public response cache (PUBLIC_CACHE_SECONDS) may be varied from the benchmark's environment.
  const engineEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(ENGINE|RATE_LIMIT|PUBLIC_CACHE)_/.test(name)));
  const config = loadConfig({ ...engineEnv, NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: process.env.BENCH_DATABASE_URL });
  const log = createLogger('silent');
  const db = createDataSource({ url: config.databaseUrl!, poolSize: config.dbPoolSize, statementTimeoutMs: config.dbStatementTimeoutMs });
  await db.initialize();
  const app = await createApp(config, db, log);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  announce((app.server.address() as AddressInfo).port, config.dbPoolSize, async () => {
    await app.stop();
    await db.destroy();
  });
}

main().catch((error: unknown) => {
  console.error('coalesce bench server failed:', error);
  process.exit(1);
});
