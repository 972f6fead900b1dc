import { Module, type INestApplicationContext } from '@nestjs/common';
import { IdentityModule } from '@org/identity';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { AppealsController } from './api/appeals.controller';
import { CasesController } from './api/cases.controller';
import { CommissionController } from './api/commission.controller';
import { FindingsController } from './api/findings.controller';
import { IntakeController } from './api/intake.controller';
import { InvestigationController } from './api/investigation.controller';
import { OutcomesController } from './api/outcomes.controller';
import { ReadmissionController } from './api/readmission.controller';
import { TransparencyController } from './api/transparency.controller';
import { CaseGate } from './application/access/case-gate.service';
import { CaseNotifier } from './application/access/case-notifier';
import { CaseStore } from './application/access/case-store.service';
import { CaseViews } from './application/access/case-views.service';
import { NonMemberComplainants } from './application/access/non-member-complainants';
import { AppealsUseCase } from './application/appeal/appeals.use-case';
import { PanelDrawing } from './application/appeal/panel-drawing';
import { CaseContentService } from './application/case-content/case-content.service';
import { DisciplineKeys, loadDisciplineKeyRing } from './application/case-content/discipline-keys';
import { MasterKeyAgreement } from './infrastructure/master-key-agreement';
import { DeadlinesJob } from './application/deadlines/deadlines.job';
import { DISCIPLINE_SETTINGS, loadDisciplineSettings } from './application/discipline-settings';
import { DeliberateUseCase } from './application/finding/deliberate.use-case';
import { FinalizeFindingsJob } from './application/finding/finalize-findings.job';
import { FindingFinality } from './application/finding/finding-finality';
import { AlterationRefusals } from './application/independence/alteration-refusals';
import { ComplainantActions } from './application/intake/complainant-actions.use-case';
import { EmailVerificationService } from './application/intake/email-verification.service';
import { FileComplaint } from './application/intake/file-complaint.use-case';
import { MemberDirectoryQuery } from './application/intake/member-directory.query';
import { InterimMeasures } from './application/interim/interim-measures.use-case';
import { CaseMessagesUseCase } from './application/investigation/case-messages.use-case';
import { EvidenceUseCase } from './application/investigation/evidence.use-case';
import { InterviewsUseCase } from './application/investigation/interviews.use-case';
import { StatementsUseCase } from './application/investigation/statements.use-case';
import { MatchingUseCase } from './application/matching/matching.use-case';
import { PanelActions } from './application/panel/panel-actions.use-case';
import { PanelService } from './application/panel/panel.service';
import { AppealRepository } from './application/ports/appeal.repository';
import { CaseRecordsRepository } from './application/ports/case-records.repository';
import { CaseRepository } from './application/ports/case.repository';
import { ComplainantFilesRepository } from './application/ports/complainant-files.repository';
import { DisciplineTransactions } from './application/ports/discipline-transactions.port';
import { EmailVerificationRepository } from './application/ports/email-verification.repository';
import { FindingRepository } from './application/ports/finding.repository';
import { InvestigationRepository } from './application/ports/investigation.repository';
import { MatchGroupRepository } from './application/ports/match-group.repository';
import { MemberDirectoryRepository } from './application/ports/member-directory.repository';
import { DirectorySearchBudget } from './application/ports/directory-search-budget.port';
import { TransparencyReportRepository } from './application/ports/transparency-report.repository';
import { OutcomeNoticeRepository } from './application/ports/outcome-notice.repository';
import { ReadmissionRepository } from './application/ports/readmission.repository';
import { RecusalFacts } from './application/ports/recusal-facts.port';
import { RestrictionSources } from './application/ports/restrictions.port';
import { SanctionEffectsWriter } from './application/ports/sanction-effects.port';
import { SealedContentRepository } from './application/ports/sealed-content.repository';
import { OutcomeNoticesUseCase } from './application/publication/outcome-notices.use-case';
import { PublishDueNoticesJob } from './application/publication/publish-due-notices.job';
import { PublishedOutcomesQuery } from './application/publication/published-outcomes.query';
import { ReadmissionUseCase } from './application/readmission/readmission.use-case';
import { RecomputeRecusal } from './application/recusal/recompute-recusal.service';
import { RecusalActions } from './application/recusal/recusal-actions.use-case';
import { RecusalService } from './application/recusal/recusal.service';
import { TransparencyReportQuery } from './application/transparency/transparency-report.query';
import { TriageCase } from './application/triage/triage-case.use-case';
import { AppealSqlRepository } from './infrastructure/appeal/appeal.sql-repository';
import { CaseRecordsSqlRepository } from './infrastructure/case/case-records.sql-repository';
import { CaseSqlRepository } from './infrastructure/case/case.sql-repository';
import { SealedContentSqlRepository } from './infrastructure/case/sealed-content.sql-repository';
import { DisciplineDemoContributor } from './infrastructure/demo/discipline-demo.contributor';
import { DisciplineDb } from './infrastructure/discipline-db';
import { DirectorySearchBudgetSqlRepository } from './infrastructure/intake/directory-search-budget.sql-repository';
import { TransparencyReportSqlRepository } from './infrastructure/transparency/transparency-report.sql-repository';
import { DisciplineRestrictions } from './infrastructure/discipline-restrictions.adapter';
import { FindingSqlRepository } from './infrastructure/finding/finding.sql-repository';
import { DisciplineErrorFilter } from './infrastructure/http/discipline-error.filter';
import { ComplainantFilesSqlRepository } from './infrastructure/intake/complainant-files.sql-repository';
import { EmailVerificationSqlRepository } from './infrastructure/intake/email-verification.sql-repository';
import { InvestigationSqlRepository } from './infrastructure/investigation/investigation.sql-repository';
import { ProceedingsJobsScheduler } from './infrastructure/jobs/proceedings-jobs.scheduler';
import { MatchGroupSqlRepository } from './infrastructure/matching/match-group.sql-repository';
import { MemberDirectorySqlRepository } from './infrastructure/member-directory.sql-repository';
import { SanctionEffectsSqlWriter } from './infrastructure/finding/sanction-effects.sql-writer';
import { OutcomeNoticeSqlRepository } from './infrastructure/publication/outcome-notice.sql-repository';
import { ReadmissionSqlRepository } from './infrastructure/readmission/readmission.sql-repository';
import { RecusalFactsSqlRepository } from './infrastructure/recusal/recusal-facts.sql-repository';
import { RejoinFingerprints } from './infrastructure/rejoin-fingerprints.repository';
import { RestrictionsRepository } from './infrastructure/restrictions.repository';
import { SealedSnapshots } from './infrastructure/sealed-snapshots';

/**
 * The application's ports (`application/ports/`), each bound to the SQL adapter that implements
 * it (`infrastructure/`). The adapters are providers themselves too, so that each has one
 * instance whether reached through its port or by another adapter.
 */
const PORTS = [
  { provide: DisciplineTransactions, useExisting: DisciplineDb },
  { provide: CaseRepository, useExisting: CaseSqlRepository },
  { provide: CaseRecordsRepository, useExisting: CaseRecordsSqlRepository },
  { provide: SealedContentRepository, useExisting: SealedContentSqlRepository },
  { provide: ComplainantFilesRepository, useExisting: ComplainantFilesSqlRepository },
  { provide: EmailVerificationRepository, useExisting: EmailVerificationSqlRepository },
  { provide: MemberDirectoryRepository, useExisting: MemberDirectorySqlRepository },
  { provide: DirectorySearchBudget, useExisting: DirectorySearchBudgetSqlRepository },
  { provide: TransparencyReportRepository, useExisting: TransparencyReportSqlRepository },
  { provide: RecusalFacts, useExisting: RecusalFactsSqlRepository },
  { provide: RestrictionSources, useExisting: RestrictionsRepository },
  { provide: FindingRepository, useExisting: FindingSqlRepository },
  { provide: AppealRepository, useExisting: AppealSqlRepository },
  { provide: InvestigationRepository, useExisting: InvestigationSqlRepository },
  { provide: MatchGroupRepository, useExisting: MatchGroupSqlRepository },
  { provide: OutcomeNoticeRepository, useExisting: OutcomeNoticeSqlRepository },
  { provide: ReadmissionRepository, useExisting: ReadmissionSqlRepository },
  { provide: SanctionEffectsWriter, useExisting: SanctionEffectsSqlWriter satisfies new (...args: never[]) => SanctionEffectsWriter },
];

const ADAPTERS = [
  DisciplineDb,
  CaseSqlRepository,
  CaseRecordsSqlRepository,
  SealedContentSqlRepository,
  ComplainantFilesSqlRepository,
  EmailVerificationSqlRepository,
  MemberDirectorySqlRepository,
  DirectorySearchBudgetSqlRepository,
  TransparencyReportSqlRepository,
  RecusalFactsSqlRepository,
  RestrictionsRepository,
  SealedSnapshots,
  FindingSqlRepository,
  AppealSqlRepository,
  InvestigationSqlRepository,
  MatchGroupSqlRepository,
  OutcomeNoticeSqlRepository,
  ReadmissionSqlRepository,
  SanctionEffectsSqlWriter,
  RejoinFingerprints,
];

/**
 * The disciplinary context (S1–S14), one Nest module. A request goes controller (`api/`) → use
 * case (`application/<area>/`) → port (`application/ports/`) ← SQL adapter (`infrastructure/`),
 * and every case route passes the one door, `CaseGate`. Uses only the discipline connection.
 * Needs from the app: `AuditLog`, `Outbox` (notifications), `Clock`, `APP_CONFIG`, `LOGGER`, and
 * identity's `MandateService` and `AccountProvisioning`.
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
    // Read once, from the platform's validated configuration (its copy of the environment).
    { provide: DISCIPLINE_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadDisciplineSettings(config.env) },
    {
      provide: DisciplineKeys,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new DisciplineKeys(loadDisciplineKeyRing(config, logger, config.env)),
    },
    // Before anything is sealed: this process's key is the one the others on the database use.
    MasterKeyAgreement,
    ...PORTS,
    ...ADAPTERS,
    DisciplineErrorFilter,
    // The door to a case, its store, its notifier, sealing.
    CaseGate,
    CaseStore,
    CaseNotifier,
    CaseViews,
    CaseContentService,
    NonMemberComplainants,
    // Intake, triage, recusal, panels, interim measures, deadlines.
    FileComplaint,
    EmailVerificationService,
    MemberDirectoryQuery,
    ComplainantActions,
    TriageCase,
    RecusalService,
    RecomputeRecusal,
    RecusalActions,
    PanelService,
    PanelActions,
    InterimMeasures,
    DeadlinesJob,
    // Investigation.
    StatementsUseCase,
    InterviewsUseCase,
    EvidenceUseCase,
    CaseMessagesUseCase,
    // Findings and appeals.
    DeliberateUseCase,
    FindingFinality,
    FinalizeFindingsJob,
    PanelDrawing,
    AppealsUseCase,
    AlterationRefusals,
    // Publication, transparency, matching, readmission.
    OutcomeNoticesUseCase,
    PublishDueNoticesJob,
    PublishedOutcomesQuery,
    TransparencyReportQuery,
    MatchingUseCase,
    ReadmissionUseCase,
    ProceedingsJobsScheduler,
    // What the app composes: the restrictions adapter and the demo organization.
    DisciplineRestrictions,
    DisciplineDemoContributor,
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
