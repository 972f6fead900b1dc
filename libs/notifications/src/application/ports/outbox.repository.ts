import type { Tx } from '@org/platform';
import type { DeliveryFailure } from '../../domain/delivery-failure';
import type { Audience } from '../../domain/notification-message';
import type { NotificationType } from '../../domain/notification-types';
/** A row a sender holds: everything needed to render and send it. */
export interface ClaimedMessage {
  id: string;
  noticeId: string;
  memberId: string | null;
  toAddress: string;
  attempts: number;
  type: NotificationType;
  data: Record<string, unknown>;
  essential: boolean;
}
export interface MemberContact {
  email: string;
  emailConsent: boolean;
  /** null when the member never set a preference (default: on). */
  emailNonEssential: boolean | null;
}
export interface FanOutBatchResult {
  lastMemberId: string | null;
  members: number;
  emails: number;
}
export interface DeadLetterRow {
  id: string;
  type: NotificationType;
  memberId: string | null;
  toAddress: string | null;
  attempts: number;
  lastReplyCode: number | null;
  lastError: string | null;
  failedAt: Date;
  createdAt: Date;
}
/** The outbox, notices and feed entries, in plain SQL (`notifications.*`). */
export abstract class OutboxRepository {
  /** Inserts a notice; null when one with the same dedupe key exists already. */
  abstract insertNotice(tx: Tx, n: {
    id?: string;
    type: NotificationType;
    data: unknown;
    essential: boolean;
    audience: string;
    dedupeKey: string | null;
    createdAt: Date;
    recipients: number;
    emails: number;
    /** The digest of the notice's shared text (`insertTexts`), if it carries one. */
    textDigest?: string | null;
  }): Promise<string | null>;
  abstract noticeByDedupeKey(tx: Tx, key: string): Promise<{
    id: string;
    recipients: number | null;
    emails: number | null;
  } | null>;
  abstract outboxIdsOfNotice(tx: Tx, noticeId: string): Promise<string[]>;
  /** Serializes writers of one dedupe key until the end of the transaction. */
  abstract lockDedupeKey(tx: Tx, key: string): Promise<void>;
  abstract memberContact(tx: Tx, memberId: string): Promise<MemberContact | null>;
  abstract memberContacts(tx: Tx, memberIds: readonly string[]): Promise<Map<string, MemberContact>>;
  /**
   * Many messages in one statement: their shared texts, the notices (a dedupe key seen before
   * inserts nothing, and then nothing else of that message is written), the feed entries and the
   * outbox rows of the notices actually inserted. Returns the ids of those notices.
   */
  abstract insertMessages(
    tx: Tx,
    rows: ReadonlyArray<{
      id: string;
      type: NotificationType;
      data: unknown;
      essential: boolean;
      audience: string;
      dedupeKey: string | null;
      recipients: number;
      emails: number;
      textDigest: string | null;
      /** The member whose feed gets it, or null. */
      feedMemberId: string | null;
      /** Set when it is e-mailed: the address, and the member it is for (null for an address recipient). */
      mail: { memberId: string | null; toAddress: string } | null;
    }>,
    texts: ReadonlyArray<{ digest: string; body: string }>,
    at: Date,
  ): Promise<Set<string>>;
  /**
   * A batch of invitations and welcomes in one statement (`Outbox.enqueueInvitationBatch`): the
   * welcome's shared text, the notices (built in the database, the first names from the register),
   * the welcomes' feed entries and the outbox rows of the notices actually inserted. Returns the
   * outbox rows written and the members not in the register.
   */
  abstract insertInvitationBatch(
    tx: Tx,
    b: {
      memberIds: string[];
      invitationKeys: (string | null)[];
      invitationTo: (string | null)[];
      activationUrls: (string | null)[];
      welcomeKeys: string[];
      validDays: number;
      welcome: { codeOfConduct: unknown; commissioners: unknown; text: { digest: string; body: string } | null };
      at: Date;
    },
  ): Promise<{ emails: number; notInRegister: string[] }>;
  /** Stores shared texts (by their SHA-256), each once whoever stored it first. */
  abstract insertTexts(tx: Tx, texts: ReadonlyArray<{ digest: string; body: string }>, at: Date): Promise<void>;
  abstract insertFeedEntry(tx: Tx, memberId: string, noticeId: string, at: Date): Promise<void>;
  abstract insertOutboxRow(tx: Tx, r: {
    noticeId: string;
    memberId: string | null;
    toAddress: string;
    at: Date;
  }): Promise<string>;
  /**
   * One batch of a fan-out, entirely inside PostgreSQL: the next `size` members of the audience
   * after `after` (keyset on the primary key) get a feed entry and, where the email rule allows,
   * an outbox row. Only three numbers come back to Node, whatever the batch size.
   */
  abstract fanOutBatch(tx: Tx, o: {
    noticeId: string;
    audience: Audience;
    after: string | null;
    size: number;
    inFeed: boolean;
    essential: boolean;
    at: Date;
  }): Promise<FanOutBatchResult>;
  /**
   * Takes up to `limit` due rows for `owner` until `leaseUntil`: pending, due, and not held by a
   * live lease. `FOR UPDATE SKIP LOCKED` lets any number of processes claim at once without
   * waiting for or taking each other's rows. A sender's claim counts an attempt; a queue's does not.
   */
  abstract claimDue(tx: Tx, o: {
    owner: string;
    now: Date;
    leaseUntil: Date;
    limit: number;
    countAttempt: boolean;
  }): Promise<ClaimedMessage[]>;
  /**
   * A worker takes one row a job named: only if it is still pending, due, and either handed to
   * the queue or not held by a live lease. Null when another sender has it or it is finished.
   */
  abstract claimForSending(tx: Tx, o: {
    id: string;
    owner: string;
    now: Date;
    leaseUntil: Date;
  }): Promise<ClaimedMessage | null>;
  /** Gives rows a queue could not take back at once (instead of waiting for the lease). */
  abstract release(tx: Tx, ids: string[], owner: string): Promise<void>;
  /**
   * Records a delivery, whoever holds the lease now (the server accepted it: that is the truth),
   * and scrubs the notice's secrets in the same statement.
   */
  abstract markSent(tx: Tx, id: string, now: Date, secretKeys: readonly string[]): Promise<boolean>;
  /** Back to pending, due at `at`: only by the lease holder (a lost lease means someone else has it). */
  abstract scheduleRetry(tx: Tx, id: string, owner: string, at: Date, failure: DeliveryFailure): Promise<boolean>;
  /** Failed for good (and the notice's secrets scrubbed), by the lease holder. */
  abstract markFailed(tx: Tx, id: string, owner: string, now: Date, failure: DeliveryFailure, secretKeys: readonly string[]): Promise<boolean>;
  /**
   * Permanently failed messages, newest first. For confidential types the recipient and the
   * server's text (which often quotes the address) are not even read.
   */
  abstract deadLetters(tx: Tx, o: {
    limit: number;
    offset: number;
    confidentialTypes: readonly string[];
  }): Promise<{
    rows: DeadLetterRow[];
    total: number;
  }>;
  /** Counts by status: delivered + failed + pending = rows, always. */
  abstract counts(tx: Tx): Promise<{
    pending: number;
    sent: number;
    failed: number;
    total: number;
  }>;
  /** Delivery counts of the e-mails of the notices whose dedupe key starts with this prefix. */
  abstract deliveryCountsByDedupePrefix(tx: Tx, prefix: string): Promise<{
    pending: number;
    sent: number;
    failed: number;
  }>;
}
