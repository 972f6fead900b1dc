import * as path from 'node:path';
import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { DeadLettersController } from './api/dead-letters.controller';
import { MemberNotificationsController } from './api/member-notifications.controller';
import { OrganizationController } from './api/organization.controller';
import { DeadLettersService } from './application/dead-letters.service';
import { EmailQueue } from './application/email-queue.port';
import { MAIL_TRANSPORT_OVERRIDE, MailTransport } from './application/mail-transport.port';
import { MemberFeedService } from './application/member-feed.service';
import { MessageDelivery } from './application/message-delivery';
import { defaultQueueName, loadNotificationSettings, NOTIFICATION_SETTINGS, RESOLVED_NOTIFICATION_SETTINGS, type NotificationSettings } from './application/notification-settings';
import { NotificationPreferencesService } from './application/notification-preferences.service';
import { OutboxIdentityNotifier } from './application/outbox-identity-notifier';
import { OutboxInvitationNotifier } from './application/outbox-invitation-notifier';
import { OutboxSignal } from './application/outbox-signal';
import { Outbox } from './application/outbox.service';
import { BullEmailQueue } from './infrastructure/bull-email.queue';
import { FeedRepository } from './application/ports/feed.repository';
import { FeedSqlRepository } from './infrastructure/feed.sql-repository';
import { FileMailTransport } from './infrastructure/file-mail.transport';
import { NOTIFICATIONS_ROLE, NotificationsRuntime, type NotificationsRole } from './infrastructure/notifications.runtime';
import { OutboxRepository } from './application/ports/outbox.repository';
import { OutboxSqlRepository } from './infrastructure/outbox.sql-repository';
import { SmtpMailTransport } from './infrastructure/smtp-mail.transport';
import { OrganizationLocaleReader } from './application/ports/organization-locale.reader';
import { OrganizationLocaleSource } from './application/organization-locale.source';
import { OrganizationLocaleSqlReader } from './infrastructure/organization-locale.sql-reader';

export interface NotificationsModuleOptions {
  /**
   * The API's readiness-probe token: the module contributes a `redis` probe to it when Redis is
   * configured (passed in by the composing app, so this library does not import the app).
   */
  readinessProbesToken?: string | symbol;
  /** Replace parts of the settings (tests, benchmarks). */
  settings?: Partial<NotificationSettings>;
  /** Replace the mail transport (tests). */
  transport?: MailTransport;
}

function core(config: AppConfig, role: NotificationsRole, options: NotificationsModuleOptions): Provider[] {
  const providers: Provider[] = [
    { provide: NOTIFICATIONS_ROLE, useValue: role },
    {
      provide: RESOLVED_NOTIFICATION_SETTINGS,
      inject: [{ token: NOTIFICATION_SETTINGS, optional: true }],
      useFactory: (override?: Partial<NotificationSettings>) => loadNotificationSettings(config.env, { ...(options.settings ?? {}), ...(override ?? {}) }),
    },
    {
      provide: MailTransport,
      inject: [{ token: MAIL_TRANSPORT_OVERRIDE, optional: true }, RESOLVED_NOTIFICATION_SETTINGS, LOGGER],
      useFactory: (override: MailTransport | undefined, settings: NotificationSettings, logger: Logger) =>
        options.transport ??
        override ??
        (config.smtpUrl ? new SmtpMailTransport(config.smtpUrl, settings.concurrency, logger) : new FileMailTransport(path.join(config.dataDir, 'mail'), logger)),
    },
    { provide: OutboxRepository, useClass: OutboxSqlRepository },
    { provide: FeedRepository, useClass: FeedSqlRepository },
    { provide: OrganizationLocaleReader, useClass: OrganizationLocaleSqlReader },
    OrganizationLocaleSource,
    OutboxSignal,
    Outbox,
    MessageDelivery,
    NotificationsRuntime,
  ];
  if (config.redisUrl) {
    const redisUrl = config.redisUrl;
    providers.push({
      provide: EmailQueue,
      inject: [RESOLVED_NOTIFICATION_SETTINGS, LOGGER],
      useFactory: (settings: NotificationSettings, logger: Logger) => new BullEmailQueue(redisUrl, settings.queueName ?? defaultQueueName(config.databaseUrl), settings, logger),
    });
  }
  return providers;
}

/**
 * Notifications: the transactional outbox, delivery, the member feed and preferences.
 * `forApi` serves the routes and dispatches; `forWorker` dispatches and consumes the queue.
 * Global, so any context can inject `Outbox`.
 */
@Module({})
export class NotificationsModule {
  static forApi(config: AppConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [...core(config, 'api', options), MemberFeedService, NotificationPreferencesService, DeadLettersService, OutboxIdentityNotifier, OutboxInvitationNotifier];
    const exports: (string | symbol | Function)[] = [Outbox, OutboxIdentityNotifier, OutboxInvitationNotifier, NotificationsRuntime, MessageDelivery, OutboxRepository];
    if (options.readinessProbesToken) {
      providers.push({
        provide: options.readinessProbesToken,
        inject: [{ token: EmailQueue, optional: true }],
        useFactory: (queue?: EmailQueue) => (queue ? [{ name: 'redis', check: () => queue.ping() }] : []),
      });
      exports.push(options.readinessProbesToken);
    }
    return {
      module: NotificationsModule,
      global: true,
      controllers: [MemberNotificationsController, DeadLettersController, OrganizationController],
      providers,
      exports,
    };
  }

  static forWorker(config: AppConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: core(config, 'worker', options),
      exports: [Outbox, NotificationsRuntime, MessageDelivery, OutboxRepository],
    };
  }
}
