import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { APP_CONFIG, Clock, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { IdentityTransactions } from './ports/identity-transactions.port';
import { Principal } from '../domain/principal';
import { IdentityRepository } from './ports/identity.repository';
import { AttemptLimiter } from './attempt-limiter';
import { IdentityNotifier } from './identity-notifier.port';
import { PasswordHasher } from './password-hasher';
import { SIGN_IN_LIMITS, type SignInLimits } from './sign-in-limits';
import { newToken, tokenHash } from './token';

const INVALID_LOGIN = new DomainError('unauthenticated', 'invalid_credentials', 'The email or password is not right. Check them, or reset your password.');

/** The global brake's one key: failed sign-ins of everyone. */
const EVERYONE = 'everyone';

@Injectable()
export class AuthService implements OnApplicationShutdown {
  /** Work done after answering (password-reset mail), awaited at shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly ds: IdentityTransactions,
    private readonly repo: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly notifier: IdentityNotifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: AttemptLimiter,
    @Inject(SIGN_IN_LIMITS) private readonly limits: SignInLimits,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Limits (see `SignInLimits`): per client, and per (account, client) pair — so wrong passwords
   * typed elsewhere never lock the owner out of their own client — and a global brake that slows
   * every sign-in while failures across everyone are over the ceiling.
   */
  async login(email: string, password: string, address: string): Promise<{ accessToken: string; expiresAt: string }> {
    const who = email.trim().toLowerCase();
    // Per client, failed sign-ins count (many members behind one address — a congress hall, an
    // office — all sign in); per (account, client), every attempt counts until one succeeds.
    await this.limiter.assertUnder(this.limits.loginPerClient, address);
    await this.limiter.consume(this.limits.loginPerAccountClient, who, address);
    if (this.limits.loginBrakeMs > 0 && (await this.limiter.count(this.limits.loginFailuresPerMinute, EVERYONE)) >= this.limits.loginFailuresPerMinute.max) {
      await sleep(this.limits.loginBrakeMs);
    }
    const account = await this.repo.findAccountByEmail(this.ds.manager, email);
    const ok = await this.hasher.verify(account && !account.disabledAt ? account.passwordHash : null, password);
    if (!account || !ok) {
      await this.limiter.record(this.limits.loginPerClient, address);
      await this.limiter.record(this.limits.loginFailuresPerMinute, EVERYONE);
      throw INVALID_LOGIN;
    }
    await this.limiter.clear(this.limits.loginPerAccountClient, who, address);
    const now = this.clock.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600_000);
    await this.ds.transaction(async (m) => {
      const sessionId = await this.repo.createSession(m, account.id, tokenHash(token), expiresAt);
      await this.audit.record(m, { actorId: account.memberId ?? account.id, actorKind: account.memberId ? 'member' : 'account', context: 'identity', action: 'session.started', subjectType: 'session', subjectId: sessionId });
    });
    return { accessToken: token, expiresAt: expiresAt.toISOString() };
  }

  /** The principal behind a bearer token, re-read on every request; null when not valid. */
  async principalFor(token: string): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const row = await this.repo.findSession(this.ds.manager, tokenHash(token), this.clock.now());
    if (!row) return null;
    return new Principal(row.accountId, row.sessionId, row.email, row.memberId, row.memberStatus, row.branchId, row.mandates);
  }

  async logout(principal: Principal): Promise<void> {
    await this.ds.transaction(async (m) => {
      await this.repo.revokeSession(m, principal.sessionId, this.clock.now());
      await this.audit.record(m, { actorId: principal.memberId ?? principal.accountId, actorKind: 'member', context: 'identity', action: 'session.ended', subjectType: 'session', subjectId: principal.sessionId });
    });
  }

  /**
   * Answers at once, the same way and in the same time whether or not the address has an account:
   * only the per-client limit is checked before answering. Looking the account up, the per-address
   * limit (beyond it, silently no more mail), the token and the mail happen after the answer;
   * their errors are logged, never answered.
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    await this.limiter.consume(this.limits.resetPerClient, address);
    this.afterAnswering('password-reset', () => this.sendPasswordReset(email.trim().toLowerCase()));
  }

  /** Resolves when the work started after answering so far has finished (for shutdown and tests). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private afterAnswering(what: string, work: () => Promise<void>): void {
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((e: unknown) => this.logger.error({ err: e instanceof Error ? e.message : String(e), work: what }, 'work after answering failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  private async sendPasswordReset(email: string): Promise<void> {
    if (await this.limiter.exceeded(this.limits.resetPerEmail, email)) return;
    const account = await this.repo.findAccountByEmail(this.ds.manager, email);
    if (!account || account.disabledAt) return;
    const now = this.clock.now();
    const token = newToken();
    await this.ds.transaction(async (m) => {
      await this.repo.createPasswordReset(m, account.id, tokenHash(token), new Date(now.getTime() + 60 * 60_000));
      await this.notifier.passwordReset(m, { accountId: account.id, email: account.email, memberId: account.memberId }, `${this.config.publicUrl}/reset-password?token=${token}`);
      await this.audit.record(m, { actorId: null, actorKind: 'anonymous', context: 'identity', action: 'password-reset.requested', subjectType: 'account', subjectId: account.id });
    });
  }

  async confirmPasswordReset(token: string, newPassword: string): Promise<void> {
    const hash = await this.hasher.hash(newPassword);
    await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const accountId = await this.repo.consumePasswordReset(m, tokenHash(token), now);
      if (!accountId) {
        throw new DomainError('invalid', 'reset_link_invalid', 'This reset link is not valid any more (it was used, replaced or has expired). Ask for a new one.');
      }
      await this.repo.setPassword(m, accountId, hash);
      await this.repo.revokeAllSessions(m, accountId, now);
      await this.audit.record(m, { actorId: null, actorKind: 'account', context: 'identity', action: 'password-reset.completed', subjectType: 'account', subjectId: accountId });
    });
  }
}
