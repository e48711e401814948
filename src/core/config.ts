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
  /** Rate limits and abuse throttles (src/api/rate-limits.ts, src/accounts/sign-in-throttle.ts). */
  rateLimits: RateLimitConfig;
  /**
   * Key of the short-lived signed links to event documents (events/document-token.ts). Unset: a random key per
   * process (links then work only on the process that made them: set it when several processes serve the API).
   */
  documentLinkSecret: string | null;
  /** Vouches from verified organizations that give an organization the VOUCHED badge (src/vouching/). */
  vouchesForBadge: number;
  /** How often idle WebSocket connections have their token and memberships checked again (api/live-connections.ts). */
  subscriptionCheckIntervalMs: number;
  /**
   * Longest time an anonymous query's answer is served again from the public response cache (api/public-response-cache.ts)
   * when no write was heard; 0 turns the cache off.
   */
  publicCacheSeconds: number;
}

export interface RateLimitConfig {
  /** Client address = the first X-Forwarded-For hop (behind a proxy that sets it), else the socket's address. */
  trustProxy: boolean;
  /** Prefix of the counters in Redis (when REDIS_URL is set), so deployments or tests sharing a Redis stay apart. */
  redisPrefix: string;
  /** Query cost a user (any of its tokens) may spend per window, and an address (all its requests). */
  userCostPerWindow: number;
  addressCostPerWindow: number;
  costWindowSeconds: number;
  /** Consecutive wrong passwords for one email before refusals start; the refusals last base x 2^n, capped at max. */
  signInFreeFailures: number;
  signInBlockBaseSeconds: number;
  signInBlockMaxSeconds: number;
  /** Per address and account window: wrong sign-in passwords, wrong confirmation codes, sign-ups. */
  signInAddressFailures: number;
  verifyEmailAddressFailures: number;
  signUpsPerAddress: number;
  accountWindowSeconds: number;
  /** Sign-up mails (codes or notices) one address receives per day, and invitation mails one organization sends per day. */
  signUpMailsPerEmailPerDay: number;
  invitationMailsPerOrganizationPerDay: number;
}

export interface EngineConfig {
  /** Worker threads (default: the number of cores). */
  threads: number;
  /** Tasks that may wait for a thread; beyond that a request is refused with SERVICE_BUSY (default 2 per thread). */
  queue: number;
  /** CPU milliseconds one search may use in its thread before it returns the best found so far (default 1500). */
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
    queue: integer(env, 'ENGINE_QUEUE', 2 * threads, 0, 100_000),
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
    documentLinkSecret: secret(env, 'DOCUMENT_LINK_SECRET', 32),
    vouchesForBadge: integer(env, 'VOUCHES_FOR_BADGE', 2, 1, 100),
    subscriptionCheckIntervalMs: 1000 * integer(env, 'SUBSCRIPTION_CHECK_INTERVAL_SECONDS', 60, 1, 3600),
    publicCacheSeconds: integer(env, 'PUBLIC_CACHE_SECONDS', 5, 0, 300),
    rateLimits: {
      trustProxy: boolean(env, 'TRUST_PROXY', false),
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || 'coalesce:rl',
      userCostPerWindow: integer(env, 'RATE_LIMIT_USER_COST', 1_000_000, 1, 1e12),
      addressCostPerWindow: integer(env, 'RATE_LIMIT_ADDRESS_COST', 3_000_000, 1, 1e12),
      costWindowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      signInFreeFailures: integer(env, 'SIGN_IN_FREE_FAILURES', 5, 1, 1000),
      signInBlockBaseSeconds: integer(env, 'SIGN_IN_BLOCK_BASE_SECONDS', 1, 1, 86_400),
      signInBlockMaxSeconds: integer(env, 'SIGN_IN_BLOCK_MAX_SECONDS', 900, 1, 86_400),
      signInAddressFailures: integer(env, 'SIGN_IN_ADDRESS_FAILURES', 100, 1, 1e6),
      verifyEmailAddressFailures: integer(env, 'VERIFY_EMAIL_ADDRESS_FAILURES', 100, 1, 1e6),
      signUpsPerAddress: integer(env, 'SIGN_UPS_PER_ADDRESS', 2000, 1, 1e6),
      accountWindowSeconds: integer(env, 'ACCOUNT_LIMIT_WINDOW_SECONDS', 3600, 1, 86_400),
      signUpMailsPerEmailPerDay: integer(env, 'SIGN_UP_MAILS_PER_EMAIL', 10, 1, 1e6),
      invitationMailsPerOrganizationPerDay: integer(env, 'INVITATION_MAILS_PER_ORGANIZATION', 500, 1, 1e6),
    },
  };
}
