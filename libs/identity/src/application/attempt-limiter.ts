import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { LOGGER, type Logger } from '@org/platform';

/** How many hits a key has in its current window, and when that window ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/**
 * Where attempt counts are kept: this process's memory (the embedded default), or Redis shared by
 * every API process (`REDIS_URL`). Fixed windows: the first hit of a key starts its window, later
 * hits never extend it, so a key hammered without pause is still free again when its window ends.
 */
export abstract class AttemptStore {
  /** Counts one hit on `key` (atomically) and answers the window's count after it. */
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The current count without counting (0 when the window has ended). */
  abstract peek(key: string): Promise<WindowCount>;
  abstract reset(key: string): Promise<void>;
}

/** A limit on one kind of attempt: at most `max` per `windowMs` for one key. */
export interface AttemptLimit {
  /** A short stable name, part of the stored key (`login.pair`, `application.client`…). */
  name: string;
  max: number;
  windowMs: number;
}

export const RATE_LIMITED_CODE = 'too_many_attempts';

/** The platform's 429: the error shape, with `details.retryAfterSeconds` (also sent as `Retry-After`). */
export function tooManyAttempts(retryAfterSeconds: number): DomainError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new DomainError('rate_limited', RATE_LIMITED_CODE, `Too many attempts. Wait ${s} seconds and try again.`, { retryAfterSeconds: s });
}

/**
 * The one rate limiter of the platform (sign-in, password reset, membership applications):
 * limits per key over a store. Keys are hashed before they are stored, so the store never holds
 * an e-mail address or a client address in clear. When the store fails (Redis away), the limiter
 * falls back to this process's memory and logs it, rather than refusing every sign-in.
 */
@Injectable()
export class AttemptLimiter {
  private readonly fallback = new MemoryAttemptStore();
  private lastWarning = 0;

  constructor(
    private readonly store: AttemptStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Counts one attempt; refuses it (429) when it is over the limit. */
  async consume(limit: AttemptLimit, ...keyParts: string[]): Promise<void> {
    const c = await this.use((s) => s.hit(this.key(limit, keyParts), limit.windowMs));
    if (c.count > limit.max) throw tooManyAttempts(c.resetInMs / 1000);
  }

  /** Counts one attempt and says whether it is over the limit (for callers that answer the same either way). */
  async exceeded(limit: AttemptLimit, ...keyParts: string[]): Promise<boolean> {
    const c = await this.use((s) => s.hit(this.key(limit, keyParts), limit.windowMs));
    return c.count > limit.max;
  }

  /** The attempts counted so far in the current window. */
  async count(limit: AttemptLimit, ...keyParts: string[]): Promise<number> {
    return (await this.use((s) => s.peek(this.key(limit, keyParts)))).count;
  }

  /** Counts one attempt without refusing anything (e.g. a failed sign-in for the global brake). */
  async record(limit: AttemptLimit, ...keyParts: string[]): Promise<number> {
    return (await this.use((s) => s.hit(this.key(limit, keyParts), limit.windowMs))).count;
  }

  async clear(limit: AttemptLimit, ...keyParts: string[]): Promise<void> {
    await this.use((s) => s.reset(this.key(limit, keyParts)));
  }

  private key(limit: AttemptLimit, parts: string[]): string {
    const digest = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('base64url').slice(0, 22);
    return `${limit.name}:${digest}`;
  }

  private async use<T>(op: (s: AttemptStore) => Promise<T>): Promise<T> {
    try {
      return await op(this.store);
    } catch (e) {
      const now = Date.now();
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        this.logger.warn({ err: (e as Error)?.message }, 'rate-limit store unavailable: limits are counted in this process until it is back');
      }
      return op(this.fallback);
    }
  }
}

/** Counts in this process's memory (the embedded default, and the fallback when Redis is away). */
export class MemoryAttemptStore extends AttemptStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      w = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.prune(now);
    }
    w.count += 1;
    return { count: w.count, resetInMs: w.endsAt - now };
  }

  async peek(key: string): Promise<WindowCount> {
    const now = Date.now();
    const w = this.windows.get(key);
    return w && w.endsAt > now ? { count: w.count, resetInMs: w.endsAt - now } : { count: 0, resetInMs: 0 };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
  }
}
