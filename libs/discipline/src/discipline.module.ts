import { Module, type INestApplicationContext } from '@nestjs/common';
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
import { CaseNotifier } from './application/access/case-notifier';
import { CaseRecordsRepository } from './infrastructure/case-records.repository';
import { CaseRepository } from './infrastructure/case.repository';
import { ComplainantFilesRepository } from './infrastructure/complainant-files.repository';
import { DisciplineDemoContributor } from './infrastructure/demo/discipline-demo.contributor';
import { DisciplineDb } from './infrastructure/discipline-db';
import { DisciplineRestrictions } from './infrastructure/discipline-restrictions.adapter';
import { RejoinFingerprints } from './infrastructure/rejoin-fingerprints.repository';
import { DISCIPLINE_SETTINGS, loadDisciplineSettings } from './application/discipline-settings';
import { EmailVerificationRepository } from './infrastructure/email-verification.repository';
import { DisciplineErrorFilter } from './infrastructure/http/discipline-error.filter';
import { MemberDirectoryRepository } from './infrastructure/member-directory.repository';
import { RecusalFactsRepository } from './infrastructure/recusal-facts.repository';
import { RestrictionsRepository } from './infrastructure/restrictions.repository';
import { SealedContentRepository } from './infrastructure/sealed-content.repository';
import { IdentityModule } from '@org/identity';
import { AppealsController } from './api/appeals.controller';
import { FindingsController } from './api/findings.controller';
import { InvestigationController } from './api/investigation.controller';
import { OutcomesController } from './api/outcomes.controller';
import { ReadmissionController } from './api/readmission.controller';
import { TransparencyController } from './api/transparency.controller';
import { AppealsUseCase } from './application/appeal/appeals.use-case';
import { PanelDrawing } from './application/appeal/panel-drawing';
import { NonMemberComplainants } from './application/finding/non-member-complainants';
import { DeliberateUseCase } from './application/finding/deliberate.use-case';
import { FinalizeFindingsJob } from './application/finding/finalize-findings.job';
import { FindingFinality } from './application/finding/finding-finality';
import { RecusalFacts } from './application/ports/recusal-facts.port';
import { ProceedingsRefusals } from './application/independence/proceedings-refusals';
import { CaseMessagesUseCase } from './application/investigation/case-messages.use-case';
import { EvidenceUseCase } from './application/investigation/evidence.use-case';
import { InterviewsUseCase } from './application/investigation/interviews.use-case';
import { StatementsUseCase } from './application/investigation/statements.use-case';
import { MatchingUseCase } from './application/matching/matching.use-case';
import { OutcomeNoticesUseCase } from './application/publication/outcome-notices.use-case';
import { PublishDueNoticesJob } from './application/publication/publish-due-notices.job';
import { PublishedOutcomesQuery } from './application/publication/published-outcomes.query';
import { ReadmissionUseCase } from './application/readmission/readmission.use-case';
import { TransparencyReportQuery } from './application/transparency/transparency-report.query';
import { AppealSqlRepository } from './infrastructure/part2/appeal.sql-repository';
import { FindingSqlRepository } from './infrastructure/part2/finding.sql-repository';
import { InvestigationSqlRepository } from './infrastructure/part2/investigation.sql-repository';
import { MatchGroupSqlRepository } from './infrastructure/part2/match-group.sql-repository';
import { MemberDirectorySql } from './infrastructure/part2/member-directory.sql';
import { OutcomeNoticeSqlRepository } from './infrastructure/part2/outcome-notice.sql-repository';
import { ProceedingsJobsScheduler } from './infrastructure/part2/proceedings-jobs.scheduler';
import { ReadmissionSqlRepository } from './infrastructure/part2/readmission.sql-repository';
import { SanctionEffectsSqlWriter } from './infrastructure/part2/sanction-effects.sql-writer';
import { SealedSnapshots } from './infrastructure/part2/sealed-snapshots';

/**
 * The disciplinary context (S1–S14), one Nest module: intake, triage, recusal, panels, interim
 * measures and deadlines; investigation, findings, appeals, publication, transparency, pattern
 * matching and readmission. Uses only the discipline connection. Needs from the app: `AuditLog`,
 * `Outbox` (notifications), `Clock`, `APP_CONFIG`, `LOGGER`, identity's `MandateService`.
 *
 * Not global: it exports only `DisciplineRestrictions`, which the composition binds the kernel's
 * `RestrictionsPort` to. The demo contributor and the operator tasks below are found by the app
 * through the application context, not through exports.
 */
@Module({
  imports: [IdentityModule],
  controllers: [
    IntakeController,
    CasesController,
    CommissionController,
    InvestigationController,
    FindingsController,
    AppealsController,
    OutcomesController,
    TransparencyController,
    ReadmissionController,
  ],
  providers: [
    { provide: DISCIPLINE_SETTINGS, useFactory: () => loadDisciplineSettings(process.env) },
    {
      provide: DisciplineKeys,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new DisciplineKeys(loadDisciplineKeyRing(config, logger)),
    },
    { provide: RecusalFacts, useExisting: RecusalFactsRepository },
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
    SealedSnapshots,
    FindingSqlRepository,
    AppealSqlRepository,
    OutcomeNoticeSqlRepository,
    InvestigationSqlRepository,
    MatchGroupSqlRepository,
    ReadmissionSqlRepository,
    MemberDirectorySql,
    SanctionEffectsSqlWriter,
    NonMemberComplainants,
    ProceedingsRefusals,
    PanelDrawing,
    FindingFinality,
    DeliberateUseCase,
    FinalizeFindingsJob,
    AppealsUseCase,
    StatementsUseCase,
    InterviewsUseCase,
    EvidenceUseCase,
    CaseMessagesUseCase,
    OutcomeNoticesUseCase,
    PublishDueNoticesJob,
    PublishedOutcomesQuery,
    TransparencyReportQuery,
    MatchingUseCase,
    ReadmissionUseCase,
    ProceedingsJobsScheduler,
  ],
  exports: [DisciplineRestrictions],
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
