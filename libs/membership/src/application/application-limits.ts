import type { AttemptLimit } from '@org/identity';
import { envDuration, envInteger, type Env } from '@org/platform';

/**
 * Limits on public membership applications, read once at boot (a bad value stops the process
 * with a message naming the variable). Defaults in brackets.
 *
 * - `RATE_LIMIT_APPLICATION_PER_CLIENT` [10] applications per hour from one client address;
 * - `RATE_LIMIT_APPLICATION_PER_EMAIL` [3] applications per hour for one e-mail address (so
 *   nobody floods a mailbox with confirmation links);
 * beyond either, 429 with `Retry-After`. Counted in Redis when `REDIS_URL` is set.
 * - `APPLICATION_CONFIRM_HOURS` [48]: how long the confirmation link works; an application not
 *   confirmed by then is discarded.
 * - `APPLICATION_CLEANUP_MINUTES` [60; 0 in tests]: how often expired unconfirmed applications are
 *   deleted (`PendingApplicationsScheduler`); 0 turns the timer off (each new application still
 *   deletes them).
 */
export interface ApplicationLimits {
  perClient: AttemptLimit;
  perEmail: AttemptLimit;
  confirmHours: number;
  cleanupMinutes: number;
}

export const APPLICATION_LIMITS = Symbol('APPLICATION_LIMITS');

const HOUR = 3_600_000;

/** From the platform's `AppConfig.env` (bound in `MembershipModule`). */
export function loadApplicationLimits(env: Env): ApplicationLimits {
  return {
    perClient: { name: 'application.client', max: envInteger(env, 'RATE_LIMIT_APPLICATION_PER_CLIENT', 10, { min: 1, max: 1_000_000 }), windowMs: HOUR },
    perEmail: { name: 'application.email', max: envInteger(env, 'RATE_LIMIT_APPLICATION_PER_EMAIL', 3, { min: 1, max: 1_000_000 }), windowMs: HOUR },
    confirmHours: envDuration(env, 'APPLICATION_CONFIRM_HOURS', 48, 'hours', { min: 1, max: 720 }),
    cleanupMinutes: envDuration(env, 'APPLICATION_CLEANUP_MINUTES', env.NODE_ENV === 'test' ? 0 : 60, 'minutes', { min: 0, max: 24 * 60 }),
  };
}
