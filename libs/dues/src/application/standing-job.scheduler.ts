import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock, JobRunner, LOGGER, type JobHandle, type Logger } from '@org/platform';
import { DUES_CONFIG, type DuesConfig } from './dues.config';
import { DispatchRemindersUseCase } from './use-cases/dispatch-reminders.use-case';
import { RecomputeStandingUseCase, type StandingRun } from './use-cases/recompute-standing.use-case';

/** One run of the `standing` job: today's standing run if it had not happened yet, and the reminders handed over. */
export interface StandingTick {
  /** The standing run this tick made; null when today's scheduled run had already happened. */
  standingRun: StandingRun | null;
  remindersHandedOver: number;
}

/**
 * The `standing` job, run once a day from inside the app: every `STANDING_JOB_INTERVAL_MINUTES`
 * (default 60; 0 and NODE_ENV=test: never on a schedule), and 5 seconds after boot, it checks
 * whether today's scheduled run has happened, runs it if not, and hands over the reminders
 * recorded but not yet handed over. `npm run job -- standing` does the same now. Scheduled by the
 * platform's job runner (one process at a time); the run itself also takes an advisory lock, so a
 * run requested over HTTP at the same moment is refused.
 */
@Injectable()
export class StandingJobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private handle: JobHandle | null = null;
  private readonly jobs: JobRunner;

  constructor(
    private readonly job: RecomputeStandingUseCase,
    private readonly reminders: DispatchRemindersUseCase,
    private readonly clock: Clock,
    @Inject(DUES_CONFIG) private readonly config: DuesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    // Absent when the class is built by hand: a runner of its own, in-process locks only.
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    this.handle = this.jobs.register({
      name: 'standing',
      description: "today's standing run (lapses, reinstatements, reminders) if it has not happened yet; then hands over pending reminders",
      everyMs: this.config.standingJobIntervalMinutes * 60_000,
      firstRunAfterMs: 5_000,
      run: () => this.runDue(),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }

  /** One run now; a failure is logged and retried by the next run. */
  async tick(): Promise<void> {
    try {
      await this.runDue();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'standing job failed; it will be retried');
    }
  }

  private async runDue(): Promise<StandingTick> {
    const today = this.clock.today();
    let standingRun: StandingRun | null = null;
    if (!(await this.job.ranOn(today))) {
      standingRun = await this.job.run({ trigger: 'schedule', requestedBy: null });
      this.logger.info({ standingRun: { ...standingRun } }, 'standing job ran');
    }
    // Also picks up reminders a previous run recorded but could not hand over.
    const remindersHandedOver = await this.reminders.drain();
    return { standingRun, remindersHandedOver };
  }
}
