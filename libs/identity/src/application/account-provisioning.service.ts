import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { APP_CONFIG, Clock, type AppConfig, type Tx } from '@org/platform';
import { IdentityTransactions } from './ports/identity-transactions.port';
import { expiryOf, INVITATION_LINK_DAYS } from '../domain/invitation';
import { IdentityRepository } from './ports/identity.repository';
import { MemberAccountsRepository, type AccountForInvitation } from './ports/member-accounts.repository';
import { IdentityNotifier } from './identity-notifier.port';
import { AccountHolderDirectory } from './ports/account-holder-directory.port';
import { InvitationNotifier, type InvitationAndWelcome, type WelcomeContent } from './ports/invitation-notifier.port';
import { newToken, tokenHash } from './token';

/** A member who has just joined the register (admitted or imported). */
export interface JoinedMember {
  memberId: string;
  email: string | null;
  firstName: string;
}

/** An import's invitations: not yet sent (queued here or waiting in the outbox), sent, failed, and members with no address to send to. */
export interface InvitationProgress {
  batchId: string;
  members: number;
  queued: number;
  sent: number;
  failed: number;
  withoutEmail: number;
  done: boolean;
}

export type JoinOrigin = { kind: 'admission' } | { kind: 'import'; batchId: string; importedBy: string | null };

/** Up to this many members, an import's invitations and welcomes are written in its own transaction. */
const INLINE_LIMIT = 50;

/**
 * Queued invitations written per transaction by the dispatch: larger batches pay the per-batch
 * statements and commit fewer times (measured in bench/results/invitations.md).
 */
export const DISPATCH_BATCH = 2000;

/** How long a founding officer's link works: the same hour as any password reset (the e-mail says so). */
const OFFICER_LINK_VALID_MINUTES = 60;

export const invitationDedupePrefix = (batchRef: string): string => `invitation:${batchRef}:`;

/**
 * Every way an account is opened, and access ended — the one service for accounts:
 * - Accounts follow membership: an account (no password) for every member admitted or imported,
 *   with an invitation and the welcome (S14); access ends when membership ends. Called by the
 *   membership context through its `MemberAccounts` port, always in the caller's transaction, so a
 *   rollback leaves no account and a retry creates none twice.
 * - The founding act's officers (`openOfficerAccount`): an account without a password and a
 *   one-time password-reset link through the outbox — the same token, table, e-mail and
 *   confirmation route (`POST /auth/password-reset/confirm`) as "forgot my password". If the link
 *   has expired, the officer asks for a new one from the sign-in page. The link is never returned,
 *   printed or logged: only its holder's mailbox sees it.
 */
@Injectable()
export class AccountProvisioning {
  constructor(
    private readonly ds: IdentityTransactions,
    private readonly accounts: MemberAccountsRepository,
    private readonly identity: IdentityRepository,
    private readonly directory: AccountHolderDirectory,
    private readonly notifier: InvitationNotifier,
    private readonly identityNotifier: IdentityNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Accounts for these members; then the invitations and welcomes. An admission's are written
   * now. An import calls this once per batch of members as it writes them (same transaction):
   * their accounts are opened and their invitations queued; `importApplied` then settles the
   * import once its last batch is written.
   */
  async membersJoined(m: Tx, members: readonly JoinedMember[], origin: JoinOrigin): Promise<{ accounts: number; invitations: number; queued: number }> {
    if (members.length === 0) return { accounts: 0, invitations: 0, queued: 0 };
    const now = this.clock.now();
    const accounts = await this.accounts.ensureAccounts(m, members);
    if (origin.kind === 'import') {
      await this.accounts.insertBatch(m, origin.batchId, origin.importedBy, members.length, now);
      const queued = await this.accounts.insertQueued(m, accounts.filter((a) => !a.disabled), origin.batchId, now);
      return { accounts: accounts.length, invitations: 0, queued };
    }
    const welcome = await this.welcomeContent(m);
    const firstNames = new Map(members.map((x) => [x.memberId, x.firstName]));
    let invitations = 0;
    for (const a of accounts) {
      if (await this.inviteAndWelcome(m, a, firstNames.get(a.memberId) ?? '', welcome, 'admission')) invitations++;
      await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'identity', action: 'account.opened', subjectType: 'account', subjectId: a.accountId, data: { origin: origin.kind } });
    }
    return { accounts: accounts.length, invitations, queued: 0 };
  }

  /**
   * An import's last batch is written (same transaction): a small import's invitations and
   * welcomes are written now; a large one's stay queued for the invitation dispatch (in batches,
   * through the outbox).
   */
  async importApplied(m: Tx, batchId: string): Promise<{ accounts: number; invitations: number; queued: number }> {
    const batch = await this.accounts.batch(m, batchId);
    if (!batch) return { accounts: 0, invitations: 0, queued: 0 };
    const counts = await this.accounts.batchCounts(m, batchId);
    if (batch.members <= INLINE_LIMIT) {
      const invitations = await this.writeIssued(m, batchId, INLINE_LIMIT);
      await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'identity', action: 'accounts.opened', subjectType: 'import', subjectId: batchId, data: { accounts: batch.members, invitations } });
      return { accounts: batch.members, invitations, queued: 0 };
    }
    // The planner learns of the new rows now, not when autovacuum next passes: otherwise each
    // batch of the dispatch sorts the whole queue instead of reading the queue's index in order.
    await this.accounts.refreshStatistics(m);
    await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'identity', action: 'accounts.opened', subjectType: 'import', subjectId: batchId, data: { accounts: batch.members, queued: counts.queued } });
    return { accounts: batch.members, invitations: 0, queued: counts.queued };
  }

  /** A founding officer's account, in the caller's transaction: the account, and the reset e-mail written to the outbox. */
  async openOfficerAccount(m: Tx, officer: { memberId: string; email: string }, actor: { id: string | null; kind: string }): Promise<{ accountId: string; linkValidMinutes: number }> {
    if (await this.identity.findAccountByEmail(m, officer.email)) {
      throw new DomainError('conflict', 'account_exists', `An account for ${officer.email} already exists.`);
    }
    const accountId = await this.identity.createAccount(m, { email: officer.email, memberId: officer.memberId, passwordHash: null });
    const token = newToken();
    await this.identity.createPasswordReset(m, accountId, tokenHash(token), new Date(this.clock.now().getTime() + OFFICER_LINK_VALID_MINUTES * 60_000));
    await this.identityNotifier.passwordReset(m, { accountId, email: officer.email, memberId: officer.memberId }, `${this.config.publicUrl}/reset-password?token=${token}`);
    await this.audit.record(m, { actorId: actor.id, actorKind: actor.kind, context: 'identity', action: 'account.opened', subjectType: 'account', subjectId: accountId, data: { memberId: officer.memberId, by: 'password-reset link' } });
    return { accountId, linkValidMinutes: OFFICER_LINK_VALID_MINUTES };
  }

  /** Membership ended or lapsed: every session of these members' accounts ends, and every open invitation. */
  async membersLeft(m: Tx, memberIds: readonly string[], reason: 'resigned' | 'lapsed' | 'expelled'): Promise<number> {
    const revoked = await this.accounts.revokeAccess(m, memberIds, this.clock.now());
    if (memberIds.length > 0) {
      await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'identity', action: 'sessions.revoked', subjectType: 'members', subjectId: memberIds.length === 1 ? memberIds[0] : `${memberIds.length} members`, data: { reason, sessions: revoked } });
    }
    return revoked;
  }

  /**
   * Whose accounts sign in with this address (the member of each, or null for an account with
   * no member): whether an address already belongs to someone, without reading any credential.
   */
  async accountHoldersOf(m: Tx, email: string): Promise<{ memberId: string | null }[]> {
    return this.identity.accountHoldersByEmail(m, email);
  }

  /**
   * Writes up to `limit` queued invitations (oldest first) in one transaction: each gets its
   * secret and its e-mail in the outbox, and the member their welcome. Claiming, drawing the
   * secrets, storing their hashes and withdrawing what cannot be e-mailed is one statement; the
   * e-mails, welcomes and feed entries of the batch are then written set-based inside the
   * database. Concurrent dispatchers skip each other's rows; a crash rolls the batch back, to be
   * written again. Returns how many.
   */
  async dispatchQueued(limit = DISPATCH_BATCH): Promise<number> {
    return this.ds.transaction((m) => this.writeIssued(m, null, limit));
  }

  /** Issues up to `limit` queued invitations (of one import, or of any) and writes their e-mails and welcomes, in the caller's transaction. */
  private async writeIssued(m: Tx, batchRef: string | null, limit: number): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.accounts.issueNextQueued(m, limit, now, expiryOf('link', now), batchRef);
    if (claimed.length === 0) return 0;
    const { firstName: _none, ...welcome } = await this.welcomeContent(m);
    const items: InvitationAndWelcome[] = claimed
      .filter((q) => q.hasAccount)
      .map((q) => ({
        memberId: q.memberId,
        invitation:
          q.secret && q.email
            ? { email: q.email, activationUrl: `${this.config.publicUrl}/activate?token=${q.secret}`, dedupeKey: `${invitationDedupePrefix(q.batchRef ?? 'import')}${q.id}` }
            : null,
        welcomeDedupeKey: `welcome:${q.memberId}`,
      }));
    const { notInRegister } = await this.notifier.invitationsAndWelcomes(m, items, welcome, INVITATION_LINK_DAYS);
    // A member no longer in the register: the link just drawn is withdrawn unsent.
    if (notInRegister.length > 0) {
      const gone = new Set(notInRegister);
      await this.accounts.withdrawMany(m, claimed.filter((q) => q.secret && gone.has(q.memberId)).map((q) => q.id));
    }
    return claimed.length;
  }

  /**
   * The progress of an import's invitations. Members the import brought in with no invitation to
   * send (no address, or already activated) count as "without e-mail".
   */
  async importProgress(m: Tx, batchId: string, members: number): Promise<InvitationProgress> {
    const counts = await this.accounts.batchCounts(m, batchId);
    const mail = await this.notifier.progress(m, invitationDedupePrefix(batchId));
    const queued = counts.queued + mail.pending;
    return { batchId, members, queued, sent: mail.sent, failed: mail.failed, withoutEmail: Math.max(0, members - queued - mail.sent - mail.failed), done: queued === 0 };
  }

  /** The operator's view (CLI): an import's progress by its id, null when there is no such import. */
  async progressOfImport(batchId: string): Promise<InvitationProgress | null> {
    const batch = await this.accounts.batch(this.ds.manager, batchId);
    return batch ? this.importProgress(this.ds.manager, batchId, batch.members) : null;
  }

  /** A new link for this account (replacing earlier invitations), written to the outbox. */
  async issueLink(m: Tx, a: AccountForInvitation & { email: string }, firstName: string, batchRef: string): Promise<void> {
    const now = this.clock.now();
    await this.accounts.replaceLive(m, [a.accountId]);
    const token = newToken();
    const id = await this.accounts.insertIssued(m, { accountId: a.accountId, memberId: a.memberId, kind: 'link', secretHash: tokenHash(token), at: now, expiresAt: expiryOf('link', now), batchRef });
    await this.notifier.invitation(
      m,
      { email: a.email },
      { firstName, activationUrl: `${this.config.publicUrl}/activate?token=${token}`, validDays: INVITATION_LINK_DAYS },
      `${invitationDedupePrefix(batchRef)}${id}`,
    );
  }

  async welcomeContent(m: Tx): Promise<WelcomeContent & { firstName: '' }> {
    const code = await this.accounts.currentCode(m);
    const holders = await this.identity.currentHolders(m, 'CCOM', this.clock.today());
    const names = await this.directory.names(m, holders.map((h) => h.memberId));
    const commissioners = [...new Set(holders.map((h) => names.get(h.memberId)).filter((n): n is string => !!n))].sort((a, b) => a.localeCompare(b));
    return { firstName: '', codeOfConduct: code ? { version: code.version, title: code.title, text: code.body } : null, commissioners };
  }

  /** An admission's or a small import's invitation (when there is an address) and welcome, written now. */
  private async inviteAndWelcome(m: Tx, a: AccountForInvitation, firstName: string, welcome: WelcomeContent, batchRef: string): Promise<boolean> {
    const invited = !!a.email && !a.hasPassword && !a.disabled;
    if (invited) await this.issueLink(m, { ...a, email: a.email as string }, firstName, batchRef);
    await this.notifier.welcome(m, a.memberId, { ...welcome, firstName }, `welcome:${a.memberId}`);
    return invited;
  }
}
