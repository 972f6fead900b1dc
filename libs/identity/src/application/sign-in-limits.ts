import { envDuration, envInteger, type Env } from '@org/platform';
import type { AttemptLimit } from './attempt-limiter';

/**
 * The sign-in and password-reset limits, read once from the environment at boot (a bad value
 * stops the process with a message naming the variable). Defaults in brackets.
 *
 * Sign-in: failed attempts are limited per client address (`RATE_LIMIT_LOGIN_PER_CLIENT` [100]
 * per 15 minutes; successful sign-ins do not count, so a hall of members behind one address all
 * get in) and every attempt per (account, client) pair (`RATE_LIMIT_LOGIN_PER_ACCOUNT_CLIENT` [10] per 15
 * minutes, cleared by a successful sign-in): nobody can lock a member out from another address.
 * Against guessing from many addresses, a global brake: when more than
 * `RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE` [300] sign-ins failed in the current minute, across
 * everyone, every sign-in waits `RATE_LIMIT_LOGIN_BRAKE_MS` [1000] ms before it is checked —
 * slower, never refused.
 *
 * Password reset: per client (`RATE_LIMIT_RESET_PER_CLIENT` [20] per hour, answered 429) and per
 * address asked for (`RATE_LIMIT_RESET_PER_EMAIL` [5] per hour: beyond it no more mail is sent,
 * and the answer stays the same, so the limit neither floods a mailbox nor tells whether an
 * account exists).
 */
export interface SignInLimits {
  loginPerClient: AttemptLimit;
  loginPerAccountClient: AttemptLimit;
  loginFailuresPerMinute: AttemptLimit;
  loginBrakeMs: number;
  resetPerClient: AttemptLimit;
  resetPerEmail: AttemptLimit;
}

export const SIGN_IN_LIMITS = Symbol('SIGN_IN_LIMITS');

const MINUTE = 60_000;

/** A number of attempts: at least 1 (the platform's `envInteger`, bounds as they always were). */
const attempts = (env: Env, name: string, dflt: number) => envInteger(env, name, dflt, { min: 1, max: 1_000_000 });

/** From the platform's `AppConfig.env` (bound in `IdentityModule`). */
export function loadSignInLimits(env: Env): SignInLimits {
  return {
    loginPerClient: { name: 'login.client', max: attempts(env, 'RATE_LIMIT_LOGIN_PER_CLIENT', 100), windowMs: 15 * MINUTE },
    loginPerAccountClient: { name: 'login.pair', max: attempts(env, 'RATE_LIMIT_LOGIN_PER_ACCOUNT_CLIENT', 10), windowMs: 15 * MINUTE },
    loginFailuresPerMinute: { name: 'login.failures', max: attempts(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE', 300), windowMs: MINUTE },
    loginBrakeMs: envDuration(env, 'RATE_LIMIT_LOGIN_BRAKE_MS', 1000, 'milliseconds', { min: 0, max: 10_000 }),
    resetPerClient: { name: 'reset.client', max: attempts(env, 'RATE_LIMIT_RESET_PER_CLIENT', 20), windowMs: 60 * MINUTE },
    resetPerEmail: { name: 'reset.email', max: attempts(env, 'RATE_LIMIT_RESET_PER_EMAIL', 5), windowMs: 60 * MINUTE },
  };
}
