export { NotificationsModule, type NotificationsModuleOptions } from './notifications.module';
export { Outbox, type EnqueueResult, type FanOutResult } from './application/outbox.service';
export { fanOutToMembers } from './infrastructure/fan-out-to-members';
export { OutboxIdentityNotifier } from './application/outbox-identity-notifier';
export { OutboxInvitationNotifier } from './application/outbox-invitation-notifier';
export { loadNotificationSettings, NOTIFICATION_SETTINGS, type NotificationSettings } from './application/notification-settings';
export { MailTransport, MAIL_TRANSPORT_OVERRIDE, type OutgoingMail, type SentMail } from './application/mail-transport.port';
export { NotificationsRuntime } from './infrastructure/notifications.runtime';
export type { NotificationMessage, Recipient, Audience, FanOutInput } from './domain/notification-message';
export {
  NOTIFICATION_TYPE_NAMES,
  type NotificationType,
  type NotificationDataByType,
  type OutcomeNoticeData,
  type ElectionNoticeData,
  type BallotData,
  type SubsReminderData,
  type AnnouncementData,
  type WelcomeData,
  type ConfirmationCodeData,
  type PasswordResetData,
  type ApplicationConfirmationData,
  type MembershipExistsData,
  type CaseUpdateData,
} from './domain/notification-types';
export { messageIdFor, outboxIdOf } from './domain/message-id';
