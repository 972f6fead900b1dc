import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, JobRunner, LOGGER, type AppConfig, type JobHandle, type Logger } from '@org/platform';
import { AccountProvisioning } from '../application/account-provisioning.service';

/**
 * The `invitation-dispatch` job: writes a large import's queued invitations to the outbox, batch
 * after batch, every `INVITATION_DISPATCH_MS` milliseconds (the validated `AppConfig`; default
 * 2000, 0: never on a schedule in this process; `npm run job -- invitation-dispatch` runs it now).
 * Scheduled by the platform's job runner, so two processes never run it at once; each batch also
 * locks its own rows (SKIP LOCKED).
 */
@Injectable()
export class InvitationDispatchScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private handle: JobHandle | null = null;
  private readonly jobs: JobRunner;

  constructor(
    private readonly provisioning: AccountProvisioning,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Absent when the class is built by hand (unit tests): a runner of its own, in-process locks only.
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    this.handle = this.jobs.register({
      name: 'invitation-dispatch',
      description: "writes a member import's queued invitations to the outbox, batch by batch",
      everyMs: this.config.invitationDispatchMs,
      run: async () => ({ invitations: await this.writeQueued() }),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }

  /** Writes every queued invitation now, batch by batch; returns how many (0 when it failed: it is retried next time). */
  async drain(): Promise<number> {
    try {
      return await this.writeQueued();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'writing queued invitations failed; it will be retried');
      return 0;
    }
  }

  private async writeQueued(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.provisioning.dispatchQueued();
      total += n;
      if (n === 0) break;
    }
    if (total > 0) this.logger.info({ invitations: total }, 'queued invitations written to the outbox');
    return total;
  }
}
