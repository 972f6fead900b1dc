import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { describeAudience, validateFanOut, validateMessage, type FanOutInput, type NotificationMessage } from '../domain/notification-message';
import { effectiveEssential, NOTIFICATION_TYPES } from '../domain/notification-types';
import { OutboxRepository } from './ports/outbox.repository';
import { RESOLVED_NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { OUTBOX_WRITTEN } from './outbox-signal';

export interface EnqueueResult {
  noticeId: string;
  /** The outbox rows written (none when the member gets no email for this message). */
  outboxIds: string[];
  inFeed: boolean;
  /** True when a message with the same dedupe key existed: nothing new was written. */
  duplicate: boolean;
}

/** A batch of invitations and welcomes (`Outbox.enqueueInvitationBatch`). */
export interface InvitationBatch {
  members: ReadonlyArray<{ memberId: string; invitation: { email: string; activationUrl: string; dedupeKey: string } | null; welcomeDedupeKey: string }>;
  invitation: { validDays: number };
  /** The welcome's content but the first name: the same for the whole batch. */
  welcome: { codeOfConduct: unknown; commissioners: unknown; codeOfConductText: string | null };
}

export interface FanOutResult {
  noticeId: string;
  /** Members of the audience (each has a feed entry when the type goes to the feed). */
  recipients: number;
  /** Outbox rows written. */
  emails: number;
  duplicate: boolean;
}

const requireTransaction = (manager: Tx, what: string): void => {
  if (!inTransaction(manager)) {
    throw new Error(`${what} must be called inside the transaction of the change it reports (pass the transaction's manager).`);
  }
};

const invalid = (problems: string[]) =>
  new DomainError('invalid', 'notification_invalid', `This notification cannot be written: ${problems.join('; ')}.`, { problems });

/**
 * A message whose type stores a text once for all notices (`sharedText`): the data without it,
 * and the text with its SHA-256 digest, by which the notice refers to it.
 */
const splitSharedText = (
  message: NotificationMessage,
  digests: Map<string, string>,
): { data: Record<string, unknown>; text: { digest: string; body: string } | null } => {
  const key = NOTIFICATION_TYPES[message.type].sharedText;
  const data = message.data as Record<string, unknown>;
  const body = key ? data[key] : undefined;
  if (!key || typeof body !== 'string') return { data, text: null };
  let digest = digests.get(body);
  if (!digest) {
    digest = createHash('sha256').update(body).digest('hex');
    digests.set(body, digest);
  }
  const { [key]: _shared, ...rest } = data;
  return { data: rest, text: { digest, body } };
};

/** Marks the caller's transaction so that its commit wakes this process's dispatchers. */
const markWritten = (manager: Tx): void => {
  const qr = manager.queryRunner;
  if (qr) qr.data = { ...(qr.data ?? {}), [OUTBOX_WRITTEN]: true };
};

/**
 * A notice to every member of an audience, written in the caller's transaction: batch by batch
 * inside PostgreSQL (INSERT … SELECT), a feed entry per member and an outbox row per member who
 * gets email, then the notice row with its counts, and one audit entry. Node never holds the
 * member list. A dedupe key is locked for the transaction, so two publications of the same
 * notice write it once.
 */
export interface FanOutDeps {
  now?: Date;
  batchSize?: number;
  audit?: AuditLog;
  repo: OutboxRepository;
}

/** The fan-out itself, on the outbox port it is given (`fanOutToMembers` in the public API supplies the SQL one). */
export async function fanOutToAudience(manager: Tx, input: FanOutInput, deps: FanOutDeps): Promise<FanOutResult> {
  requireTransaction(manager, 'fanOutToMembers');
  const problems = validateFanOut(input);
  if (problems.length) throw invalid(problems);
  const repo = deps.repo;
  const audit = deps.audit ?? new AuditLog();
  const now = deps.now ?? new Date();
  const rule = NOTIFICATION_TYPES[input.type];
  const essential = effectiveEssential(input.type, input.essential ?? false);
  const dedupeKey = input.dedupeKey ?? null;
  if (dedupeKey) {
    await repo.lockDedupeKey(manager, dedupeKey);
    const existing = await repo.noticeByDedupeKey(manager, dedupeKey);
    if (existing) return { noticeId: existing.id, recipients: existing.recipients ?? 0, emails: existing.emails ?? 0, duplicate: true };
  }
  // The rows are written first and the notice last, with its counts: no UPDATE is needed, so a
  // context whose database role may only insert here (discipline) can publish too.
  const noticeId = randomUUID();
  let after: string | null = null;
  let recipients = 0;
  let emails = 0;
  const size = deps.batchSize ?? 5000;
  for (;;) {
    const batch = await repo.fanOutBatch(manager, { noticeId, audience: input.audience, after, size, inFeed: rule.inFeed, essential, at: now });
    recipients += batch.members;
    emails += batch.emails;
    if (batch.members < size || !batch.lastMemberId) break;
    after = batch.lastMemberId;
  }
  const inserted = await repo.insertNotice(manager, {
    id: noticeId,
    type: input.type,
    data: input.data,
    essential,
    audience: describeAudience(input.audience),
    dedupeKey,
    createdAt: now,
    recipients,
    emails,
  });
  if (!inserted) throw new Error(`A notice with dedupe key ${dedupeKey} appeared during the fan-out.`);
  await audit.record(
    manager,
    {
      actorId: input.actor?.id ?? null,
      actorKind: input.actor?.kind ?? 'system',
      context: 'notifications',
      action: 'notice.sent-to-audience',
      subjectType: 'notice',
      subjectId: noticeId,
      data: { type: input.type, audience: describeAudience(input.audience), recipients, emails, essential },
    },
    now,
  );
  if (emails > 0) markWritten(manager);
  return { noticeId, recipients, emails, duplicate: false };
}

/**
 * The transactional outbox. Use cases call it with their own transaction's manager: the message
 * exists if and only if their change commits. Nothing is sent from inside a request; a
 * dispatcher picks the rows up after the commit.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(RESOLVED_NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  /**
   * Writes one message. A member recipient gets a feed entry (for feed types, whatever their
   * preference) and an outbox row when email applies: essential messages always; others only
   * with the member's consent and their preference on. An address recipient gets email only.
   */
  async enqueue(manager: Tx, message: NotificationMessage): Promise<EnqueueResult> {
    requireTransaction(manager, 'Outbox.enqueue');
    const problems = validateMessage(message);
    if (problems.length) throw invalid(problems);
    const now = this.clock.now();
    const rule = NOTIFICATION_TYPES[message.type];
    const essential = effectiveEssential(message.type, message.essential);
    const memberId = 'memberId' in message.recipient ? message.recipient.memberId : null;
    const contact = memberId ? await this.repo.memberContact(manager, memberId) : null;
    if (memberId && !contact) throw new DomainError('not_found', 'recipient_not_found', 'The member this notification is for does not exist.');
    const inFeed = rule.inFeed && memberId !== null;
    const toAddress = contact ? contact.email : (message.recipient as { email: string }).email;
    const emailAllowed = contact ? essential || (contact.emailConsent && contact.emailNonEssential !== false) : true;
    const email = !!toAddress && emailAllowed;
    const shared = splitSharedText(message, new Map());
    if (shared.text) await this.repo.insertTexts(manager, [shared.text], now);
    const noticeId = await this.repo.insertNotice(manager, {
      type: message.type,
      data: shared.data,
      textDigest: shared.text?.digest ?? null,
      essential,
      audience: memberId ? `member:${memberId}` : 'address',
      dedupeKey: message.dedupeKey ?? null,
      createdAt: now,
      recipients: inFeed ? 1 : 0,
      emails: email ? 1 : 0,
    });
    if (!noticeId) {
      const existing = await this.repo.noticeByDedupeKey(manager, message.dedupeKey as string);
      return { noticeId: existing!.id, outboxIds: await this.repo.outboxIdsOfNotice(manager, existing!.id), inFeed, duplicate: true };
    }
    if (inFeed) await this.repo.insertFeedEntry(manager, memberId as string, noticeId, now);
    const outboxIds: string[] = [];
    if (email) {
      outboxIds.push(await this.repo.insertOutboxRow(manager, { noticeId, memberId, toAddress, at: now }));
      markWritten(manager);
    }
    return { noticeId, outboxIds, inFeed, duplicate: false };
  }

  /**
   * Writes many messages in a handful of statements, with exactly `enqueue`'s rules for each (a
   * message whose dedupe key was seen before writes nothing). Returns how many were new.
   */
  async enqueueMany(manager: Tx, messages: readonly NotificationMessage[]): Promise<number> {
    requireTransaction(manager, 'Outbox.enqueueMany');
    if (messages.length === 0) return 0;
    for (const message of messages) {
      const problems = validateMessage(message);
      if (problems.length) throw invalid(problems);
    }
    const now = this.clock.now();
    const memberIds = [...new Set(messages.flatMap((x) => ('memberId' in x.recipient ? [x.recipient.memberId] : [])))];
    const contacts = await this.repo.memberContacts(manager, memberIds);
    const digests = new Map<string, string>();
    const planned = messages.map((message) => {
      const rule = NOTIFICATION_TYPES[message.type];
      const essential = effectiveEssential(message.type, message.essential);
      const memberId = 'memberId' in message.recipient ? message.recipient.memberId : null;
      const contact = memberId ? contacts.get(memberId) : null;
      if (memberId && !contact) throw new DomainError('not_found', 'recipient_not_found', 'The member this notification is for does not exist.');
      const inFeed = rule.inFeed && memberId !== null;
      const toAddress = contact ? contact.email : (message.recipient as { email: string }).email;
      const emailAllowed = contact ? essential || (contact.emailConsent && contact.emailNonEssential !== false) : true;
      const email = !!toAddress && emailAllowed;
      return { id: randomUUID(), message, essential, memberId, inFeed, toAddress, email, ...splitSharedText(message, digests) };
    });
    const texts = new Map(planned.flatMap((p) => (p.text ? [[p.text.digest, p.text] as const] : [])));
    // One statement: texts, notices, feed entries and outbox rows (only for the notices inserted).
    const inserted = await this.repo.insertMessages(
      manager,
      planned.map((p) => ({
        id: p.id,
        type: p.message.type,
        data: p.data,
        textDigest: p.text?.digest ?? null,
        essential: p.essential,
        audience: p.memberId ? `member:${p.memberId}` : 'address',
        dedupeKey: p.message.dedupeKey ?? null,
        recipients: p.inFeed ? 1 : 0,
        emails: p.email ? 1 : 0,
        feedMemberId: p.inFeed ? p.memberId : null,
        mail: p.email ? { memberId: p.memberId, toAddress: p.toAddress as string } : null,
      })),
      [...texts.values()],
      now,
    );
    const fresh = planned.filter((p) => inserted.has(p.id));
    const emails = fresh.filter((p) => p.email);
    if (emails.length > 0) markWritten(manager);
    return fresh.length;
  }

  /**
   * A batch of invitations (address recipients) and welcomes (member recipients, S14), written
   * set-based inside PostgreSQL with exactly `enqueue`'s rules for these two types: the notices
   * (a dedupe key seen before writes nothing of that message), the welcomes' feed entries and the
   * outbox rows, in one statement whatever the batch size. The first names and the members'
   * addresses are read from the register in that statement; members not in it get nothing and are
   * returned. Every invitation is validated as `enqueue` would.
   */
  async enqueueInvitationBatch(manager: Tx, batch: InvitationBatch): Promise<{ notInRegister: string[] }> {
    requireTransaction(manager, 'Outbox.enqueueInvitationBatch');
    if (batch.members.length === 0) return { notInRegister: [] };
    const welcomeSample: NotificationMessage = {
      type: 'welcome',
      recipient: { memberId: batch.members[0].memberId },
      essential: true,
      data: { firstName: 'member', codeOfConduct: batch.welcome.codeOfConduct, commissioners: batch.welcome.commissioners, ...(batch.welcome.codeOfConductText !== null ? { codeOfConductText: batch.welcome.codeOfConductText } : {}) },
    } as NotificationMessage;
    const problems = [...validateMessage(welcomeSample)];
    for (const x of batch.members) {
      if (x.invitation) {
        problems.push(
          ...validateMessage({ type: 'invitation', recipient: { email: x.invitation.email }, essential: true, data: { firstName: 'member', activationUrl: x.invitation.activationUrl, validDays: batch.invitation.validDays }, dedupeKey: x.invitation.dedupeKey }),
        );
      }
      if (problems.length) throw invalid(problems);
    }
    if (problems.length) throw invalid(problems);
    const text = batch.welcome.codeOfConductText;
    const written = await this.repo.insertInvitationBatch(manager, {
      memberIds: batch.members.map((x) => x.memberId),
      invitationKeys: batch.members.map((x) => x.invitation?.dedupeKey ?? null),
      invitationTo: batch.members.map((x) => x.invitation?.email ?? null),
      activationUrls: batch.members.map((x) => x.invitation?.activationUrl ?? null),
      welcomeKeys: batch.members.map((x) => x.welcomeDedupeKey),
      validDays: batch.invitation.validDays,
      welcome: {
        codeOfConduct: batch.welcome.codeOfConduct,
        commissioners: batch.welcome.commissioners,
        text: text !== null ? { digest: createHash('sha256').update(text).digest('hex'), body: text } : null,
      },
      at: this.clock.now(),
    });
    if (written.emails > 0) markWritten(manager);
    return { notInRegister: written.notInRegister };
  }

  /** See `fanOutToMembers`: this one uses the app's clock and batch size. */
  fanOutToMembers(manager: Tx, input: FanOutInput): Promise<FanOutResult> {
    return fanOutToAudience(manager, input, { now: this.clock.now(), batchSize: this.settings.fanOutBatch, audit: this.audit, repo: this.repo });
  }
}
