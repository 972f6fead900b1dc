import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, Clock, JobRunner, LOGGER, type AppConfig, type JobHandle, type Logger } from '@org/platform';
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
 * Registered with the platform's job runner as `deadlines`: every `DISCIPLINE_DEADLINE_JOB_MINUTES`
 * (default 15; 0 = on request only, `npm run job -- deadlines`), one run at a time across processes
 * (the runner's lock), each case under its own advisory lock against a request at the same time.
 * Never on a schedule under NODE_ENV=test: tests call `runOnce()` with a `FixedClock`.
 * Idempotent: a second run escalates nothing new.
 */
@Injectable()
export class DeadlinesJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly jobs: JobRunner;
  private handle: JobHandle | null = null;

  constructor(
    private readonly db: DisciplineTransactions,
    private readonly cases: CaseRepository,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    // Absent when the class is built by hand: a runner of its own, in-process locks only.
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    this.handle = this.jobs.register({
      name: 'deadlines',
      description: 'escalates missed deadlines (S6) and recomputes recusal (S3) on every open case',
      everyMs: this.config.nodeEnv === 'test' ? 0 : this.settings.deadlineJobMinutes * 60_000,
      quietErrors: true,
      run: async () => {
        const r = await this.runOnce();
        if (r.escalations > 0 || r.recusalsChanged > 0) this.logger.info({ ...r }, 'discipline deadlines job');
        return { ...r };
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }

  async runOnce(): Promise<DeadlineRun> {
    const result: DeadlineRun = { casesChecked: 0, escalations: 0, recusalsChanged: 0 };
    const ids = await this.db.transaction((tx) => this.cases.openCaseIds(tx));
    for (const id of ids) {
      await this.db.transaction(async (tx) => {
        if (!(await this.cases.tryHoldForDeadlines(tx, id))) return;
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
