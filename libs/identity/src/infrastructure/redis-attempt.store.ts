import Redis from 'ioredis';
import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '@org/platform';
import { LibraryAttemptStore } from '../application/attempt-limiter';

/**
 * Attempt counts in Redis, shared by every API process on the same database (`REDIS_URL`), through
 * `rate-limiter-flexible`'s Redis store (one atomic script per hit). Keys are `<prefix>:<limit>:<hash>`,
 * the prefix naming the database so that two deployments (or two test databases) sharing one Redis
 * keep their own counts. Commands never wait for a reconnection (no offline queue, one retry, a
 * timeout): when Redis is away the limiter falls back to memory.
 */
export class RedisAttemptStore extends LibraryAttemptStore {
  private readonly redis: Redis;
  private lastErrorLog = 0;

  constructor(redisUrl: string, private readonly prefix: string, logger: Logger, timeoutMs = 500) {
    super();
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: timeoutMs,
      connectTimeout: Math.max(1000, timeoutMs),
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    });
    this.redis.on('error', (e) => {
      const now = Date.now();
      if (now - this.lastErrorLog > 60_000) {
        this.lastErrorLog = now;
        logger.warn({ err: e.message }, 'rate-limit store: Redis connection error');
      }
    });
  }

  protected makeLimiter(durationSeconds: number): RateLimiterAbstract {
    return new RateLimiterRedis({ storeClient: this.redis, keyPrefix: this.prefix, points: Number.MAX_SAFE_INTEGER, duration: durationSeconds, rejectIfRedisNotReady: true });
  }

  /** Waits for the connection (at start-up), so the first requests are not counted in memory. */
  async ready(timeoutMs = 2000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      t.unref?.();
      this.redis.once('ready', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
