import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { AccountProvisioning } from '../application/account-provisioning.service';

/**
 * Writes a large import's queued invitations to the outbox, batch after batch, from inside the
 * API process, every `INVITATION_DISPATCH_MS` milliseconds (the validated `AppConfig`; default
 * 2000, 0 turns it off). Several processes are safe: each batch locks its rows (SKIP LOCKED).
 */
@Injectable()
export class InvitationDispatchScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly provisioning: AccountProvisioning,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const ms = this.config.invitationDispatchMs;
    if (ms === 0) return;
    this.timer = setInterval(() => void this.drain(), ms);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  /** Writes every queued invitation now, batch by batch; returns how many. */
  drain(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let total = 0;
      try {
        for (;;) {
          const n = await this.provisioning.dispatchQueued(500);
          total += n;
          if (n === 0) break;
        }
        if (total > 0) this.logger.info({ invitations: total }, 'queued invitations written to the outbox');
      } catch (e) {
        const err = e as { code?: string; message?: string };
        this.logger.warn({ err: { code: err.code, message: err.message?.slice(0, 200) } }, 'writing queued invitations failed; it will be retried');
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }
}
