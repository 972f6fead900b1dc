import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@org/kernel';
import { LOGGER, type Logger } from '@org/platform';

/** How many hits a key has in its current window, and when that window ends. */
export interface WindowCount {
  count: number;
  resetInMs: number;
}

/**
 * Where attempt counts are kept: this process's memory (the embedded default), or Redis shared by
 * every API process (`REDIS_URL`). Both are the `rate-limiter-flexible` library's stores. Fixed
 * windows: the first hit of a key starts its window, later hits never extend it, so a key hammered
 * without pause is still free again when its window ends.
 */
export abstract class AttemptStore {
  /** Counts one hit on `key` (atomically) and answers the window's count after it. */
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The current count without counting (0 when the window has ended). */
  abstract peek(key: string, windowMs: number): Promise<WindowCount>;
  abstract reset(key: string, windowMs: number): Promise<void>;
}

/**
 * An `AttemptStore` over `rate-limiter-flexible` limiters, one per window length (the limit's
 * `max` is applied by `AttemptLimiter`, so the library only counts: `penalty` adds a hit, `get`
 * reads, `delete` clears).
 */
export abstract class LibraryAttemptStore extends AttemptStore {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  protected abstract makeLimiter(durationSeconds: number): RateLimiterAbstract;

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return counted(await this.limiter(windowMs).penalty(key, 1));
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    const r = await this.limiter(windowMs).get(key);
    return r ? counted(r) : { count: 0, resetInMs: 0 };
  }

  async reset(key: string, windowMs: number): Promise<void> {
    await this.limiter(windowMs).delete(key);
  }

  private limiter(windowMs: number): RateLimiterAbstract {
    const seconds = Math.max(1, Math.ceil(windowMs / 1000));
    let l = this.limiters.get(seconds);
    if (!l) {
      l = this.makeLimiter(seconds);
      this.limiters.set(seconds, l);
    }
    return l;
  }
}

const counted = (r: RateLimiterRes): WindowCount => ({ count: r.consumedPoints, resetInMs: Math.max(0, r.msBeforeNext) });

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

  /** Refuses (429) when the attempts already counted reach the limit, without counting this one. */
  async assertUnder(limit: AttemptLimit, ...keyParts: string[]): Promise<void> {
    const c = await this.use((s) => s.peek(this.key(limit, keyParts), limit.windowMs));
    if (c.count >= limit.max) throw tooManyAttempts(c.resetInMs / 1000);
  }

  /** Counts one attempt and says whether it is over the limit (for callers that answer the same either way). */
  async exceeded(limit: AttemptLimit, ...keyParts: string[]): Promise<boolean> {
    const c = await this.use((s) => s.hit(this.key(limit, keyParts), limit.windowMs));
    return c.count > limit.max;
  }

  /** The attempts counted so far in the current window. */
  async count(limit: AttemptLimit, ...keyParts: string[]): Promise<number> {
    return (await this.use((s) => s.peek(this.key(limit, keyParts), limit.windowMs))).count;
  }

  /** Counts one attempt without refusing anything (e.g. a failed sign-in for the global brake). */
  async record(limit: AttemptLimit, ...keyParts: string[]): Promise<number> {
    return (await this.use((s) => s.hit(this.key(limit, keyParts), limit.windowMs))).count;
  }

  async clear(limit: AttemptLimit, ...keyParts: string[]): Promise<void> {
    await this.use((s) => s.reset(this.key(limit, keyParts), limit.windowMs));
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
export class MemoryAttemptStore extends LibraryAttemptStore {
  protected makeLimiter(durationSeconds: number): RateLimiterAbstract {
    return new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: durationSeconds });
  }
}
