import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Called for every SQL statement: tests count statements with it. */
  onQuery?: (sql: string) => void;
}

// Migrations are resolved from this file's folder so that both src/ (ts-node, jest) and dist/ work.
const migrationsGlob = join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

export function createDataSource(options: DataSourceOptions): DataSource {
  const onQuery = options.onQuery;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations: [migrationsGlob],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension to install.
    uuidExtension: 'pgcrypto',
    applicationName: 'coalesce',
    poolSize: options.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 2000,
      // Runaway queries and forgotten transactions must not hold connections or locks forever.
      statement_timeout: options.statementTimeoutMs ?? 15000,
      idle_in_transaction_session_timeout: 30000,
      idleTimeoutMillis: 30000,
    },
    logging: onQuery ? ['query'] : false,
    logger: onQuery
      ? {
          // A named statement (core/prepared-query.ts) arrives as its query config.
          logQuery: (sql: string | { text: string }) => onQuery(typeof sql === 'string' ? sql : sql.text),
          logQueryError: () => undefined,
          logQuerySlow: () => undefined,
          logSchemaBuild: () => undefined,
          logMigration: () => undefined,
          log: () => undefined,
        }
      : undefined,
  });
}
