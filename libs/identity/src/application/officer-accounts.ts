import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { APP_CONFIG, Clock, type AppConfig } from '@org/platform';
import { IdentityRepository } from '../infrastructure/identity.repository';
import { IdentityNotifier } from './identity-notifier.port';
import { newToken, tokenHash } from './token';

/** How long a founding officer's link works: the same hour as any password reset (the e-mail says so). */
const LINK_VALID_MINUTES = 60;

/**
 * Accounts for the officers of the founding act. Each account is created without a password and
 * its holder gets a one-time password-reset link through the outbox — the same token, table,
 * e-mail and confirmation route (`POST /auth/password-reset/confirm`) as "forgot my password".
 * If the link has expired, the officer asks for a new one from the sign-in page. The link is
 * never returned, printed or logged: only its holder's mailbox sees it.
 */
@Injectable()
export class OfficerAccounts {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly notifier: IdentityNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the caller's transaction: the account, and the reset e-mail written to the outbox. */
  async open(m: EntityManager, officer: { memberId: string; email: string }, actor: { id: string | null; kind: string }): Promise<{ accountId: string; linkValidMinutes: number }> {
    if (await this.repo.findAccountByEmail(m, officer.email)) {
      throw new DomainError('conflict', 'account_exists', `An account for ${officer.email} already exists.`);
    }
    const accountId = await this.repo.createAccount(m, { email: officer.email, memberId: officer.memberId, passwordHash: null });
    const token = newToken();
    await this.repo.createPasswordReset(m, accountId, tokenHash(token), new Date(this.clock.now().getTime() + LINK_VALID_MINUTES * 60_000));
    await this.notifier.passwordReset(m, { accountId, email: officer.email, memberId: officer.memberId }, `${this.config.publicUrl}/reset-password?token=${token}`);
    await this.audit.record(m, { actorId: actor.id, actorKind: actor.kind, context: 'identity', action: 'account.opened', subjectType: 'account', subjectId: accountId, data: { memberId: officer.memberId, by: 'password-reset link' } });
    return { accountId, linkValidMinutes: LINK_VALID_MINUTES };
  }
}
