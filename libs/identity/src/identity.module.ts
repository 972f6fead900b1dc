import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountActivationController } from './api/account-activation.controller';
import { AuthController } from './api/auth.controller';
import { CodeOfConductController } from './api/code-of-conduct.controller';
import { BodiesController } from './api/bodies.controller';
import { PolicyGuard } from './api/policy.guard';
import { AccountActivationService } from './application/account-activation.service';
import { AccountProvisioning } from './application/account-provisioning.service';
import { AuthService } from './application/auth.service';
import { CodeOfConductService } from './application/code-of-conduct.service';
import { MandateService } from './application/mandate.service';
import { OfficerAccounts } from './application/officer-accounts';
import { PasswordHasher } from './application/password-hasher';
import { BodySeatsRepository } from './infrastructure/body-seats.repository';
import { IdentityRepository } from './infrastructure/identity.repository';
import { InvitationDispatchScheduler } from './infrastructure/invitation-dispatch.scheduler';
import { MemberAccountsRepository } from './infrastructure/member-accounts.repository';

/**
 * Accounts, sessions, bodies and mandates, and the global policy guard. Needs bindings for
 * `IdentityNotifier`, `InvitationNotifier`, `AccountHolderDirectory` and `RestrictionsPort` from
 * the composing app.
 */
@Module({
  controllers: [AuthController, BodiesController, AccountActivationController, CodeOfConductController],
  providers: [
    AuthService,
    MandateService,
    PasswordHasher,
    IdentityRepository,
    BodySeatsRepository,
    OfficerAccounts,
    MemberAccountsRepository,
    AccountProvisioning,
    AccountActivationService,
    CodeOfConductService,
    InvitationDispatchScheduler,
    { provide: APP_GUARD, useClass: PolicyGuard },
  ],
  exports: [AuthService, MandateService, PasswordHasher, IdentityRepository, OfficerAccounts, CodeOfConductService, AccountProvisioning, InvitationDispatchScheduler],
})
export class IdentityModule {}
