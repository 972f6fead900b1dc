import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { CasesController } from './api/cases.controller';
import { CommissionController } from './api/commission.controller';
import { IntakeController } from './api/intake.controller';
import { CaseGate } from './application/access/case-gate.service';
import { CaseStore } from './application/access/case-store.service';
import { CaseViews } from './application/access/case-views.service';
import { CaseContentService } from './application/case-content/case-content.service';
import { DisciplineKeys, loadDisciplineKeyRing } from './application/case-content/discipline-keys';
import { DeadlinesJob } from './application/deadlines/deadlines.job';
import { ComplainantActions } from './application/intake/complainant-actions.use-case';
import { EmailVerificationService } from './application/intake/email-verification.service';
import { FileComplaint } from './application/intake/file-complaint.use-case';
import { MemberDirectoryQuery } from './application/intake/member-directory.query';
import { InterimMeasures } from './application/interim/interim-measures.use-case';
import { PanelActions } from './application/panel/panel-actions.use-case';
import { PanelService } from './application/panel/panel.service';
import { RecomputeRecusal } from './application/recusal/recompute-recusal.service';
import { RecusalActions } from './application/recusal/recusal-actions.use-case';
import { RecusalService } from './application/recusal/recusal.service';
import { TriageCase } from './application/triage/triage-case.use-case';
import { DisciplineProceedingsModule } from './discipline-proceedings.module';
import { CaseNotifier } from './infrastructure/case-notifier';
import { CaseRecordsRepository } from './infrastructure/case-records.repository';
import { CaseRepository } from './infrastructure/case.repository';
import { ComplainantFilesRepository } from './infrastructure/complainant-files.repository';
import { DisciplineDemoContributor } from './infrastructure/demo/discipline-demo.contributor';
import { DisciplineDb } from './infrastructure/discipline-db';
import { DisciplineRestrictions } from './infrastructure/discipline-restrictions.adapter';
import { RejoinFingerprints } from './infrastructure/rejoin-fingerprints.repository';
import { DISCIPLINE_SETTINGS, loadDisciplineSettings } from './infrastructure/discipline-settings';
import { EmailVerificationRepository } from './infrastructure/email-verification.repository';
import { DisciplineErrorFilter } from './infrastructure/http/discipline-error.filter';
import { MemberDirectoryRepository } from './infrastructure/member-directory.repository';
import { RecusalFactsRepository } from './infrastructure/recusal-facts.repository';
import { RestrictionsRepository } from './infrastructure/restrictions.repository';
import { SealedContentRepository } from './infrastructure/sealed-content.repository';

/**
 * Part 1's building blocks that part 2 (`infrastructure/part2/`) binds its ports to. Exported
 * for Nest's injector only: the TypeScript face of the context (`index.ts`) shows none of them.
 */
const SHARED = [
  DisciplineDb,
  DisciplineKeys,
  DISCIPLINE_SETTINGS,
  CaseRepository,
  CaseStore,
  CaseGate,
  CaseContentService,
  CaseNotifier,
  RecusalFactsRepository,
  RecusalService,
  RecomputeRecusal,
  PanelService,
  RestrictionsRepository,
  CaseRecordsRepository,
  MemberDirectoryRepository,
  RejoinFingerprints,
];

/**
 * The disciplinary context (S1, S3–S6, S11–S13). Global so that the composing app can bind the
 * kernel's `RestrictionsPort` to `DisciplineRestrictions` (`useExisting`). Uses only the
 * discipline connection. Needs from the app: `AuditLog`, `Outbox` (notifications), `Clock`,
 * `APP_CONFIG`, `LOGGER`.
 */
@Global()
@Module({
  // Part 2 (investigation, findings, appeals, publication…) works through this module's exports.
  imports: [DisciplineProceedingsModule],
  controllers: [IntakeController, CasesController, CommissionController],
  providers: [
    { provide: DISCIPLINE_SETTINGS, useFactory: () => loadDisciplineSettings(process.env) },
    {
      provide: DisciplineKeys,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new DisciplineKeys(loadDisciplineKeyRing(config, logger)),
    },
    DisciplineDb,
    DisciplineErrorFilter,
    CaseRepository,
    CaseRecordsRepository,
    SealedContentRepository,
    RecusalFactsRepository,
    RestrictionsRepository,
    MemberDirectoryRepository,
    ComplainantFilesRepository,
    EmailVerificationRepository,
    CaseNotifier,
    CaseContentService,
    CaseStore,
    CaseGate,
    CaseViews,
    RecusalService,
    RecomputeRecusal,
    PanelService,
    FileComplaint,
    EmailVerificationService,
    MemberDirectoryQuery,
    ComplainantActions,
    TriageCase,
    RecusalActions,
    PanelActions,
    InterimMeasures,
    DeadlinesJob,
    DisciplineRestrictions,
    RejoinFingerprints,
    DisciplineDemoContributor,
  ],
  exports: [DisciplineRestrictions, DisciplineDemoContributor, DeadlinesJob, ...SHARED],
})
export class DisciplineModule {
  /**
   * One run of the deadlines job (escalations, periodic recusal recompute) — what the in-process
   * timer does every `DISCIPLINE_DEADLINE_JOB_MINUTES`; for tests (with a FixedClock) and
   * operations. Returns counts only.
   */
  static runDeadlines(app: INestApplicationContext): Promise<{ casesChecked: number; escalations: number; recusalsChanged: number }> {
    return app.get(DeadlinesJob, { strict: false }).runOnce();
  }

  /**
   * Key rotation: re-wraps every case data key under the active master key (put the new key
   * last in DISCIPLINE_KEY_FILE, or in DISCIPLINE_KEY with the old one kept in the file; restart;
   * run this; then drop the old key). Returns how many case keys were re-wrapped.
   */
  static async rotateKeys(app: INestApplicationContext): Promise<number> {
    const db = app.get(DisciplineDb, { strict: false });
    const content = app.get(CaseContentService, { strict: false });
    let total = 0;
    for (;;) {
      const n = await db.transaction((tx) => content.rewrapBatch(tx));
      total += n;
      if (n === 0) return total;
    }
  }
}
