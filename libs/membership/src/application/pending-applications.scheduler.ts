import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LOGGER, type Logger } from '@org/platform';
import { APPLICATION_LIMITS, type ApplicationLimits } from './application-limits';
import { ApplyForMembershipUseCase } from './use-cases/apply-for-membership.use-case';

/**
 * Deletes the online applications never confirmed once their link has expired, from inside the
 * app: every `APPLICATION_CLEANUP_MINUTES` (default 60; 0 turns it off, as it is in tests), and
 * once shortly after boot. So an unconfirmed application (a name, an address, a phone) is not kept
 * past its link even when no one applies afterwards. Several app instances are safe: each run is
 * one `DELETE` of expired rows.
 */
@Injectable()
export class PendingApplicationsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly applications: ApplyForMembershipUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APPLICATION_LIMITS) private readonly limits: ApplicationLimits,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.limits.cleanupMinutes;
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.sweep(), minutes * 60_000);
    this.timer.unref();
    setTimeout(() => void this.sweep(), 5_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  /** Deletes the expired unconfirmed applications now; answers how many (0 when the run failed: it is retried next time). */
  sweep(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const n = await this.applications.deleteExpired();
        if (n > 0) this.logger.info({ expiredApplications: n }, 'expired unconfirmed applications deleted');
        return n;
      } catch (e) {
        const err = e as { code?: string; message?: string };
        this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'deleting expired applications failed; it will be retried');
        return 0;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
