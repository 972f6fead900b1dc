import Redis from 'ioredis';
import type { Logger } from '@org/platform';
import { AttemptStore, type WindowCount } from '../application/attempt-limiter';

// One round trip, atomic: count the hit, start the window on the first one (never extend it), and
// answer the count with the time left. A key found without an expiry (cannot normally happen) gets one.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { n, ttl }`;

const PEEK = `
local n = redis.call('GET', KEYS[1])
if not n then return { 0, 0 } end
return { tonumber(n), redis.call('PTTL', KEYS[1]) }`;

/**
 * Attempt counts in Redis, shared by every API process on the same database (`REDIS_URL`). Keys
 * are `<prefix>:<limit>:<hash>`, the prefix naming the database so that two deployments (or two
 * test databases) sharing one Redis keep their own counts. Commands never wait for a reconnection
 * (no offline queue, one retry, a timeout): when Redis is away the limiter falls back to memory.
 */
export class RedisAttemptStore extends AttemptStore {
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
    this.redis.defineCommand('commonsHit', { numberOfKeys: 1, lua: HIT });
    this.redis.defineCommand('commonsPeek', { numberOfKeys: 1, lua: PEEK });
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

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await (this.redis as unknown as Commands).commonsHit(this.k(key), String(Math.round(windowMs)))) as [number, number];
    return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
  }

  async peek(key: string): Promise<WindowCount> {
    const [count, ttl] = (await (this.redis as unknown as Commands).commonsPeek(this.k(key))) as [number, number];
    return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private k(key: string): string {
    return `${this.prefix}:${key}`;
  }
}

interface Commands {
  commonsHit(key: string, windowMs: string): Promise<unknown>;
  commonsPeek(key: string): Promise<unknown>;
}
