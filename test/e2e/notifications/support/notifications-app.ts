import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_SETTINGS, NotificationsRuntime, Outbox, type MailTransport, type NotificationSettings } from '@org/notifications';
import { SystemClock, type AppConfig } from '@org/platform';
import { createApp } from '../../../../apps/api/src/bootstrap';
import { createWorker } from '../../../../apps/worker/src/bootstrap';
import { Factories } from '../../../support/factories';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { redisServerAvailable, ThrowawayRedis } from './throwaway-redis';

export type DeliveryMode = 'direct' | 'queue';

/** Short timings so that retries and leases play out within a test. */
export const FAST: Partial<NotificationSettings> = {
  retry: { maxAttempts: 4, baseDelayMs: 150, maxDelayMs: 600 },
  leaseMs: 2_500,
  queueLeaseMs: 2_500,
  pollMs: 100,
  redisTimeoutMs: 500,
  queueLockMs: 2_000,
};

/**
 * Where queue-mode tests get Redis: REDIS_URL when set (CI), else a throwaway redis-server of
 * this file's own when the Debian binary exists, else nowhere (queue tests are then skipped,
 * saying why).
 */
export const queueRedisSource: 'env' | 'throwaway' | null = process.env.REDIS_URL ? 'env' : redisServerAvailable() ? 'throwaway' : null;
export const MODES: DeliveryMode[] = queueRedisSource ? ['direct', 'queue'] : ['direct'];
if (!queueRedisSource) {
  console.warn('notifications: queue-mode tests SKIPPED — REDIS_URL is not set and /usr/bin/redis-server is not installed (apt-get install redis-server).');
}

export class RedisForTests {
  private throwaway: ThrowawayRedis | null = null;
  url: string | null = null;
  async start(): Promise<string> {
    if (this.url) return this.url;
    if (queueRedisSource === 'env') this.url = process.env.REDIS_URL as string;
    else if (queueRedisSource === 'throwaway') {
      this.throwaway = await ThrowawayRedis.start();
      this.url = this.throwaway.url;
    } else throw new Error('No Redis available for queue-mode tests.');
    return this.url;
  }
  async close(): Promise<void> {
    await this.throwaway?.stop();
  }
}

export interface NotificationsTestApp {
  mode: DeliveryMode;
  app: NestFastifyApplication;
  db: TestDatabase;
  config: AppConfig;
  sink: SmtpSink;
  make: Factories;
  /** The app's own data source (its commits nudge the dispatcher). */
  ds: DataSource;
  outbox: Outbox;
  workers: INestApplicationContext[];
  /** The settings the app and its workers run with (queue name included). */
  settings: Partial<NotificationSettings> & { queueName: string };
  http: () => ReturnType<typeof request>;
  /** Starts one more in-process worker (queue mode: consumes the queue; direct: sends from the outbox). */
  startWorker(o?: { settings?: Partial<NotificationSettings>; transport?: MailTransport; redisUrl?: string | null }): Promise<INestApplicationContext>;
  counts(): Promise<{ pending: number; sent: number; failed: number; total: number }>;
  /** Writes one message in a transaction of the app's data source. */
  enqueue(message: Parameters<Outbox['enqueue']>[1]): Promise<Awaited<ReturnType<Outbox['enqueue']>>>;
  close(): Promise<void>;
}

export async function createNotificationsTestApp(o: {
  mode: DeliveryMode;
  redisUrl?: string | null;
  settings?: Partial<NotificationSettings>;
  /** Settings for the API only (e.g. `{ dispatch: false }`). */
  apiSettings?: Partial<NotificationSettings>;
  /** Queue mode: start one worker right away (default true). */
  worker?: boolean;
  sink?: SmtpSink;
  /** false: no SMTP_URL — the file transport writes .eml files (the embedded default). */
  smtp?: boolean;
}): Promise<NotificationsTestApp> {
  const sink = o.sink ?? (await startSmtpSink());
  let db: TestDatabase | null = null;
  let app: NestFastifyApplication | null = null;
  try {
    db = await createTestDatabase();
    return await build(o, sink, db, (a) => (app = a));
  } catch (e) {
    await (app as NestFastifyApplication | null)?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    if (!o.sink) await sink.close();
    throw e;
  }
}

async function build(
  o: Parameters<typeof createNotificationsTestApp>[0],
  sink: SmtpSink,
  db: TestDatabase,
  onApp: (app: NestFastifyApplication) => void,
): Promise<NotificationsTestApp> {
  if (o.mode === 'queue' && !o.redisUrl) throw new Error('queue mode needs a redisUrl');
  const config: AppConfig = { ...db.config, smtpUrl: o.smtp === false ? undefined : sink.url, redisUrl: o.mode === 'queue' ? (o.redisUrl as string) : undefined };
  const settings: Partial<NotificationSettings> & { queueName: string } = { ...FAST, ...(o.settings ?? {}), queueName: `notifications-test:${randomBytes(6).toString('hex')}` };
  const app = await createApp({
    config,
    embedded: db.embedded,
    clock: new SystemClock(),
    overrides: [{ provide: NOTIFICATION_SETTINGS, useValue: { ...settings, ...(o.apiSettings ?? {}) } }],
  });
  onApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const workers: INestApplicationContext[] = [];
  const ds = app.get<DataSource>(getDataSourceToken());
  const outbox = app.get(Outbox);
  const t: NotificationsTestApp = {
    mode: o.mode,
    app,
    db,
    config,
    sink,
    make: new Factories(db.dataSource, app),
    ds,
    outbox,
    workers,
    settings,
    http: () => request(app.getHttpServer()),
    async startWorker(w = {}) {
      const wconfig: AppConfig = { ...config, ...(w.redisUrl !== undefined ? { redisUrl: w.redisUrl ?? undefined } : {}) };
      const worker = await createWorker({ config: wconfig, embedded: db.embedded, settings: { ...settings, ...(w.settings ?? {}) }, transport: w.transport });
      workers.push(worker);
      return worker;
    },
    async counts() {
      const rows = await db.dataSource.query(`SELECT status, count(*)::int AS n FROM notifications.outbox GROUP BY status`);
      const by: Record<string, number> = { pending: 0, sent: 0, failed: 0 };
      for (const r of rows) by[r.status] = Number(r.n);
      return { pending: by.pending, sent: by.sent, failed: by.failed, total: by.pending + by.sent + by.failed };
    },
    enqueue(message) {
      return ds.transaction((m) => outbox.enqueue(m, message));
    },
    async close() {
      for (const w of workers.splice(0)) await w.close().catch(() => undefined);
      await app.close();
      await db.close();
      if (!o.sink) await sink.close();
    },
  };
  if (o.mode === 'queue' && o.worker !== false) await t.startWorker();
  return t;
}

/** The host part of Message-IDs for a test config. */
export const messageIdOf = (outboxId: string, config: AppConfig): string => {
  const host = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'localhost';
  return `<outbox-${outboxId}@${host}>`;
};

export { NotificationsRuntime, getDataSourceToken };
