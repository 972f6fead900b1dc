import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JobRunner, LOGGER, type JobHandle, type Logger } from '@org/platform';
import { APPLICATION_LIMITS, type ApplicationLimits } from './application-limits';
import { ApplyForMembershipUseCase } from './use-cases/apply-for-membership.use-case';

/**
 * The `pending-applications` job: deletes the online applications never confirmed once their link
 * has expired, every `APPLICATION_CLEANUP_MINUTES` (default 60; 0 turns the schedule off, as it is
 * in tests) and once 5 seconds after boot; `npm run job -- pending-applications` runs it now. So an
 * unconfirmed application (a name, an address, a phone) is not kept past its link even when no one
 * applies afterwards. Scheduled by the platform's job runner (one process at a time); each run is
 * one `DELETE` of expired rows.
 */
@Injectable()
export class PendingApplicationsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private handle: JobHandle | null = null;
  private readonly jobs: JobRunner;

  constructor(
    private readonly applications: ApplyForMembershipUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APPLICATION_LIMITS) private readonly limits: ApplicationLimits,
    // Absent when the class is built by hand (unit tests): a runner of its own, in-process locks only.
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    const minutes = this.limits.cleanupMinutes;
    this.handle = this.jobs.register({
      name: 'pending-applications',
      description: 'deletes the membership applications never confirmed once their link has expired',
      everyMs: minutes * 60_000,
      firstRunAfterMs: 5_000,
      run: async () => ({ expiredApplications: await this.deleteExpired() }),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }

  /** Deletes the expired unconfirmed applications now; answers how many (0 when the run failed: it is retried next time). */
  async sweep(): Promise<number> {
    try {
      return await this.deleteExpired();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'deleting expired applications failed; it will be retried');
      return 0;
    }
  }

  private async deleteExpired(): Promise<number> {
    const n = await this.applications.deleteExpired();
    if (n > 0) this.logger.info({ expiredApplications: n }, 'expired unconfirmed applications deleted');
    return n;
  }
}
