import type { DeliveryFailure } from './delivery-failure';

export interface RetryPolicy {
  /** Attempts in all, the first one included; then the message fails for good. */
  maxAttempts: number;
  /** Delay before the second attempt; it doubles each time … */
  baseDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * Exponential backoff: base · 2^(attempt−1), capped, with ±20 % jitter so that a burst of
 * failures does not come back as a burst. `random` is in [0, 1).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: number): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 40));
  const jitter = 0.8 + 0.4 * Math.min(Math.max(random, 0), 1);
  return Math.max(1, Math.round(Math.min(policy.maxDelayMs, exp * jitter)));
}

export type NextStep = { kind: 'retry'; at: Date } | { kind: 'give-up'; reason: 'permanent' | 'attempts-exhausted' };

/** After attempt number `attempts` failed: try again later, or fail for good. */
export function nextStepAfterFailure(failure: DeliveryFailure, attempts: number, policy: RetryPolicy, now: Date, random: number): NextStep {
  if (failure.kind === 'permanent') return { kind: 'give-up', reason: 'permanent' };
  if (attempts >= policy.maxAttempts) return { kind: 'give-up', reason: 'attempts-exhausted' };
  return { kind: 'retry', at: new Date(now.getTime() + backoffDelayMs(attempts, policy, random)) };
}
