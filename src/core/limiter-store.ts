import type { Logger } from 'pino';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

// Counting for every limit of the service (query cost budgets in api/rate-limits.ts, sign-in throttles in
// accounts/sign-in-throttle.ts) with rate-limiter-flexible: see api/rate-limits.ts for why that library.

/**
 * Where the limiters keep their counts: in memory (one process) or in Redis when REDIS_URL is set, so several
 * processes share them. The Redis client queues nothing while disconnected (enableOfflineQueue: false) and gives up
 * on a command after a second, so the insurance limiter (memory) answers at once while Redis is away.
 */
export class LimiterStore {
  private readonly redis: Redis | null;
  private redisDown = false;

  constructor(redisUrl: string | null, private readonly prefix: string, log: Logger) {
    if (!redisUrl) {
      this.redis = null;
      return;
    }
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Logged once per outage (not once per retry); without a listener ioredis would print every failure.
    this.redis.on('error', (error: Error) => {
      if (this.redisDown) return;
      this.redisDown = true;
      log.warn({ err: error }, 'rate limits: Redis unavailable, counting in memory until it is back');
    });
    this.redis.on('ready', () => {
      if (this.redisDown) log.info('rate limits: Redis is back');
      this.redisDown = false;
    });
  }

  /**
   * Resolves once the Redis connection is ready, or has failed once (the insurance limiter counts meanwhile), or
   * after timeoutMs: until then every count would go to this process's memory rather than the shared one.
   */
  async ready(timeoutMs = 2000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off('ready', done);
        redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      redis.once('ready', done);
      redis.once('error', done);
    });
  }

  limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const keyPrefix = `${this.prefix}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
    if (!this.redis) return memory;
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration: durationSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }

  async close(): Promise<void> {
    this.redis?.disconnect(); // also stops reconnecting to a Redis that is away
  }
}

/** A limiter rejects with a RateLimiterRes when over the limit, with an Error only if its store failed uninsured. */
export function isOverLimit(reason: unknown): reason is RateLimiterRes {
  return reason instanceof RateLimiterRes;
}

