import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Clock, DISCIPLINE_CONNECTION, LOGGER, type Logger } from '@org/platform';
import { EmailQueue } from '../application/email-queue.port';
import { MailTransport } from '../application/mail-transport.port';
import { MessageDelivery } from '../application/message-delivery';
import { RESOLVED_NOTIFICATION_SETTINGS, type NotificationSettings } from '../application/notification-settings';
import { DirectDispatcher, QueueDispatcher } from '../application/outbox-dispatchers';
import { OutboxSignal } from '../application/outbox-signal';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber';
import { OutboxRepository } from '../application/ports/outbox.repository';

export type NotificationsRole = 'api' | 'worker';
export const NOTIFICATIONS_ROLE = Symbol('NOTIFICATIONS_ROLE');

/**
 * Starts and stops what runs in the background of this process:
 * - no Redis: the in-process dispatcher that sends straight from the outbox;
 * - Redis: the dispatcher that hands rows to the queue, and (in a worker) the queue consumer;
 * - always: the commit hook that nudges the dispatcher after a transaction wrote outbox rows.
 */
@Injectable()
export class NotificationsRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private dispatcher: DirectDispatcher | QueueDispatcher | null = null;
  private readonly subscriber: OutboxCommitSubscriber;
  private readonly consumerOwner = `worker:${randomUUID()}`;
  private readonly dataSources: DataSource[];

  constructor(
    @Inject(NOTIFICATIONS_ROLE) private readonly role: NotificationsRole,
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @InjectDataSource(DISCIPLINE_CONNECTION) disciplineDs: DataSource | undefined,
    private readonly repo: OutboxRepository,
    private readonly delivery: MessageDelivery,
    private readonly transport: MailTransport,
    private readonly signal: OutboxSignal,
    private readonly clock: Clock,
    @Inject(RESOLVED_NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() private readonly queue?: EmailQueue,
  ) {
    this.subscriber = new OutboxCommitSubscriber(signal);
    this.dataSources = [ds, ...(disciplineDs && disciplineDs !== ds ? [disciplineDs] : [])];
  }

  /** What runs here, for logs and tests. */
  get mode(): { transport: string; queue: boolean; dispatcher: string | null; consuming: boolean } {
    return {
      transport: this.transport.kind,
      queue: !!this.queue,
      dispatcher: this.dispatcher ? (this.dispatcher instanceof QueueDispatcher ? 'queue' : 'direct') : null,
      consuming: this.role === 'worker' && !!this.queue,
    };
  }

  onApplicationBootstrap(): void {
    for (const ds of this.dataSources) (ds.subscribers as unknown as OutboxCommitSubscriber[]).push(this.subscriber);
    if (this.settings.dispatch) {
      this.dispatcher = this.queue
        ? new QueueDispatcher(() => this.ds.manager, this.repo, this.queue, this.clock, this.settings, this.logger, this.signal)
        : new DirectDispatcher(() => this.ds.manager, this.repo, this.delivery, this.clock, this.settings, this.logger, this.signal);
      this.dispatcher.start();
    }
    if (this.role === 'worker' && this.queue) {
      this.queue.consume(this.settings.concurrency, async (outboxId) => {
        await this.delivery.deliverById(outboxId, this.consumerOwner);
      });
    }
    this.logger.info({ role: this.role, ...this.mode }, 'notifications running');
  }

  /** Wakes the dispatcher now (tests, and anything that knows rows are due). */
  nudge(): void {
    this.signal.raise();
  }

  async onModuleDestroy(): Promise<void> {
    for (const ds of this.dataSources) {
      const list = ds.subscribers as unknown as OutboxCommitSubscriber[];
      const i = list.indexOf(this.subscriber);
      if (i >= 0) list.splice(i, 1);
    }
    await this.dispatcher?.stop();
    this.dispatcher = null;
    await this.queue?.close();
    await this.transport.close();
  }
}
