import { randomUUID } from 'node:crypto';
import type { Tx } from '@org/platform';
import type { Logger } from '@org/platform';
import type { Clock } from '@org/platform';
import type { OutboxRepository } from './ports/outbox.repository';
import type { EmailQueue } from './email-queue.port';
import type { MessageDelivery } from './message-delivery';
import type { NotificationSettings } from './notification-settings';
import type { OutboxSignal } from './outbox-signal';

/** A background loop that wakes on a nudge or after `pollMs`, and stops cleanly. */
abstract class Loop {
  private running = false;
  /** Counts nudges; the loop skips its sleep when one arrived during the round. */
  private nudges = 0;
  private readonly sleepers = new Set<() => void>();
  private done: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastErrorLog = 0;

  constructor(
    protected readonly logger: Logger,
    protected readonly pollMs: number,
    private readonly signal: OutboxSignal,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.signal.subscribe(() => this.nudge());
    this.done = this.loop();
  }

  nudge(): void {
    this.nudges++;
    for (const wake of [...this.sleepers]) wake();
  }

  get isRunning(): boolean {
    return this.running;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    for (const wake of [...this.sleepers]) wake();
    await this.done;
    await this.drain();
  }

  /** One round: returns true when there may be more to do right away. */
  protected abstract round(): Promise<boolean>;
  protected async drain(): Promise<void> {}

  /** Waits `ms`, or less if nudged (or if a nudge came since `since`), or until stopped. */
  protected sleep(ms: number, since = this.nudges): Promise<void> {
    if (this.nudges !== since || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref?.();
      this.sleepers.add(wake);
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const seen = this.nudges;
      let more = false;
      try {
        more = await this.round();
      } catch (e) {
        const now = Date.now();
        if (now - this.lastErrorLog > 30_000) {
          this.lastErrorLog = now;
          this.logger.warn({ err: { message: (e as Error).message?.slice(0, 300) } }, `${this.constructor.name}: round failed; will retry`);
        }
      }
      if (!this.running) break;
      if (!more) await this.sleep(this.pollMs, seen);
    }
  }
}

/**
 * The embedded default (no REDIS_URL): sends straight from the outbox, up to `concurrency`
 * messages at once. Several processes may run one on the same database (real PostgreSQL):
 * claims use `FOR UPDATE SKIP LOCKED` and leases.
 */
export class DirectDispatcher extends Loop {
  readonly owner = `direct:${randomUUID()}`;
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly manager: () => Tx,
    private readonly repo: OutboxRepository,
    private readonly delivery: MessageDelivery,
    private readonly clock: Clock,
    private readonly settings: NotificationSettings,
    logger: Logger,
    signal: OutboxSignal,
  ) {
    super(logger, settings.pollMs, signal);
  }

  protected async round(): Promise<boolean> {
    const free = this.settings.concurrency - this.inFlight.size;
    if (free <= 0) {
      await Promise.race(this.inFlight);
      return true;
    }
    const now = this.clock.now();
    const rows = await this.repo.claimDue(this.manager(), { owner: this.owner, now, leaseUntil: new Date(now.getTime() + this.settings.leaseMs), limit: free, countAttempt: true });
    for (const row of rows) {
      const p: Promise<unknown> = this.delivery
        .deliver(row, this.owner)
        .catch((e) => this.logger.error({ outboxId: row.id, err: { message: (e as Error).message?.slice(0, 300) } }, 'delivery crashed; the row comes back when its lease ends'))
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
    if (rows.length > 0) return true;
    if (this.inFlight.size > 0) {
      // Nothing due now: wait for a send to finish (it may schedule a retry) or for a nudge.
      await Promise.race([Promise.race(this.inFlight), this.sleep(this.pollMs)]);
      return true;
    }
    return false;
  }

  protected override async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}

/**
 * With REDIS_URL: hands due rows to the queue (job = row id only). A row handed over is leased
 * to the queue for `queueLeaseMs`; if no worker took it by then (Redis lost it, no worker ran),
 * it is handed over again. When Redis is down the round is skipped — the outbox simply grows —
 * and a failed hand-over gives the rows back at once.
 */
export class QueueDispatcher extends Loop {
  readonly owner = `queue:${randomUUID()}`;

  constructor(
    private readonly manager: () => Tx,
    private readonly repo: OutboxRepository,
    private readonly queue: EmailQueue,
    private readonly clock: Clock,
    private readonly settings: NotificationSettings,
    logger: Logger,
    signal: OutboxSignal,
  ) {
    super(logger, settings.pollMs, signal);
  }

  protected async round(): Promise<boolean> {
    if (!this.queue.connected) return false;
    const now = this.clock.now();
    const rows = await this.repo.claimDue(this.manager(), {
      owner: this.owner,
      now,
      leaseUntil: new Date(now.getTime() + this.settings.queueLeaseMs),
      limit: this.settings.queueBatch,
      countAttempt: false,
    });
    if (rows.length === 0) return false;
    try {
      await this.queue.add(rows.map((r) => ({ outboxId: r.id, attempts: r.attempts })));
    } catch (e) {
      await this.repo.release(this.manager(), rows.map((r) => r.id), this.owner);
      throw e;
    }
    return rows.length === this.settings.queueBatch;
  }
}
