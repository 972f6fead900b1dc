import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { FinalizeFindingsJob } from '../../application/finding/finalize-findings.job';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../../application/discipline-settings';
import { MatchingUseCase } from '../../application/matching/matching.use-case';
import { PublishDueNoticesJob } from '../../application/publication/publish-due-notices.job';
import { TransparencyReportQuery } from '../../application/transparency/transparency-report.query';

/**
 * Runs part 2's scheduled jobs in this process every `DISCIPLINE_JOBS_INTERVAL_MS` (default 5
 * seconds; 0 = never; never under NODE_ENV=test, where tests call `runOnce` themselves):
 * findings whose appeal window passed become final (and ended suspensions are lifted), due
 * outcome notices are published, new reports are indexed for matching, and each closed period's
 * transparency report is computed and frozen once its lag has passed. Each job is idempotent
 * and takes its own locks, so two processes running them at once do no harm; a tick that is
 * still running is not started again. Logs carry counts only.
 */
@Injectable()
export class ProceedingsJobsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly finality: FinalizeFindingsJob,
    private readonly publication: PublishDueNoticesJob,
    private readonly matching: MatchingUseCase,
    private readonly transparency: TransparencyReportQuery,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.jobsIntervalMs === 0 || this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.tick(), this.settings.jobsIntervalMs);
    this.timer.unref?.();
  }

  /** One round of every job (also what the tests and the benchmark call). */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const matching = await this.matching.runOnce();
        const finality = await this.finality.runOnce();
        const publication = await this.publication.runOnce();
        const report = await this.transparency.publishDue();
        if (report.published.length) this.logger.info({ periods: report.published }, 'transparency report published');
        if (matching.indexed || finality.finalized || finality.suspensionsLifted || publication.published) {
          this.logger.info({ indexed: matching.indexed, ...finality, published: publication.published, recipients: publication.recipients }, 'discipline proceedings jobs ran');
        }
      } catch (e) {
        const err = e as { name?: string; code?: string };
        this.logger.error({ err: { name: err?.name, code: err?.code } }, 'discipline proceedings jobs failed; the next run retries');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
