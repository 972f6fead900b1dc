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

export class DuesConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'DuesConfigError';
  }
}

export function loadDuesConfig(env: Record<string, string | undefined> = process.env): DuesConfig {
  const interval = env.STANDING_JOB_INTERVAL_MINUTES ?? '60';
  if (!/^\d+$/.test(interval) || Number(interval) > 7 * 24 * 60) throw new DuesConfigError('STANDING_JOB_INTERVAL_MINUTES', `must be a whole number of minutes (0 disables), got "${interval}"`);
  const max = env.DUES_CSV_MAX_BYTES ?? String(16 * 1024 * 1024);
  if (!/^\d+$/.test(max) || Number(max) < 1024) throw new DuesConfigError('DUES_CSV_MAX_BYTES', `must be a whole number of bytes ≥ 1024, got "${max}"`);
  return { standingJobIntervalMinutes: env.NODE_ENV === 'test' ? 0 : Number(interval), csvMaxBytes: Number(max) };
}

export const DUES_CONFIG = Symbol('DUES_CONFIG');
