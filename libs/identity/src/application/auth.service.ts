import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { APP_CONFIG, Clock, type AppConfig } from '@org/platform';
import { Principal } from '../domain/principal';
import { IdentityRepository } from '../infrastructure/identity.repository';
import { AttemptLimiter } from './attempt-limiter';
import { IdentityNotifier } from './identity-notifier.port';
import { PasswordHasher } from './password-hasher';
import { newToken, tokenHash } from './token';

const INVALID_LOGIN = new DomainError('unauthenticated', 'invalid_credentials', 'The email or password is not right. Check them, or reset your password.');

@Injectable()
export class AuthService {
  private readonly loginByEmail = new AttemptLimiter(10, 15 * 60_000);
  private readonly loginByAddress = new AttemptLimiter(100, 15 * 60_000);
  private readonly resetByEmail = new AttemptLimiter(3, 60 * 60_000);
  private readonly resetByAddress = new AttemptLimiter(20, 60 * 60_000);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly notifier: IdentityNotifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<{ accessToken: string; expiresAt: string }> {
    const now = this.clock.now();
    this.loginByAddress.check(address, now.getTime());
    this.loginByEmail.check(email.toLowerCase(), now.getTime());
    const account = await this.repo.findAccountByEmail(this.ds.manager, email);
    const ok = await this.hasher.verify(account && !account.disabledAt ? account.passwordHash : null, password);
    if (!account || !ok) throw INVALID_LOGIN;
    this.loginByEmail.reset(email.toLowerCase());
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

  /** Always answers the same way, whether or not the address has an account. */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    this.resetByAddress.check(address, now.getTime());
    this.resetByEmail.check(email.toLowerCase(), now.getTime());
    const account = await this.repo.findAccountByEmail(this.ds.manager, email);
    if (!account || account.disabledAt) return;
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
