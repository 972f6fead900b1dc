import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, JobRunner, LOGGER, type AppConfig, type JobHandle, type Logger } from '@org/platform';
import { FinalizeFindingsJob } from '../../application/finding/finalize-findings.job';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../../application/discipline-settings';
import { MatchingUseCase } from '../../application/matching/matching.use-case';
import { PublishDueNoticesJob } from '../../application/publication/publish-due-notices.job';
import { TransparencyReportQuery } from '../../application/transparency/transparency-report.query';

/**
 * The proceedings' scheduled work, registered with the platform's job runner:
 * - `proceedings`, every `DISCIPLINE_JOBS_INTERVAL_MS` (default 5 seconds; 0 = on request only;
 *   never on a schedule under NODE_ENV=test, where tests call `tick()` themselves): new reports
 *   are indexed for matching, findings whose appeal window passed become final (and ended
 *   suspensions are lifted), due outcome notices are published — on the same run as their
 *   finding becomes final —, and each closed period's transparency report is frozen once its
 *   lag has passed;
 * - the same steps one by one, on request only, for operators: `finality`, `publication`,
 *   `matching`, `transparency` (`npm run job -- finality`).
 * One run at a time across processes (the runner's lock); each step is idempotent and takes its
 * own locks besides. Logs and the run log carry counts only, and errors only their name and code.
 */
@Injectable()
export class ProceedingsJobsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly jobs: JobRunner;
  private handles: JobHandle[] = [];
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly finality: FinalizeFindingsJob,
    private readonly publication: PublishDueNoticesJob,
    private readonly matching: MatchingUseCase,
    private readonly transparency: TransparencyReportQuery,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    // Absent when the class is built by hand: a runner of its own, in-process locks only.
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    const onRequest = { everyMs: 0, quietErrors: true } as const;
    this.handles = [
      this.jobs.register({
        name: 'proceedings',
        description: 'matching, finality (and ended suspensions), due outcome notices, transparency reports — in that order',
        everyMs: this.config.nodeEnv === 'test' ? 0 : this.settings.jobsIntervalMs,
        quietErrors: true,
        run: () => this.runAll(),
      }),
      this.jobs.register({ name: 'finality', description: 'findings whose appeal window passed become final; ended suspensions are lifted', ...onRequest, run: () => this.finality.runOnce() }),
      this.jobs.register({ name: 'publication', description: 'due outcome notices are published to the membership', ...onRequest, run: () => this.publication.runOnce() }),
      this.jobs.register({ name: 'matching', description: 'new reports are indexed for matching (S10)', ...onRequest, run: () => this.matching.runOnce() }),
      this.jobs.register({ name: 'transparency', description: "each closed period's transparency report is computed and frozen once its lag has passed", ...onRequest, run: () => this.transparency.publishDue() }),
    ];
  }

  /** One round of every step, in order; a failure goes to the caller (the runner logs and retries). */
  private async runAll() {
    const matching = await this.matching.runOnce();
    const finality = await this.finality.runOnce();
    const publication = await this.publication.runOnce();
    const report = await this.transparency.publishDue();
    if (report.published.length) this.logger.info({ periods: report.published }, 'transparency report published');
    if (matching.indexed || finality.finalized || finality.suspensionsLifted || publication.published) {
      this.logger.info({ indexed: matching.indexed, ...finality, published: publication.published, recipients: publication.recipients }, 'discipline proceedings jobs ran');
    }
    return { indexed: matching.indexed, ...finality, published: publication.published, recipients: publication.recipients, reportsPublished: report.published.length };
  }

  /** One round of every step now (what the tests and the benchmark call); a failure is logged, and the next run retries. */
  tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = (async () => {
      try {
        await this.runAll();
      } catch (e) {
        const err = e as { name?: string; code?: string };
        this.logger.error({ err: { name: err?.name, code: err?.code } }, 'discipline proceedings jobs failed; the next run retries');
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.handles.map((h) => h.stop()));
    this.handles = [];
  }
}
