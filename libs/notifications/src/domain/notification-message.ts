import { isNotificationType, NOTIFICATION_TYPES, validateNotificationData, type NotificationDataByType, type NotificationType } from './notification-types';

/** A member (feed entry, and email to the member's address) or a bare address (email only). */
export type Recipient = { memberId: string } | { email: string };

/** What a use case asks to send. `data` is typed by `type`: a case update cannot carry content. */
export type NotificationMessage = {
  [T in NotificationType]: {
    type: T;
    recipient: Recipient;
    /** Essential email ignores the member's preference. Some types are essential whatever this says. */
    essential: boolean;
    data: NotificationDataByType[T];
    /** Same key → the message is written once (e.g. `outcome:<noticeId>`). */
    dedupeKey?: string;
  };
}[NotificationType];

/** Who receives a notice sent to many: members in good standing, or a branch's members. */
export type Audience = 'good-standing' | { branchId: string };

export type FanOutInput = {
  [T in NotificationType]: {
    type: T;
    data: NotificationDataByType[T];
    audience: Audience;
    /** Defaults to the type's own rule. */
    essential?: boolean;
    dedupeKey?: string;
    /** Who published it, for the audit log (default: the system). */
    actor?: { id: string | null; kind: string };
  };
}[NotificationType];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** Problems with a message as a whole; empty when it may be written to the outbox. */
export function validateMessage(m: { type: unknown; recipient?: unknown; essential?: unknown; data?: unknown; dedupeKey?: unknown }): string[] {
  if (!isNotificationType(m.type)) return [`type "${String(m.type)}" is not a notification type`];
  const problems: string[] = [];
  const r = m.recipient as Record<string, unknown> | undefined;
  if (!r || typeof r !== 'object') problems.push('recipient is missing');
  else if ('memberId' in r) {
    if (Object.keys(r).length !== 1 || !isUuid(r.memberId)) problems.push('recipient.memberId must be a member id (uuid)');
  } else if ('email' in r) {
    if (Object.keys(r).length !== 1 || typeof r.email !== 'string' || r.email.length > 254 || !EMAIL.test(r.email)) problems.push('recipient.email must be an email address');
  } else problems.push('recipient must be { memberId } or { email }');
  if (typeof m.essential !== 'boolean') problems.push('essential must be true or false');
  if (m.dedupeKey !== undefined && (typeof m.dedupeKey !== 'string' || m.dedupeKey.length < 1 || m.dedupeKey.length > 200)) {
    problems.push('dedupeKey must be 1 to 200 characters');
  }
  problems.push(...validateNotificationData(m.type, m.data));
  return problems;
}

export function validateFanOut(f: { type: unknown; data?: unknown; audience?: unknown; essential?: unknown; dedupeKey?: unknown }): string[] {
  if (!isNotificationType(f.type)) return [`type "${String(f.type)}" is not a notification type`];
  const problems: string[] = [];
  if (!NOTIFICATION_TYPES[f.type].fanOut) problems.push(`${f.type} is sent to one recipient at a time, never to an audience`);
  const a = f.audience as unknown;
  if (a !== 'good-standing' && !(a && typeof a === 'object' && Object.keys(a).length === 1 && isUuid((a as { branchId?: unknown }).branchId))) {
    problems.push(`audience must be 'good-standing' or { branchId }`);
  }
  if (f.essential !== undefined && typeof f.essential !== 'boolean') problems.push('essential must be true or false');
  if (f.dedupeKey !== undefined && (typeof f.dedupeKey !== 'string' || f.dedupeKey.length < 1 || f.dedupeKey.length > 200)) {
    problems.push('dedupeKey must be 1 to 200 characters');
  }
  problems.push(...validateNotificationData(f.type, f.data));
  return problems;
}

export const describeAudience = (a: Audience): string => (a === 'good-standing' ? 'good-standing' : `branch:${a.branchId}`);
