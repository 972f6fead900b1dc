import fc from 'fast-check';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, nextStepAfterFailure, type RetryPolicy } from './retry-policy';

const policyArb = fc
  .record({ maxAttempts: fc.integer({ min: 1, max: 30 }), baseDelayMs: fc.integer({ min: 10, max: 120_000 }), maxDelay: fc.integer({ min: 0, max: 10_000_000 }) })
  .map((p): RetryPolicy => ({ maxAttempts: p.maxAttempts, baseDelayMs: p.baseDelayMs, maxDelayMs: p.baseDelayMs + p.maxDelay }));

describe('retry policy', () => {
  it('doubles from the base, within ±20 % jitter, never above the cap', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (p, attempt, r) => {
        const d = backoffDelayMs(attempt, p, r);
        const nominal = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1));
        expect(d).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8) - 1);
        expect(d).toBeLessThanOrEqual(Math.min(p.maxDelayMs, Math.ceil(nominal * 1.2) + 1));
      }),
    );
  });

  it('never waits less after a later attempt (same jitter draw)', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (p, attempt, r) => {
        expect(backoffDelayMs(attempt + 1, p, r)).toBeGreaterThanOrEqual(backoffDelayMs(attempt, p, r));
      }),
    );
  });

  it('the defaults: 30 s, 1 min, 2 min … capped at one hour, ten attempts', () => {
    expect([1, 2, 3, 8, 9].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, 0.5))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(10);
  });

  it('gives up at once on a permanent failure, after the limit on a temporary one, and retries otherwise', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 40 }), fc.constantFrom<'transient' | 'permanent'>('transient', 'permanent'), (p, attempts, kind) => {
        const step = nextStepAfterFailure({ kind, replyCode: null, reason: 'x' }, attempts, p, now, 0.5);
        if (kind === 'permanent') expect(step).toEqual({ kind: 'give-up', reason: 'permanent' });
        else if (attempts >= p.maxAttempts) expect(step).toEqual({ kind: 'give-up', reason: 'attempts-exhausted' });
        else {
          expect(step.kind).toBe('retry');
          if (step.kind === 'retry') expect(step.at.getTime()).toBe(now.getTime() + backoffDelayMs(attempts, p, 0.5));
        }
      }),
    );
  });
});
