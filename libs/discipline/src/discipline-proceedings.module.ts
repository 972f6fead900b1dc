import { Module } from '@nestjs/common';
import { AppealsController } from './api/appeals.controller';
import { FindingsController } from './api/findings.controller';
import { InvestigationController } from './api/investigation.controller';
import { OutcomesController } from './api/outcomes.controller';
import { ReadmissionController } from './api/readmission.controller';
import { TransparencyController } from './api/transparency.controller';
import { AppealsUseCase } from './application/appeal/appeals.use-case';
import { PanelDrawing } from './application/appeal/panel-drawing';
import { CaseFiles } from './application/finding/case-files';
import { NonMemberComplainants } from './application/finding/non-member-complainants';
import { CaseUpdates } from './application/finding/case-updates';
import { DeliberateUseCase } from './application/finding/deliberate.use-case';
import { FinalizeFindingsJob } from './application/finding/finalize-findings.job';
import { FindingFinality } from './application/finding/finding-finality';
import { loadProceedingsSettings, PROCEEDINGS_SETTINGS } from './application/finding/proceedings-settings';
import { CaseContent, CaseGateway, RecusalFactsSource } from './application/finding/proceedings.ports';
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
import { Part1CaseContent, Part1CaseGateway } from './infrastructure/part2/part1.adapters';
import { ProceedingsJobsScheduler } from './infrastructure/part2/proceedings-jobs.scheduler';
import { ReadmissionSqlRepository } from './infrastructure/part2/readmission.sql-repository';
import { SanctionEffectsSqlWriter } from './infrastructure/part2/sanction-effects.sql-writer';
import { SealedSnapshots } from './infrastructure/part2/sealed-snapshots';
import { RecusalFactsRepository } from './infrastructure/recusal-facts.repository';


/**
 * The disciplinary context, part 2 — the proceedings after a panel is seated: investigation
 * (statements, interviews, evidence, case messages), findings and sanctions, appeals,
 * publication of outcome notices, the transparency report, pattern matching, readmission and
 * commission independence (S2, S7–S10, S12). Imported by part 1's `DisciplineModule`, whose
 * global exports (case repository and store, content sealing, key ring, recusal facts,
 * restrictions projection) it works through. Only the discipline connection is used.
 */
@Module({
  controllers: [InvestigationController, FindingsController, AppealsController, OutcomesController, TransparencyController, ReadmissionController],
  providers: [
    { provide: PROCEEDINGS_SETTINGS, useFactory: () => loadProceedingsSettings() },
    { provide: CaseGateway, useClass: Part1CaseGateway },
    { provide: CaseContent, useClass: Part1CaseContent },
    { provide: RecusalFactsSource, useExisting: RecusalFactsRepository },
    SealedSnapshots,
    FindingSqlRepository,
    AppealSqlRepository,
    OutcomeNoticeSqlRepository,
    InvestigationSqlRepository,
    MatchGroupSqlRepository,
    ReadmissionSqlRepository,
    MemberDirectorySql,
    SanctionEffectsSqlWriter,
    CaseFiles,
    NonMemberComplainants,
    CaseUpdates,
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
  exports: [FinalizeFindingsJob, PublishDueNoticesJob, DeliberateUseCase, MatchingUseCase, ReadmissionUseCase, ProceedingsJobsScheduler],
})
export class DisciplineProceedingsModule {}
