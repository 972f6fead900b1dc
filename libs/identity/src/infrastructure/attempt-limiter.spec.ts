import { RedisAttemptStore } from './redis-attempt.store';
import { AttemptLimiter, MemoryAttemptStore, type AttemptLimit } from '../application/attempt-limiter';

const logger = { warn: jest.fn(), error: jest.fn(), info: jest.fn(), debug: jest.fn() } as never;
const limit: AttemptLimit = { name: 'test.limit', max: 3, windowMs: 60_000 };

describe('AttemptLimiter', () => {
  it('refuses the attempt after max in a window with the seconds left, counts per key, and clears a key', async () => {
    const limiter = new AttemptLimiter(new MemoryAttemptStore(), logger);
    for (let i = 0; i < 3; i++) await limiter.consume(limit, 'a@example.org', '203.0.113.1');
    const refused = await limiter.consume(limit, 'a@example.org', '203.0.113.1').catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'rate_limited', code: 'too_many_attempts', details: { retryAfterSeconds: expect.any(Number) } });
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(limiter.consume(limit, 'a@example.org', '203.0.113.2')).resolves.toBeUndefined();
    expect(await limiter.count(limit, 'a@example.org', '203.0.113.1')).toBe(4);
    await limiter.clear(limit, 'a@example.org', '203.0.113.1');
    expect(await limiter.count(limit, 'a@example.org', '203.0.113.1')).toBe(0);
    await expect(limiter.consume(limit, 'a@example.org', '203.0.113.1')).resolves.toBeUndefined();
  });

  it('a window is fixed: hits do not extend it, and the key is free again when it ends', async () => {
    const short: AttemptLimit = { name: 'test.short', max: 1, windowMs: 1000 };
    const limiter = new AttemptLimiter(new MemoryAttemptStore(), logger);
    await limiter.consume(short, 'k');
    await expect(limiter.consume(short, 'k')).rejects.toMatchObject({ code: 'too_many_attempts' });
    await new Promise((r) => setTimeout(r, 1100));
    await expect(limiter.consume(short, 'k')).resolves.toBeUndefined();
  });

  it('with Redis unreachable, limits are still applied (counted in this process) and the outage is logged, never answered', async () => {
    const store = new RedisAttemptStore('redis://127.0.0.1:1', 'commons:limits:test', logger, 200);
    try {
      const warn = jest.fn();
      const limiter = new AttemptLimiter(store, { ...(logger as object), warn } as never);
      for (let i = 0; i < 3; i++) await limiter.consume(limit, 'b@example.org');
      await expect(limiter.consume(limit, 'b@example.org')).rejects.toMatchObject({ code: 'too_many_attempts' });
      expect(warn).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/rate-limit store unavailable/));
    } finally {
      await store.close();
    }
  });
});
