import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { classifyDeliveryFailure, type DeliveryFailure } from '../domain/delivery-failure';
import { messageIdFor, messageIdHost } from '../domain/message-id';
import { NOTIFICATION_TYPES } from '../domain/notification-types';
import { nextStepAfterFailure } from '../domain/retry-policy';
import { organizationNameFrom, renderNotification, type TemplateContext } from '../domain/templates/notification-templates';
import { OrganizationLocaleSource } from './organization-locale.source';
import { OutboxRepository, type ClaimedMessage } from './ports/outbox.repository';
import { MailTransport, type OutgoingMail } from './mail-transport.port';
import { RESOLVED_NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

export type DeliveryOutcome = 'sent' | 'retry-scheduled' | 'failed' | 'lease-lost' | 'not-claimed';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one claimed outbox row and records what happened. The same rules whichever process
 * sends (the API's in-process dispatcher or a queue worker):
 * - the Message-ID is derived from the row id, so any resend is recognizably the same message;
 * - a temporary failure (connection, 4xx) goes back to pending with exponential backoff, until
 *   the attempt limit; a permanent one (5xx) fails the row at once; both are recorded on the row;
 * - a success is recorded whoever holds the lease by then, and secrets (a reset link) are
 *   scrubbed from the stored notice in the same statement.
 */
@Injectable()
export class MessageDelivery {
  private readonly ctx: Omit<TemplateContext, 'locale'>;
  private readonly host: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: OutboxRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(RESOLVED_NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly locales: OrganizationLocaleSource,
  ) {
    this.ctx = { publicUrl: config.publicUrl, organizationName: organizationNameFrom(config.mailFrom) };
    this.host = messageIdHost(config.mailFrom, config.publicUrl);
  }

  /** The email for a row, exactly as it is (re)sent every time. */
  async compose(row: ClaimedMessage): Promise<OutgoingMail> {
    const rendered = renderNotification(row.type, row.data as never, { ...this.ctx, locale: await this.locales.current() });
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
    if (!row.essential) headers['List-Unsubscribe'] = `<${this.config.publicUrl}/me/notification-preferences>`;
    return {
      messageId: messageIdFor(row.id, this.host),
      from: this.config.mailFrom,
      to: row.toAddress,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers,
    };
  }

  /** A queue worker's entry point: takes the row if it is still to be sent, then sends it. */
  async deliverById(outboxId: string, owner: string): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const row = await this.repo.claimForSending(this.ds.manager, { id: outboxId, owner, now, leaseUntil: new Date(now.getTime() + this.settings.leaseMs) });
    if (!row) return 'not-claimed';
    return this.deliver(row, owner);
  }

  async deliver(row: ClaimedMessage, owner: string): Promise<DeliveryOutcome> {
    const rule = NOTIFICATION_TYPES[row.type];
    let mail: OutgoingMail;
    try {
      mail = await this.compose(row);
    } catch (e) {
      // Stored data that can no longer be rendered (e.g. a scrubbed secret) will never work.
      return this.fail(row, owner, { kind: 'permanent', replyCode: null, reason: `cannot render: ${(e as Error).message}`.slice(0, 200) });
    }
    try {
      await this.transport.send(mail);
    } catch (e) {
      return this.fail(row, owner, classifyDeliveryFailure(e as object));
    }
    // The server has the message. Record it; if the database is briefly unavailable, try again
    // for a while — giving up here means the row comes back and the same Message-ID goes again.
    for (let i = 0; ; i++) {
      try {
        const changed = await this.repo.markSent(this.ds.manager, row.id, this.clock.now(), rule.secretKeys);
        this.logger.debug({ outboxId: row.id, type: row.type, attempts: row.attempts, recorded: changed }, 'notification sent');
        return 'sent';
      } catch (e) {
        if (i >= 4) {
          this.logger.error({ outboxId: row.id, err: { message: (e as Error).message } }, 'sent but could not record it; the message will be sent again with the same Message-ID');
          return 'lease-lost';
        }
        await sleep(250 * 2 ** i);
      }
    }
  }

  private async fail(row: ClaimedMessage, owner: string, failure: DeliveryFailure): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const step = nextStepAfterFailure(failure, row.attempts, this.settings.retry, now, Math.random());
    const log = { outboxId: row.id, type: row.type, attempts: row.attempts, replyCode: failure.replyCode, kind: failure.kind };
    if (step.kind === 'retry') {
      const ok = await this.repo.scheduleRetry(this.ds.manager, row.id, owner, step.at, failure);
      this.logger.warn({ ...log, retryAt: step.at.toISOString() }, 'notification not delivered; will retry');
      return ok ? 'retry-scheduled' : 'lease-lost';
    }
    const ok = await this.repo.markFailed(this.ds.manager, row.id, owner, now, failure, NOTIFICATION_TYPES[row.type].secretKeys);
    this.logger.warn({ ...log, reason: step.reason }, 'notification failed permanently (listed in dead letters)');
    return ok ? 'failed' : 'lease-lost';
  }
}
