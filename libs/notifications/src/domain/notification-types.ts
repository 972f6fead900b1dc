/**
 * The notification types the platform sends, the data each one carries, and the rules each one
 * obeys. A type's data is checked twice: by the compiler (the mapped types below) and at run time
 * (`validateNotificationData`, exact keys), so a caller written in plain JavaScript or a queue
 * job cannot smuggle extra fields either.
 */

import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';

export type { SanctionKind };

export interface NoticeSanctionData {
  kind: SanctionKind;
  /** For a suspension: the first day the member is no longer suspended (YYYY-MM-DD). */
  suspendedUntil: string | null;
}

/** S8: the facts of a final finding, and nothing else (no complainant, no narrative). */
export interface OutcomeNoticeData {
  respondentName: string | null;
  rule: string;
  upheld: boolean;
  sanction: NoticeSanctionData;
  panelSanction: NoticeSanctionData | null;
  decidedOn: string;
  finalOn: string;
  panelVote: { uphold: number; notUphold: number };
  appealOutcome: 'uphold' | 'modify_sanction' | null;
}

export type ElectionStage = 'called' | 'nominations-open' | 'voting-open' | 'result';

export interface ElectionNoticeData {
  electionId: string;
  electionTitle: string;
  stage: ElectionStage;
  /** Plain text: candidates, or the result summary (no dates: those are fields, formatted for the reader). */
  summary?: string;
  /** When voting closes (ISO date-time), shown in the organization's time zone and language. */
  votingClosesAt?: string;
  /** A result's stage-by-stage count as a fixed-width text table (e-mails have no chart). */
  stages?: string;
}

export interface BallotData {
  electionId: string;
  electionTitle: string;
  /** ISO date-time. */
  votingClosesAt: string;
}

/**
 * One reminder before the close, to a voter who has not voted yet. Who gets one says who has not
 * voted, so the type is confidential: no operator sees its recipients, and it is never audited
 * per recipient (E3).
 */
export type BallotReminderData = BallotData;

export interface SubsReminderData {
  arrearsMonths: number;
  /** YYYY-MM-DD, or null when nothing was ever paid. */
  paidThrough: string | null;
}

export interface AnnouncementData {
  title: string;
  text: string;
}

/**
 * S14: the welcome on admission or import — the code of conduct, how to raise something
 * privately with the Control Commission, and who sits on it. The code's full text travels in the
 * e-mail and is dropped from the stored message once sent (the platform keeps the code once).
 */
export interface WelcomeData {
  firstName: string;
  codeOfConduct?: { version: number; title: string } | null;
  codeOfConductText?: string;
  commissioners?: string[];
}

/** The activation link of an account opened for a member (single use, 14 days). */
export interface InvitationData {
  firstName: string;
  /** A secret: removed from the stored message once it has been sent or has failed for good. */
  activationUrl: string;
  validDays: number;
}

/** A change of address: the confirmation link to the new one (`confirmUrl`), a notice without it to the old one. */
export interface EmailChangeData {
  newEmail: string;
  /** A secret (to the new address only); null in the notice to the old address. */
  confirmUrl: string | null;
}

/**
 * A one-time code sent to an address to prove it is theirs (e.g. before filing a complaint).
 * The code is a secret (scrubbed after sending) and the message is confidential: who asked for a
 * code may reveal who is approaching the Control Commission (S1).
 */
export interface ConfirmationCodeData {
  code: string;
  validMinutes: number;
}

/**
 * The link that confirms a membership application's e-mail address; until it is opened, no
 * secretary sees the application. A secret (single use): scrubbed once sent or failed.
 */
export interface ApplicationConfirmationData {
  confirmUrl: string;
  validHours: number;
}

/**
 * Sent instead of an application's confirmation link when the address applying already belongs
 * to a membership or an account: says so, with how to sign in and reset the password. It carries
 * nothing (no secret, no name): whoever applied learns nothing, only the address's owner is told.
 */
export type MembershipExistsData = Record<string, never>;

export interface PasswordResetData {
  /** A secret: removed from the stored message once it has been sent or has failed for good. */
  resetUrl: string;
}

/**
 * Discipline safety (S1, S11): a case update carries **nothing** — no case id, no reference, no
 * text. The message says only that there is something new and links to the sign-in page for
 * cases. `Record<string, never>` makes any field a compile error; the run-time check refuses
 * any key.
 */
export type CaseUpdateData = Record<string, never>;

export interface NotificationDataByType {
  'outcome-notice': OutcomeNoticeData;
  'election-notice': ElectionNoticeData;
  ballot: BallotData;
  'ballot-reminder': BallotReminderData;
  'subs-reminder': SubsReminderData;
  announcement: AnnouncementData;
  welcome: WelcomeData;
  invitation: InvitationData;
  'email-change': EmailChangeData;
  'password-reset': PasswordResetData;
  'application-confirmation': ApplicationConfirmationData;
  'membership-exists': MembershipExistsData;
  'confirmation-code': ConfirmationCodeData;
  'case-update': CaseUpdateData;
}

export type NotificationType = keyof NotificationDataByType;

export interface NotificationTypeRule {
  /** 'always': essential whatever the caller says (email ignores the member's preference). */
  essential: 'always' | 'caller';
  /** Whether a member recipient also gets a feed entry (always, whatever the preference). */
  inFeed: boolean;
  /** May be sent to a whole audience by `fanOutToMembers`. */
  fanOut: boolean;
  /** Data keys that are secrets: scrubbed from storage once the message is sent or failed. */
  secretKeys: readonly string[];
  /**
   * A data key whose (long) text many notices carry alike: stored once per distinct text
   * (`notifications.notice_texts`, by its SHA-256) and referred to by each notice, put back into
   * the data when the message is rendered.
   */
  sharedText?: string;
  /** A disciplinary message (S1), or one whose recipients would say who has not voted (E3): its recipients are not shown to operators. */
  confidential: boolean;
}

export const NOTIFICATION_TYPES: Readonly<Record<NotificationType, NotificationTypeRule>> = {
  'outcome-notice': { essential: 'always', inFeed: true, fanOut: true, secretKeys: [], confidential: false },
  'election-notice': { essential: 'always', inFeed: true, fanOut: true, secretKeys: [], confidential: false },
  ballot: { essential: 'always', inFeed: true, fanOut: true, secretKeys: [], confidential: false },
  'ballot-reminder': { essential: 'always', inFeed: true, fanOut: false, secretKeys: [], confidential: true },
  'subs-reminder': { essential: 'caller', inFeed: true, fanOut: true, secretKeys: [], confidential: false },
  announcement: { essential: 'caller', inFeed: true, fanOut: true, secretKeys: [], confidential: false },
  welcome: { essential: 'always', inFeed: true, fanOut: false, secretKeys: [], sharedText: 'codeOfConductText', confidential: false },
  invitation: { essential: 'always', inFeed: false, fanOut: false, secretKeys: ['activationUrl'], confidential: false },
  'email-change': { essential: 'always', inFeed: false, fanOut: false, secretKeys: ['confirmUrl'], confidential: false },
  'password-reset': { essential: 'always', inFeed: false, fanOut: false, secretKeys: ['resetUrl'], confidential: false },
  'application-confirmation': { essential: 'always', inFeed: false, fanOut: false, secretKeys: ['confirmUrl'], confidential: false },
  'membership-exists': { essential: 'always', inFeed: false, fanOut: false, secretKeys: [], confidential: false },
  'confirmation-code': { essential: 'always', inFeed: false, fanOut: false, secretKeys: ['code'], confidential: true },
  'case-update': { essential: 'always', inFeed: true, fanOut: false, secretKeys: [], confidential: true },
};

export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export const isNotificationType = (t: unknown): t is NotificationType => typeof t === 'string' && Object.prototype.hasOwnProperty.call(NOTIFICATION_TYPES, t);

/** Essential types reach the member by email even when they turned non-essential email off. */
export const effectiveEssential = (type: NotificationType, requested: boolean): boolean =>
  NOTIFICATION_TYPES[type].essential === 'always' || requested;

export const ALWAYS_ESSENTIAL_TYPES = NOTIFICATION_TYPE_NAMES.filter((t) => NOTIFICATION_TYPES[t].essential === 'always');
export const FEED_TYPES = NOTIFICATION_TYPE_NAMES.filter((t) => NOTIFICATION_TYPES[t].inFeed);

// ── run-time validation ────────────────────────────────────────────────────────────────────

type Check = (v: unknown) => boolean;

const str = (max: number, min = 1): Check => (v) => typeof v === 'string' && v.length >= min && v.length <= max;
const nullable = (c: Check): Check => (v) => v === null || c(v);
const optional = (c: Check): Check & { optional: true } => Object.assign((v: unknown) => v === undefined || c(v), { optional: true as const });
const oneOf = (...values: readonly unknown[]): Check => (v) => values.includes(v);
const bool: Check = (v) => typeof v === 'boolean';
const count: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000;
const date: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const dateTime: Check = (v) => typeof v === 'string' && v.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
const uuid: Check = (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const httpUrl: Check = (v) => {
  if (typeof v !== 'string' || v.length > 2000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

type Shape = Record<string, Check>;
const object = (shape: Shape): Check => (v) => checkShape(v, shape).length === 0;

function checkShape(value: unknown, shape: Shape, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${prefix || 'data'} must be an object`];
  const problems: string[] = [];
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!Object.prototype.hasOwnProperty.call(shape, key)) problems.push(`${prefix}${key} is not a field of this notification type`);
  }
  for (const [key, check] of Object.entries(shape)) {
    const present = Object.prototype.hasOwnProperty.call(obj, key);
    if (!present && !(check as { optional?: boolean }).optional) problems.push(`${prefix}${key} is missing`);
    else if (present && !check(obj[key])) problems.push(`${prefix}${key} has a wrong value`);
  }
  return problems;
}

const sanction = object({ kind: oneOf(...SANCTION_KINDS), suspendedUntil: nullable(date) });

const SHAPES: Record<NotificationType, Shape> = {
  'outcome-notice': {
    respondentName: nullable(str(200)),
    rule: str(500),
    upheld: bool,
    sanction,
    panelSanction: nullable(sanction),
    decidedOn: date,
    finalOn: date,
    panelVote: object({ uphold: count, notUphold: count }),
    appealOutcome: nullable(oneOf('uphold', 'modify_sanction')),
  },
  'election-notice': {
    electionId: uuid,
    electionTitle: str(200),
    stage: oneOf('called', 'nominations-open', 'voting-open', 'result'),
    summary: optional(str(4000)),
    votingClosesAt: optional(dateTime),
    stages: optional(str(20_000)),
  },
  ballot: { electionId: uuid, electionTitle: str(200), votingClosesAt: dateTime },
  'ballot-reminder': { electionId: uuid, electionTitle: str(200), votingClosesAt: dateTime },
  'subs-reminder': { arrearsMonths: count, paidThrough: nullable(date) },
  announcement: { title: str(200), text: str(10_000) },
  welcome: {
    firstName: str(100),
    codeOfConduct: optional(nullable(object({ version: count, title: str(200) }))),
    codeOfConductText: optional(str(100_000)),
    commissioners: optional((v) => Array.isArray(v) && v.length <= 100 && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 200)),
  },
  invitation: { firstName: str(100), activationUrl: httpUrl, validDays: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 90 },
  'email-change': { newEmail: str(254), confirmUrl: nullable(httpUrl) },
  'password-reset': { resetUrl: httpUrl },
  'application-confirmation': { confirmUrl: httpUrl, validHours: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 720 },
  'membership-exists': {},
  'confirmation-code': { code: (v) => typeof v === 'string' && /^[0-9A-Za-z]{4,12}$/.test(v), validMinutes: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1440 },
  'case-update': {},
};

/** Problems with a notification's data, each naming the field; empty when it is valid. */
export function validateNotificationData(type: NotificationType, data: unknown): string[] {
  return checkShape(data ?? {}, SHAPES[type]);
}
