import { DomainError } from '@org/kernel';

/**
 * A sliding-window limit on attempts per key (an email, an address), kept in memory per API
 * process. With several API processes each keeps its own window: the effective limit is
 * multiplied by the number of processes, which is still a brake on guessing.
 */
export class AttemptLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  check(key: string, now: number): void {
    const fresh = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (fresh.length >= this.max) {
      const retryAfter = Math.ceil((this.windowMs - (now - fresh[0])) / 1000);
      throw new DomainError('rate_limited', 'too_many_attempts', `Too many attempts. Wait ${retryAfter} seconds and try again.`, { retryAfterSeconds: retryAfter });
    }
    fresh.push(now);
    this.hits.set(key, fresh);
    if (this.hits.size > 100_000) this.prune(now);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [k, v] of this.hits) if (v.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
  }
}
