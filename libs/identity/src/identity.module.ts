import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './api/auth.controller';
import { BodiesController } from './api/bodies.controller';
import { PolicyGuard } from './api/policy.guard';
import { AuthService } from './application/auth.service';
import { MandateService } from './application/mandate.service';
import { OfficerAccounts } from './application/officer-accounts';
import { PasswordHasher } from './application/password-hasher';
import { BodySeatsRepository } from './infrastructure/body-seats.repository';
import { IdentityRepository } from './infrastructure/identity.repository';

/**
 * Accounts, sessions, bodies and mandates, and the global policy guard. Needs bindings for
 * `IdentityNotifier` and `RestrictionsPort` from the composing app.
 */
@Module({
  controllers: [AuthController, BodiesController],
  providers: [AuthService, MandateService, PasswordHasher, IdentityRepository, BodySeatsRepository, OfficerAccounts, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AuthService, MandateService, PasswordHasher, IdentityRepository, OfficerAccounts],
})
export class IdentityModule {}
