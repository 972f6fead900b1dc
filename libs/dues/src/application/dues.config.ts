import { envDuration, envInteger, type Env } from '@org/platform';

/**
 * - `STANDING_JOB_INTERVAL_MINUTES` (default 60; 0 disables; always disabled when NODE_ENV=test):
 *   how often the in-process scheduler checks whether today's standing run has happened. The job
 *   itself runs at most once per day unless asked for through the route.
 * - `DUES_CSV_MAX_BYTES` (default 16 MiB): the largest bank CSV accepted.
 */
export interface DuesConfig {
  standingJobIntervalMinutes: number;
  csvMaxBytes: number;
}

/** From the platform's `AppConfig.env` (bound in `DuesModule`). */
export function loadDuesConfig(env: Env): DuesConfig {
  const interval = envDuration(env, 'STANDING_JOB_INTERVAL_MINUTES', 60, 'minutes', { min: 0, max: 7 * 24 * 60, hint: '0 disables' });
  const csvMaxBytes = envInteger(env, 'DUES_CSV_MAX_BYTES', 16 * 1024 * 1024, { min: 1024, unit: 'bytes' });
  return { standingJobIntervalMinutes: env.NODE_ENV === 'test' ? 0 : interval, csvMaxBytes };
}

export const DUES_CONFIG = Symbol('DUES_CONFIG');
