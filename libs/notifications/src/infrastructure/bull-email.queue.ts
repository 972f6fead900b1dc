import Queue from 'bull';
import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '@org/platform';
import { EmailQueue, type EmailJob } from '../application/email-queue.port';
import type { NotificationSettings } from '../application/notification-settings';

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms (is Redis reachable?)`), { code: 'ETIMEDOUT' })), ms);
    t.unref?.();
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });

/**
 * The bull queue on Redis. The command connection never queues commands while Redis is away
 * (`enableOfflineQueue: false`, one retry, a command timeout): adding a job fails in
 * milliseconds instead of hanging, and the rows simply stay in the outbox. The blocking and
 * subscriber connections (which bull requires to retry forever) reconnect on their own; when
 * Redis is back, consumption resumes without a restart.
 */
export class BullEmailQueue extends EmailQueue {
  private readonly queue: Queue.Queue<{ outboxId: string }>;
  private readonly clients: Redis[] = [];
  private commandClient: Redis | null = null;
  private lastErrorLog = 0;
  private closed = false;

  constructor(redisUrl: string, queueName: string, private readonly settings: NotificationSettings, private readonly logger: Logger) {
    super();
    const base: RedisOptions = {
      connectTimeout: Math.max(1000, settings.redisTimeoutMs),
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
      lazyConnect: false,
    };
    this.queue = new Queue(queueName, {
      prefix: 'commons',
      createClient: (type) => {
        const client =
          type === 'client'
            ? new Redis(redisUrl, { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: settings.redisTimeoutMs, enableReadyCheck: true })
            : new Redis(redisUrl, { ...base, maxRetriesPerRequest: null, enableReadyCheck: false });
        client.on('error', (e) => this.logError(e));
        if (type === 'client') this.commandClient = client;
        this.clients.push(client);
        return client;
      },
      settings: {
        lockDuration: settings.queueLockMs,
        stalledInterval: settings.queueLockMs,
        maxStalledCount: 1,
        retryProcessDelay: 1000,
      } as Queue.AdvancedSettings,
      defaultJobOptions: { attempts: 1, removeOnComplete: true, removeOnFail: 1000 },
    });
    this.queue.on('error', (e) => this.logError(e));
  }

  get connected(): boolean {
    return !this.closed && this.commandClient?.status === 'ready';
  }

  async add(jobs: EmailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    if (!this.connected) throw Object.assign(new Error('Redis is not connected'), { code: 'ECONNREFUSED' });
    await withTimeout(
      this.queue.addBulk(jobs.map((j) => ({ data: { outboxId: j.outboxId }, opts: { jobId: `${j.outboxId}:${j.attempts}` } }))),
      this.settings.redisTimeoutMs * 2,
      'adding jobs to the email queue',
    );
  }

  consume(concurrency: number, handle: (outboxId: string) => Promise<void>): void {
    this.queue
      .process(concurrency, async (job) => {
        const id = job.data?.outboxId;
        if (typeof id !== 'string') return;
        await handle(id);
      })
      .catch((e) => {
        if (!this.closed) this.logError(e);
      });
  }

  async ping(): Promise<void> {
    const client = this.queue.client;
    await withTimeout(client.ping(), this.settings.redisTimeoutMs, 'Redis ping');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await withTimeout(this.queue.close(), 10_000, 'closing the email queue');
    } catch {
      // fall through: disconnect whatever is left
    }
    for (const c of this.clients) c.disconnect();
  }

  private logError(e: unknown): void {
    const now = Date.now();
    if (this.closed || now - this.lastErrorLog < 30_000) return;
    this.lastErrorLog = now;
    this.logger.warn({ err: { message: (e as Error)?.message?.slice(0, 200), code: (e as { code?: string })?.code } }, 'email queue: Redis unavailable; messages wait in the outbox');
  }
}
