import { APP_CONFIG, type AppConfig } from '@org/platform';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@org/identity';
import { BallotsController } from './api/ballots.controller';
import { CongressesController } from './api/congresses.controller';
import { ElectionsController } from './api/elections.controller';
import { NominationsController } from './api/nominations.controller';
import { VacanciesController } from './api/vacancies.controller';
import { RepresentationMinimumsController } from './api/representation-minimums.controller';
import { ElectionsAudit } from './application/elections-audit';
import { ELECTIONS_CONFIG, loadElectionsConfig } from './application/elections.config';
import { BallotBox } from './application/ports/ballot-box.repository';
import { CongressRepository } from './application/ports/congress.repository';
import { ElectionNotices } from './application/ports/election-notices.port';
import { ElectionRepository } from './application/ports/election.repository';
import { ElectoralRegister } from './application/ports/electoral-register.port';
import { SeatChangesRepository } from './application/ports/seat-changes.repository';
import { ElectionsTransactions } from './application/ports/elections-transactions.port';
import { SeatFilling } from './application/seat-filling';
import { CastBallotUseCase } from './application/use-cases/cast-ballot.use-case';
import { CongressUseCase } from './application/use-cases/congress.use-case';
import { DeclareResultUseCase } from './application/use-cases/declare-result.use-case';
import { NominateUseCase } from './application/use-cases/nominate.use-case';
import { ReadElectionsUseCase } from './application/use-cases/read-elections.use-case';
import { RemindVotersUseCase } from './application/use-cases/remind-voters.use-case';
import { RunElectionUseCase } from './application/use-cases/run-election.use-case';
import { VacanciesUseCase } from './application/use-cases/vacancies.use-case';
import { RepresentationMinimumsUseCase } from './application/use-cases/representation-minimums.use-case';
import { BallotBoxSqlRepository } from './infrastructure/ballot-box.sql-repository';
import { CongressSqlRepository } from './infrastructure/congress.sql-repository';
import { ElectionSqlRepository } from './infrastructure/election.sql-repository';
import { CongressDelegatesFacade } from './infrastructure/congress-delegates.facade';
import { ElectoralRegisterSqlAdapter } from './infrastructure/electoral-register.sql-adapter';
import { OutboxElectionNotices } from './infrastructure/outbox-election-notices';
import { VoterRemindersScheduler } from './infrastructure/voter-reminders.scheduler';
import { SeatChangesSqlRepository } from './infrastructure/seat-changes.sql-repository';
import { ElectionsDb } from './infrastructure/elections-db';

/**
 * Elections and congress. Needs from the composing app: `RestrictionsPort` (kernel, bound
 * globally), `Outbox` (the global notifications module), `AuditLog`, `Clock`, the database; and
 * identity's `MandateService` / `IdentityRepository` (imported here).
 */
@Module({
  imports: [IdentityModule],
  controllers: [ElectionsController, NominationsController, BallotsController, CongressesController, VacanciesController, RepresentationMinimumsController],
  providers: [
    { provide: ElectionsTransactions, useClass: ElectionsDb },
    { provide: ELECTIONS_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadElectionsConfig({ ...c.env, NODE_ENV: c.nodeEnv }) },
    { provide: ElectionRepository, useClass: ElectionSqlRepository },
    { provide: BallotBox, useClass: BallotBoxSqlRepository },
    { provide: ElectoralRegister, useClass: ElectoralRegisterSqlAdapter },
    { provide: CongressRepository, useClass: CongressSqlRepository },
    { provide: ElectionNotices, useClass: OutboxElectionNotices },
    { provide: SeatChangesRepository, useClass: SeatChangesSqlRepository },
    ElectionsAudit,
    SeatFilling,
    RunElectionUseCase,
    NominateUseCase,
    CastBallotUseCase,
    DeclareResultUseCase,
    ReadElectionsUseCase,
    CongressUseCase,
    RemindVotersUseCase,
    VoterRemindersScheduler,
    VacanciesUseCase,
    RepresentationMinimumsUseCase,
    CongressDelegatesFacade,
  ],
  exports: [CongressDelegatesFacade],
})
export class ElectionsModule {}
