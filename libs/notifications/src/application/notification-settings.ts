import { ConfigError, envBoolean, envInteger, envString, type Env } from '@org/platform';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../domain/retry-policy';

/**
 * How delivery behaves. Read from the environment at boot (a bad value stops the process with a
 * message naming the variable); tests may replace any part through `NOTIFICATION_SETTINGS`.
 */
export interface NotificationSettings {
  retry: RetryPolicy;
  /** How long a sender holds a row while sending; a killed sender's rows come back after it. */
  leaseMs: number;
  /** How long a row handed to the queue waits for a worker before it is handed over again. */
  queueLeaseMs: number;
  /** How often a dispatcher looks for due rows when nothing nudged it. */
  pollMs: number;
  /** Messages sent at once by one process. */
  concurrency: number;
  /** Rows handed to the queue per round trip. */
  queueBatch: number;
  /** Members written per statement when a notice goes to an audience. */
  fanOutBatch: number;
  /** Whether this process runs a dispatcher (NOTIFY_DISPATCH=false leaves it to the workers). */
  dispatch: boolean;
  /** Every Redis command (add, ping) gives up after this long: requests and dispatchers never hang. */
  redisTimeoutMs: number;
  /** Bull: a job whose worker stopped renewing its lock for this long is run again. */
  queueLockMs: number;
  /**
   * The queue's name in Redis. Default: derived from the database name, so deployments (and
   * test databases) sharing one Redis never take each other's jobs.
   */
  queueName: string | null;
}

/** Partial settings that tests (or an embedding app) bind to replace the environment's. */
export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
/** The settings in force (environment + override), provided by the module. */
export const RESOLVED_NOTIFICATION_SETTINGS = Symbol('RESOLVED_NOTIFICATION_SETTINGS');

const int = (env: Env, name: string, dflt: number, min: number, max: number): number => envInteger(env, name, dflt, { min, max });

/** From the platform's `AppConfig.env` (bound in `NotificationsModule`; the worker passes its own). */
export function loadNotificationSettings(env: Env, override: Partial<NotificationSettings> = {}): NotificationSettings {
  const settings: NotificationSettings = {
    retry: {
      maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1, 100),
      baseDelayMs: int(env, 'NOTIFY_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 10, 86_400_000),
      maxDelayMs: int(env, 'NOTIFY_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxDelayMs, 10, 7 * 86_400_000),
    },
    leaseMs: int(env, 'NOTIFY_LEASE_MS', 120_000, 500, 3_600_000),
    queueLeaseMs: int(env, 'NOTIFY_QUEUE_LEASE_MS', 300_000, 500, 86_400_000),
    pollMs: int(env, 'NOTIFY_POLL_MS', 2_000, 10, 600_000),
    concurrency: int(env, 'NOTIFY_CONCURRENCY', 4, 1, 100),
    queueBatch: int(env, 'NOTIFY_QUEUE_BATCH', 500, 1, 10_000),
    fanOutBatch: int(env, 'NOTIFY_FANOUT_BATCH', 5_000, 1, 100_000),
    dispatch: envBoolean(env, 'NOTIFY_DISPATCH', true),
    redisTimeoutMs: int(env, 'NOTIFY_REDIS_TIMEOUT_MS', 1_500, 50, 60_000),
    queueLockMs: int(env, 'NOTIFY_QUEUE_LOCK_MS', 30_000, 500, 600_000),
    queueName: envString(env, 'NOTIFY_QUEUE_NAME') ?? null,
    ...override,
  };
  settings.retry = { ...settings.retry, ...(override.retry ?? {}) };
  if (settings.retry.maxDelayMs < settings.retry.baseDelayMs) {
    throw new ConfigError('NOTIFY_RETRY_MAX_MS', `must not be below NOTIFY_RETRY_BASE_MS (${settings.retry.baseDelayMs})`);
  }
  return settings;
}

/** The default queue name: one queue per database, so a shared Redis keeps deployments apart. */
export function defaultQueueName(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'notifications-email:embedded';
  try {
    const u = new URL(databaseUrl);
    return `notifications-email:${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'notifications-email';
  }
}
