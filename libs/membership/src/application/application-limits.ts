import { limitFromEnv, type AttemptLimit } from '@org/identity';

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

export function loadApplicationLimits(env: Record<string, string | undefined> = process.env): ApplicationLimits {
  return {
    perClient: { name: 'application.client', max: limitFromEnv(env, 'RATE_LIMIT_APPLICATION_PER_CLIENT', 10), windowMs: HOUR },
    perEmail: { name: 'application.email', max: limitFromEnv(env, 'RATE_LIMIT_APPLICATION_PER_EMAIL', 3), windowMs: HOUR },
    confirmHours: limitFromEnv(env, 'APPLICATION_CONFIRM_HOURS', 48, 1, 720),
    cleanupMinutes: limitFromEnv(env, 'APPLICATION_CLEANUP_MINUTES', env.NODE_ENV === 'test' ? 0 : 60, 0, 24 * 60),
  };
}
