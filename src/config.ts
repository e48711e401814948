// The one place that reads the environment. Everything is validated at start-up so a bad value fails fast with
// a message that names the variable, instead of surfacing later as an obscure runtime error.

import { availableParallelism } from 'node:os';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL is started with its data under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Unset: subscriptions use the in-process bus. */
  redisUrl: string | null;
  logLevel: LogLevel;
  /** Seed demo data when the database has no organizations yet. */
  seedDemo: boolean;
  dbPoolSize: number;
  dbStatementTimeoutMs: number;
  corsOrigins: string[];
  /** Accounts with these emails are made admins at start-up (how the first admin is created). */
  adminEmails: string[];
  /** Worker threads for the matching engine's heavy work, with a bounded queue and a time budget per task. */
  engine: EngineConfig;
  /**
   * Bearer token that /metrics requires. Unset: /metrics is open outside production and answers 404 in
   * production (metrics reveal traffic patterns and internals, so production serves them only to a scraper).
   */
  metricsToken: string | null;
}

export interface EngineConfig {
  /** Worker threads (default: the number of cores). */
  threads: number;
  /** Tasks that may wait for a thread; beyond that a request is refused with SERVICE_BUSY (default 4 per thread). */
  queue: number;
  /** Milliseconds one search may run in its thread before it returns the best found so far (default 1500). */
  budgetMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`); // the value may hold a password: never echo it
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  }
  return raw;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function secret(env: Env, name: string, minLength: number): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < minLength || /\s/.test(raw)) {
    throw new ConfigError(`${name} must be at least ${minLength} characters without spaces`); // never echo a secret
  }
  return raw;
}

function list(raw: string | undefined): string[] {
  return (raw || '').split(',').map((item) => item.trim()).filter(Boolean);
}

function engineConfig(env: Env): EngineConfig {
  const threads = integer(env, 'ENGINE_THREADS', Math.max(1, availableParallelism()), 1, 256);
  return {
    threads,
    queue: integer(env, 'ENGINE_QUEUE', 4 * threads, 0, 100_000),
    budgetMs: integer(env, 'ENGINE_BUDGET_MS', 1500, 1, 600_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    nodeEnv,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: env.DATA_DIR || '.data',
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: boolean(env, 'SEED_DEMO', nodeEnv !== 'production'),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    corsOrigins: list(env.CORS_ORIGINS),
    adminEmails: list(env.ADMIN_EMAILS).map((email) => email.toLowerCase()),
    engine: engineConfig(env),
    metricsToken: secret(env, 'METRICS_TOKEN', 16),
  };
}
