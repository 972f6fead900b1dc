import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { AccountActivationController } from './api/account-activation.controller';
import { AuthController } from './api/auth.controller';
import { BodiesController } from './api/bodies.controller';
import { CodeOfConductController } from './api/code-of-conduct.controller';
import { PolicyGuard } from './api/policy.guard';
import { RetryAfterInterceptor } from './api/retry-after.interceptor';
import { AccountActivationService } from './application/account-activation.service';
import { AccountProvisioning } from './application/account-provisioning.service';
import { AttemptLimiter, AttemptStore, MemoryAttemptStore } from './application/attempt-limiter';
import { AuthService } from './application/auth.service';
import { CodeOfConductService } from './application/code-of-conduct.service';
import { MandateService } from './application/mandate.service';
import { PasswordHasher } from './application/password-hasher';
import { SIGN_IN_LIMITS, loadSignInLimits } from './application/sign-in-limits';
import { BodySeatsRepository } from './application/ports/body-seats.repository';
import { IdentityRepository } from './application/ports/identity.repository';
import { IdentityTransactions } from './application/ports/identity-transactions.port';
import { MemberAccountsRepository } from './application/ports/member-accounts.repository';
import { BodySeatsSqlRepository } from './infrastructure/body-seats.sql-repository';
import { IdentityDb } from './infrastructure/identity-db';
import { IdentitySqlRepository } from './infrastructure/identity.sql-repository';
import { MemberAccountsSqlRepository } from './infrastructure/member-accounts.sql-repository';
import { InvitationDispatchScheduler } from './infrastructure/invitation-dispatch.scheduler';
import { RedisAttemptStore } from './infrastructure/redis-attempt.store';

/** The database a deployment uses, naming its rate-limit keys in a shared Redis. */
const limitPrefix = (config: AppConfig): string => {
  const db = config.databaseUrl ? new URL(config.databaseUrl) : null;
  return `commons:limits:${db ? `${db.hostname}:${db.port || 5432}${db.pathname}` : 'embedded'}`;
};

/**
 * Accounts, invitations and activation, sessions, bodies and mandates, the code of conduct, the
 * global policy guard, and the platform's one rate limiter (`AttemptLimiter`: Redis when
 * `REDIS_URL` is set, else this process's memory). Needs bindings for `IdentityNotifier`,
 * `InvitationNotifier`, `AccountHolderDirectory` and `RestrictionsPort` from the composing app.
 */
@Module({
  controllers: [AuthController, BodiesController, AccountActivationController, CodeOfConductController],
  providers: [
    AuthService,
    MandateService,
    PasswordHasher,
    { provide: IdentityTransactions, useClass: IdentityDb },
    { provide: IdentityRepository, useClass: IdentitySqlRepository },
    { provide: BodySeatsRepository, useClass: BodySeatsSqlRepository },
    { provide: MemberAccountsRepository, useClass: MemberAccountsSqlRepository },
    AccountProvisioning,
    AccountActivationService,
    CodeOfConductService,
    InvitationDispatchScheduler,
    AttemptLimiter,
    { provide: SIGN_IN_LIMITS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadSignInLimits(c.env) },
    {
      provide: AttemptStore,
      inject: [APP_CONFIG, LOGGER],
      useFactory: async (config: AppConfig, logger: Logger): Promise<AttemptStore> => {
        if (!config.redisUrl) return new MemoryAttemptStore();
        const store = new RedisAttemptStore(config.redisUrl, limitPrefix(config), logger);
        await store.ready();
        return store;
      },
    },
    { provide: APP_GUARD, useClass: PolicyGuard },
    { provide: APP_INTERCEPTOR, useClass: RetryAfterInterceptor },
  ],
  exports: [AuthService, MandateService, PasswordHasher, IdentityRepository, CodeOfConductService, AccountProvisioning, InvitationDispatchScheduler, AttemptLimiter],
})
export class IdentityModule implements OnApplicationShutdown {
  constructor(private readonly store: AttemptStore) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.store instanceof RedisAttemptStore) await this.store.close();
  }
}
