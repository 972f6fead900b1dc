import { Module } from '@nestjs/common';
import { APP_CONFIG, IdempotencySqlStore, IdempotencyStore, type AppConfig } from '@org/platform';
import { DuesCsvBodyParser } from './api/csv-body.parser';
import { DuesController } from './api/dues.controller';
import { DUES_CONFIG, loadDuesConfig } from './application/dues.config';
import { DuesAudit } from './application/dues-audit';
import { DuesLedger } from './application/ports/dues-ledger.repository';
import { DuesTransactions } from './application/ports/dues-transactions.port';
import { StandingCalculator } from './application/standing-calculator';
import { StandingJobScheduler } from './application/standing-job.scheduler';
import { BankImportUseCase } from './application/use-cases/bank-import.use-case';
import { PaymentMappingsUseCase } from './application/use-cases/payment-mappings.use-case';
import { DispatchRemindersUseCase } from './application/use-cases/dispatch-reminders.use-case';
import { ManagePlansUseCase } from './application/use-cases/manage-plans.use-case';
import { MyDuesUseCase } from './application/use-cases/my-dues.use-case';
import { RecomputeStandingUseCase } from './application/use-cases/recompute-standing.use-case';
import { RecordPaymentUseCase } from './application/use-cases/record-payment.use-case';
import { StandingQueryUseCase } from './application/use-cases/standing-query.use-case';
import { TreasurerLookupUseCase } from './application/use-cases/treasurer-lookup.use-case';
import { WaiversUseCase } from './application/use-cases/waivers.use-case';
import { DuesDb } from './infrastructure/dues-db';
import { DuesLedgerSqlRepository } from './infrastructure/dues-ledger.sql-repository';

/**
 * Subs: plans, levels, the payments ledger, bank imports, waivers, standing and the standing
 * job. Needs from the composing app (bound as global ports): `MembershipRegisterPort` (the
 * membership context) and `DuesReminderNotifier` (the notifications outbox, or the
 * record-only adapter).
 */
@Module({
  controllers: [DuesController],
  providers: [
    { provide: DUES_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadDuesConfig({ ...c.env, NODE_ENV: c.nodeEnv }) },
    { provide: DuesTransactions, useClass: DuesDb },
    { provide: DuesLedger, useClass: DuesLedgerSqlRepository },
    { provide: IdempotencyStore, useFactory: () => new IdempotencySqlStore('dues.idempotency_keys') },
    DuesAudit,
    StandingCalculator,
    DuesCsvBodyParser,
    ManagePlansUseCase,
    MyDuesUseCase,
    RecordPaymentUseCase,
    WaiversUseCase,
    StandingQueryUseCase,
    TreasurerLookupUseCase,
    BankImportUseCase,
    PaymentMappingsUseCase,
    RecomputeStandingUseCase,
    DispatchRemindersUseCase,
    StandingJobScheduler,
  ],
  exports: [RecomputeStandingUseCase, DispatchRemindersUseCase],
})
export class DuesModule {}
