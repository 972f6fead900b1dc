import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { APP_CONFIG, Clock, type AppConfig, type Tx } from '@org/platform';
import { IdentityTransactions } from './ports/identity-transactions.port';
import { expiryOf, INVITABLE_STATUSES, LETTER_CODE_MAX_FAILURES, letterCodeFrom, normalizeLetterCode } from '../domain/invitation';
import type { Principal } from '../domain/principal';
import { IdentityRepository } from './ports/identity.repository';
import { MemberAccountsRepository, type LiveInvitation } from './ports/member-accounts.repository';
import { AccountProvisioning, invitationDedupePrefix, type InvitationProgress } from './account-provisioning.service';
import { AttemptLimiter, type AttemptLimit } from './attempt-limiter';
import { PasswordHasher } from './password-hasher';
import { AccountHolderDirectory, type AccountHolder } from './ports/account-holder-directory.port';
import { InvitationNotifier } from './ports/invitation-notifier.port';
import { newToken, tokenHash } from './token';

const LINK_INVALID = new DomainError('invalid', 'invitation_invalid', 'This activation link is not valid any more (it was used, replaced or has expired). Ask for a new invitation on the sign-in page, or ask your branch secretary.');
const CODE_INVALID = new DomainError('invalid', 'invitation_invalid', 'This member number and code do not match a valid letter (the code may be mistyped, used or expired). Check them, or ask your branch secretary for a new letter.');
/** Limits on getting in, counted by the platform's one limiter (shared through Redis when `REDIS_URL` is set). */
const ACTIVATE_PER_CLIENT: AttemptLimit = { name: 'activate.client', max: 30, windowMs: 15 * 60_000 };
const LETTER_CODE_PER_MEMBER: AttemptLimit = { name: 'activate.letter', max: 10, windowMs: 60 * 60_000 };
const RESEND_PER_EMAIL: AttemptLimit = { name: 'invitation.email', max: 3, windowMs: 60 * 60_000 };
const RESEND_PER_CLIENT: AttemptLimit = { name: 'invitation.client', max: 20, windowMs: 60 * 60_000 };

const MEMBER_NOT_FOUND = new DomainError('not_found', 'member_not_found', 'There is no member with this id in the branches you look after.');

export interface InvitationLetter {
  memberNumber: string;
  name: string;
  code: string;
  validUntil: string;
  activateUrl: string;
}

export type { InvitationProgress } from './account-provisioning.service';

/**
 * Getting into an account that was opened for a member: activating it with an e-mailed link or
 * a printed code (which sets the password and signs in), asking for a new invitation, a
 * secretary's resend and letter, an import's invitation progress, and confirming a new address.
 */
@Injectable()
export class AccountActivationService {

  constructor(
    private readonly ds: IdentityTransactions,
    private readonly accounts: MemberAccountsRepository,
    private readonly identity: IdentityRepository,
    private readonly provisioning: AccountProvisioning,
    private readonly directory: AccountHolderDirectory,
    private readonly notifier: InvitationNotifier,
    private readonly hasher: PasswordHasher,
    private readonly limiter: AttemptLimiter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the first password with a link's token, or a letter's code with the member number; answers like a sign-in. */
  async activate(
    input: { token: string; password: string } | { code: string; memberNumber: string; password: string },
    address: string,
  ): Promise<{ accessToken: string; expiresAt: string }> {
    const now = this.clock.now();
    await this.limiter.consume(ACTIVATE_PER_CLIENT, address);
    const hash = await this.hasher.hash(input.password);
    if ('code' in input) {
      await this.limiter.consume(LETTER_CODE_PER_MEMBER, input.memberNumber.trim().toUpperCase());
      const holder = await this.directory.holderByNumber(this.ds.manager, input.memberNumber.trim());
      // A wrong code counts against the letter, in its own transaction (the refusal rolls nothing back).
      const live = holder ? await this.ds.transaction((m) => this.accounts.liveLetterOf(m, holder.memberId, now)) : null;
      if (!holder || !live) throw CODE_INVALID;
      const matches = await this.ds.transaction(async (m) => {
        const byCode = await this.accounts.liveBySecret(m, tokenHash(`letter:${holder.memberId}:${normalizeLetterCode(input.code)}`), 'letter', now);
        if (byCode?.id === live.id) return true;
        await this.accounts.countFailure(m, live.id, LETTER_CODE_MAX_FAILURES);
        return false;
      });
      if (!matches) throw CODE_INVALID;
      return this.complete(tokenHash(`letter:${holder.memberId}:${normalizeLetterCode(input.code)}`), 'letter', hash, CODE_INVALID);
    }
    return this.complete(tokenHash(input.token), 'link', hash, LINK_INVALID);
  }

  private async complete(secretHash: string, kind: 'link' | 'letter', passwordHash: string, refusal: DomainError): Promise<{ accessToken: string; expiresAt: string }> {
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const inv: LiveInvitation | null = await this.accounts.liveBySecret(m, secretHash, kind, now);
      if (!inv) throw refusal;
      const holder = await this.directory.holder(m, inv.memberId);
      const account = await this.accounts.accountOfMember(m, inv.memberId);
      if (!holder || !INVITABLE_STATUSES.includes(holder.status) || !account || account.disabled || account.accountId !== inv.accountId) throw refusal;
      if (!(await this.accounts.markUsed(m, inv.id, now))) throw refusal;
      await this.identity.setPassword(m, inv.accountId, passwordHash);
      if (kind === 'link' && account.email) await this.accounts.setEmail(m, inv.accountId, account.email, now);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
      const sessionId = await this.identity.createSession(m, inv.accountId, tokenHash(token), expiresAt);
      await this.audit.record(m, { actorId: inv.memberId, actorKind: 'member', context: 'identity', action: 'account.activated', subjectType: 'account', subjectId: inv.accountId, data: { by: kind } });
      await this.audit.record(m, { actorId: inv.memberId, actorKind: 'member', context: 'identity', action: 'session.started', subjectType: 'session', subjectId: sessionId });
      return { accessToken: token, expiresAt: expiresAt.toISOString() };
    });
  }

  /** A new invitation to an address; always answers the same, whether or not the address is known. */
  async resendToAddress(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    await this.limiter.consume(RESEND_PER_CLIENT, address);
    await this.limiter.consume(RESEND_PER_EMAIL, email.trim().toLowerCase());
    await this.ds.transaction(async (m) => {
      const account = await this.accounts.accountByEmail(m, email);
      if (!account || account.hasPassword || account.disabled || !account.email) return;
      const holder = await this.directory.holder(m, account.memberId);
      if (!holder || !INVITABLE_STATUSES.includes(holder.status)) return;
      await this.provisioning.issueLink(m, { ...account, email: account.email }, holder.firstName, 'resend');
      await this.audit.record(m, { actorId: null, actorKind: 'anonymous', context: 'identity', action: 'invitation.resent', subjectType: 'account', subjectId: account.accountId });
    });
  }

  /**
   * A branch secretary (or the national membership secretary) sends a member of their branch a
   * new invitation. Answers the same whether or not one was sent (the member may already have
   * activated, or have no address: then print a letter).
   */
  async resendForMember(p: Principal, memberId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const holder = await this.inScope(m, p, memberId);
      const account = await this.accounts.accountOfMember(m, memberId);
      if (!account || account.hasPassword || account.disabled || !account.email || !INVITABLE_STATUSES.includes(holder.status)) return;
      await this.provisioning.issueLink(m, { ...account, email: account.email }, holder.firstName, 'resend');
      await this.audit.record(m, { actorId: p.memberId, actorKind: 'member', context: 'identity', action: 'invitation.resent', subjectType: 'account', subjectId: account.accountId });
    });
  }

  /** A printed letter with a one-time code (for members without an e-mail address, or any member). */
  async letterFor(p: Principal, memberId: string): Promise<InvitationLetter> {
    return this.ds.transaction(async (m) => {
      const holder = await this.inScope(m, p, memberId);
      if (!INVITABLE_STATUSES.includes(holder.status)) {
        throw new DomainError('conflict', 'not_invitable', `Only current members can be invited; this member's status is ${holder.status}.`);
      }
      const [account] = await this.accounts.ensureAccounts(m, [{ memberId, email: holder.email }]);
      if (account.hasPassword) {
        throw new DomainError('conflict', 'already_activated', 'This member has already activated their account. If they forgot the password, they can reset it from the sign-in page.');
      }
      const now = this.clock.now();
      const code = letterCodeFrom(randomBytes(12));
      const expiresAt = expiryOf('letter', now);
      await this.accounts.replaceLive(m, [account.accountId]);
      await this.accounts.insertIssued(m, { accountId: account.accountId, memberId, kind: 'letter', secretHash: tokenHash(`letter:${memberId}:${code}`), at: now, expiresAt, batchRef: null });
      await this.audit.record(m, { actorId: p.memberId, actorKind: 'member', context: 'identity', action: 'invitation.letter-printed', subjectType: 'account', subjectId: account.accountId });
      return { memberNumber: holder.memberNumber, name: `${holder.firstName} ${holder.lastName}`.trim(), code, validUntil: expiresAt.toISOString().slice(0, 10), activateUrl: `${this.config.publicUrl}/activate` };
    });
  }

  /** An import's invitations: queued (not yet written, or waiting in the outbox), sent, failed. Only for who ran it. */
  async progress(p: Principal, batchId: string): Promise<InvitationProgress> {
    const m = this.ds.manager;
    const batch = await this.accounts.batch(m, batchId);
    if (!batch || !p.memberId || batch.requestedBy !== p.memberId) {
      throw new DomainError('not_found', 'import_not_found', 'There is no import with this id that you ran.');
    }
    return this.provisioning.importProgress(m, batchId, batch.members);
  }

  /** A signed-in member asks to use a new address: a link goes to it, and the old address is told. */
  async requestEmailChange(p: Principal, newEmail: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const account = await this.accounts.accountById(m, p.accountId);
      if (!account || !account.memberId) throw new DomainError('forbidden', 'not_allowed', 'Only a member account can change its address here.');
      if (account.email && account.email.toLowerCase() === newEmail.toLowerCase()) {
        throw new DomainError('invalid', 'same_email', 'This is already your address.', { field: 'email' });
      }
      const now = this.clock.now();
      const token = newToken();
      await this.accounts.insertEmailChange(m, account.id, newEmail.toLowerCase(), tokenHash(token), now, new Date(now.getTime() + 48 * 3600_000));
      await this.notifier.emailChange(m, { oldEmail: account.email, newEmail: newEmail.toLowerCase(), confirmUrl: `${this.config.publicUrl}/confirm-email?token=${token}` });
      await this.audit.record(m, { actorId: account.memberId, actorKind: 'member', context: 'identity', action: 'email-change.requested', subjectType: 'account', subjectId: account.id });
    });
  }

  async confirmEmailChange(token: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const change = await this.accounts.consumeEmailChange(m, tokenHash(token), now);
      if (!change) throw new DomainError('invalid', 'email_change_invalid', 'This confirmation link is not valid any more (it was used, replaced or has expired). Ask for the change again.');
      const account = await this.accounts.accountById(m, change.accountId);
      if (!account?.memberId) throw new DomainError('invalid', 'email_change_invalid', 'This confirmation link is not valid any more. Ask for the change again.');
      if (await this.accounts.emailTaken(m, change.newEmail, account.id)) {
        throw new DomainError('conflict', 'duplicate_email', 'Another account uses this address already. Use another address.', { field: 'email' });
      }
      await this.accounts.setEmail(m, account.id, change.newEmail, now);
      await this.directory.changeEmail(m, account.memberId, change.newEmail);
      await this.audit.record(m, { actorId: account.memberId, actorKind: 'member', context: 'identity', action: 'email-change.confirmed', subjectType: 'account', subjectId: account.id });
    });
  }

  private async inScope(m: Tx, p: Principal, memberId: string): Promise<AccountHolder> {
    const holder = await this.directory.holder(m, memberId);
    const national = p.holds('NATIONAL_OFFICE', ['membership-secretary']);
    if (!holder || (!national && !(holder.branchId && p.isOfficerOf(holder.branchId, ['secretary'])))) throw MEMBER_NOT_FOUND;
    return holder;
  }
}
