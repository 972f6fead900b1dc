import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock, LOGGER, type Logger } from '@org/platform';
import { DUES_CONFIG, type DuesConfig } from './dues.config';
import { DispatchRemindersUseCase } from './use-cases/dispatch-reminders.use-case';
import { RecomputeStandingUseCase } from './use-cases/recompute-standing.use-case';

/**
 * Runs the standing job once a day from inside the app: a timer checks every
 * `STANDING_JOB_INTERVAL_MINUTES` whether today's scheduled run has happened, and runs it if not.
 * Disabled in tests (NODE_ENV=test) and when the interval is 0. Several app instances are safe:
 * the job takes an advisory lock and a second runner is refused.
 */
@Injectable()
export class StandingJobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly job: RecomputeStandingUseCase,
    private readonly reminders: DispatchRemindersUseCase,
    private readonly clock: Clock,
    @Inject(DUES_CONFIG) private readonly config: DuesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.standingJobIntervalMinutes <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.standingJobIntervalMinutes * 60_000);
    this.timer.unref();
    setTimeout(() => void this.tick(), 5_000).unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const today = this.clock.today();
      if (!(await this.job.ranOn(today))) {
        const run = await this.job.run({ trigger: 'schedule', requestedBy: null });
        this.logger.info({ standingRun: { ...run } }, 'standing job ran');
      }
      // Also picks up reminders a previous tick recorded but could not hand over.
      await this.reminders.drain();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'standing job failed; it will be retried');
    } finally {
      this.running = false;
    }
  }
}
