import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, dataSourceOptions, EMBEDDED_DATABASE, type AppConfig, type EmbeddedDatabase } from '@org/platform';
import { CaucusesController } from './api/caucuses.controller';
import { CaucusAudit } from './application/caucus-audit';
import { CaucusMembershipCheck } from './application/caucus-membership-check';
import { CAUCUS_SETTINGS, loadCaucusSettings } from './application/caucus-settings';
import { CaucusRepository } from './application/ports/caucus.repository';
import { CaucusTransactions } from './application/ports/caucus-transactions.port';
import { CaucusDiscussionUseCase } from './application/use-cases/caucus-discussion.use-case';
import { CaucusesUseCase } from './application/use-cases/caucuses.use-case';
import { CaucusSqlRepository } from './infrastructure/caucus.sql-repository';
import { CAUCUSES_CONNECTION, CaucusesDb } from './infrastructure/caucuses-db';
import { CaucusesDemoContributor } from './infrastructure/demo/caucuses-demo.contributor';

/**
 * Caucuses: its own connection (on real PostgreSQL a login in `commons_caucuses`, from
 * `CAUCUSES_DATABASE_URL`, else `DATABASE_URL`), its own schema. Needs from the composing app:
 * `CaucusMemberNames` (bound to the register), `AuditLog`, `Clock`. Exports one thing,
 * `CaucusMembershipCheck` (yes or no: is this member in this formed caucus), which the composition
 * binds to the congress floor's `CaucusMotions`; no other context can ask it who belongs to a caucus.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      name: CAUCUSES_CONNECTION,
      inject: [APP_CONFIG, EMBEDDED_DATABASE],
      useFactory: async (config: AppConfig, embedded: EmbeddedDatabase | null) => {
        const url = config.databaseUrl ? (loadCaucusSettings(config.env).databaseUrl ?? config.databaseUrl) : undefined;
        return {
          ...(await dataSourceOptions(config, 'app', url ? { url, applicationName: 'commons-caucuses' } : {}, embedded ?? undefined)),
          retryAttempts: 0,
          manualInitialization: false,
        };
      },
    }),
  ],
  controllers: [CaucusesController],
  providers: [
    { provide: CAUCUS_SETTINGS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadCaucusSettings(c.env) },
    { provide: CaucusTransactions, useClass: CaucusesDb },
    { provide: CaucusRepository, useClass: CaucusSqlRepository },
    CaucusAudit,
    CaucusesUseCase,
    CaucusDiscussionUseCase,
    CaucusesDemoContributor,
    CaucusMembershipCheck,
  ],
  exports: [CaucusMembershipCheck],
})
export class CaucusesModule {}
