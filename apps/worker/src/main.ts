import 'reflect-metadata';
import { ConfigError, createLogger, loadConfig, type AppConfig } from '@org/platform';
import { loadNotificationSettings, NotificationsRuntime } from '@org/notifications';
import { createWorker } from './bootstrap';

/**
 * The notifications worker. Start it once or many times, on any machine that reaches the same
 * PostgreSQL (and Redis): claims are safe between workers, and a killed worker's messages come
 * back when its lease ends.
 *
 * - With REDIS_URL: consumes the email queue (and also hands due outbox rows to the queue).
 * - Without REDIS_URL but with DATABASE_URL: sends straight from the outbox, like the API does.
 * - With neither: refuses to start — the embedded database lives inside the API process, which
 *   sends mail itself.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    loadNotificationSettings(config.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.logLevel === 'silent' ? 'silent' : config.logLevel, 'commons-worker');
  if (!config.redisUrl && !config.databaseUrl) {
    console.error(
      'The worker needs REDIS_URL (to consume the email queue) or DATABASE_URL (to send from the outbox of a real PostgreSQL). ' +
        'With the embedded database there is nothing to start: the API sends the mail itself.',
    );
    process.exit(1);
  }
  const app = await createWorker({ config });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const runtime = app.get(NotificationsRuntime);
  log.info({ pid: process.pid, ...runtime.mode }, 'worker ready');
}

main().catch((e) => {
  console.error('The worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
