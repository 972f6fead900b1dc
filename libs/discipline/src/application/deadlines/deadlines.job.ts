import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, Clock, LOGGER, type AppConfig, type Logger } from '@org/platform';
import { escalateOverdue } from '../../domain';
import { CaseRepository } from '../ports/case.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { CaseStore } from '../access/case-store.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';

export interface DeadlineRun {
  casesChecked: number;
  escalations: number;
  recusalsChanged: number;
}

/**
 * The deadlines job (S6), and the periodic recusal recompute (S3). For every open case, one
 * transaction each:
 * 1. recompute recusal — a transfer, a new mandate or a declaration may have changed the facts;
 *    a panelist or duty commissioner now conflicted is replaced (fresh recorded draw, next in rota);
 * 2. escalate each deadline missed (triage 7 d, panel 14 d, finding 60 d, interim measures 72 h
 *    for serious cases) to the whole commission cleared for the case — never a conflicted
 *    commissioner — once per deadline, recorded on the case and in `discipline.escalations`,
 *    each recipient told through the outbox (`case-update`: no content).
 *
 * Runs in-process every `DISCIPLINE_DEADLINE_JOB_MINUTES` (default 15; 0 = never), under a
 * PostgreSQL advisory lock so that several API processes do not run it at once. It never runs
 * in tests: they call `runOnce()` with a `FixedClock`. Idempotent: a second run escalates nothing new.
 */
@Injectable()
export class DeadlinesJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: DisciplineTransactions,
    private readonly cases: CaseRepository,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.settings.deadlineJobMinutes;
    if (this.config.nodeEnv === 'test' || minutes === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then((r) => {
          if (r.escalations > 0 || r.recusalsChanged > 0) this.logger.info({ ...r }, 'discipline deadlines job');
        })
        .catch((e: Error) => this.logger.error({ err: { name: e?.name, message: e?.message?.slice(0, 200) } }, 'discipline deadlines job failed'))
        .finally(() => (this.running = null));
    }, minutes * 60_000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  async runOnce(): Promise<DeadlineRun> {
    const result: DeadlineRun = { casesChecked: 0, escalations: 0, recusalsChanged: 0 };
    const ids = await this.db.transaction((tx) => this.cases.openCaseIds(tx));
    for (const id of ids) {
      await this.db.transaction(async (tx) => {
        const [lock] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('discipline:deadlines:' || $1)) AS ok`, [id]);
        if (!lock?.ok) return;
        const c = await this.cases.load(tx, id, true);
        if (!c) return;
        const now = this.clock.now();
        const recomputed = await this.recompute.run(tx, c, now, 'periodic');
        const escalated = escalateOverdue(c, now.toISOString(), this.settings.deadlines);
        await this.store.save(tx, c, [...recomputed.events, ...escalated], { actorId: null, actorKind: 'system' });
        result.casesChecked++;
        result.escalations += escalated.length;
        if (recomputed.events.length > 0) result.recusalsChanged++;
      });
    }
    return result;
  }
}
