import { APP_CONFIG, IdempotencySqlStore, IdempotencyStore, type AppConfig } from '@org/platform';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@org/identity';
import { BranchesController } from './api/branches.controller';
import { CsvBodyParser } from './api/csv-body.parser';
import { ElectoralRollsController } from './api/electoral-rolls.controller';
import { ImportMappingsController } from './api/import-mappings.controller';
import { MeController } from './api/me.controller';
import { MembersController } from './api/members.controller';
import { FoundOrganizationUseCase } from './application/founding/found-organization.use-case';
import { APPLICATION_LIMITS, loadApplicationLimits } from './application/application-limits';
import { MEMBERSHIP_CONFIG, loadMembershipConfig } from './application/membership.config';
import { MembershipAudit } from './application/membership-audit';
import { BranchRepository } from './application/ports/branch.repository';
import { ElectoralRollRepository } from './application/ports/electoral-roll.repository';
import { MemberRegisterQuery } from './application/ports/member-register.query';
import { FoundingRepository } from './application/ports/founding.repository';
import { MemberRepository } from './application/ports/member.repository';
import { TransferRepository } from './application/ports/transfer.repository';
import { MeetingRepository } from './application/ports/meeting.repository';
import { RestrictionGate } from './application/restriction-gate';
import { ApplyForMembershipUseCase } from './application/use-cases/apply-for-membership.use-case';
import { PendingApplicationsScheduler } from './application/pending-applications.scheduler';
import { DecideApplicationUseCase } from './application/use-cases/decide-application.use-case';
import { EditMemberUseCase } from './application/use-cases/edit-member.use-case';
import { ElectoralRollUseCase } from './application/use-cases/electoral-roll.use-case';
import { ExportMembersUseCase } from './application/use-cases/export-members.use-case';
import { ImportMappingsUseCase } from './application/use-cases/import-mappings.use-case';
import { ImportMembersUseCase } from './application/use-cases/import-members.use-case';
import { ManageBranchesUseCase } from './application/use-cases/manage-branches.use-case';
import { ReadMemberUseCase } from './application/use-cases/read-member.use-case';
import { MeetingSpeakersUseCase } from './application/use-cases/meeting-speakers.use-case';
import { ScheduleMeetingUseCase } from './application/use-cases/schedule-meeting.use-case';
import { TransferMemberUseCase } from './application/use-cases/transfer-member.use-case';
import { BranchSqlRepository } from './infrastructure/branch.sql-repository';
import { FoundingSqlRepository } from './infrastructure/founding.sql-repository';
import { ElectoralRollSqlRepository } from './infrastructure/electoral-roll.sql-repository';
import { MemberRegisterSqlQuery } from './infrastructure/member-register.sql-query';
import { MemberSqlRepository } from './infrastructure/member.sql-repository';
import { TransferSqlRepository } from './infrastructure/transfer.sql-repository';
import { MeetingSqlRepository } from './infrastructure/meeting.sql-repository';
import { MembershipTransactions } from './application/ports/membership-transactions.port';
import { MembershipDb } from './infrastructure/membership-db';

/**
 * Members, branches, transfers, imports, electoral rolls. Needs from the composing app (bound as
 * global ports): `RestrictionsPort` (kernel; separations, hosting and the S13 protected-transfer
 * right), `StandingLookup` (the dues context) and `ApplicationConfirmationNotifier` (the e-mail
 * that confirms an application; `OutboxApplicationConfirmationNotifier` writes it to the outbox).
 * Applications are rate-limited by identity's `AttemptLimiter`.
 */
@Module({
  imports: [IdentityModule],
  controllers: [MembersController, MeController, BranchesController, ElectoralRollsController, ImportMappingsController],
  providers: [
    { provide: MembershipTransactions, useClass: MembershipDb },
    { provide: MEMBERSHIP_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadMembershipConfig(c.env) },
    { provide: APPLICATION_LIMITS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadApplicationLimits(c.env) },
    { provide: MemberRepository, useClass: MemberSqlRepository },
    { provide: BranchRepository, useClass: BranchSqlRepository },
    { provide: TransferRepository, useClass: TransferSqlRepository },
    { provide: MeetingRepository, useClass: MeetingSqlRepository },
    { provide: MemberRegisterQuery, useClass: MemberRegisterSqlQuery },
    { provide: ElectoralRollRepository, useClass: ElectoralRollSqlRepository },
    { provide: IdempotencyStore, useFactory: () => new IdempotencySqlStore('membership.idempotency_keys') },
    RestrictionGate,
    MembershipAudit,
    CsvBodyParser,
    ApplyForMembershipUseCase,
    PendingApplicationsScheduler,
    DecideApplicationUseCase,
    ReadMemberUseCase,
    EditMemberUseCase,
    ManageBranchesUseCase,
    TransferMemberUseCase,
    ScheduleMeetingUseCase,
    MeetingSpeakersUseCase,
    ImportMappingsUseCase,
    ImportMembersUseCase,
    ExportMembersUseCase,
    ElectoralRollUseCase,
    // The founding act (npm run org:init): no route; run by the CLI against a booted context.
    { provide: FoundingRepository, useClass: FoundingSqlRepository },
    FoundOrganizationUseCase,
  ],
})
export class MembershipModule {}
