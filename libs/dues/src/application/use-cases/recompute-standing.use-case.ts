import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock, one, query, type Tx } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { DuesErrorCode, isIsoDate, type StandingAssessment } from '../../domain';
import { DuesApplicationErrorCode } from '../dues-application.errors';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator } from '../standing-calculator';

export interface StandingRun {
  id: string;
  asOf: string;
  trigger: 'schedule' | 'request';
  members: number;
  inGoodStanding: number;
  lapsed: number;
  reinstated: number;
  reminders: number;
  skipped: number;
  durationMs: number;
}

export interface RecomputeOptions {
  asOf?: string;
  /** Branch treasurers recompute their own branches only. */
  branchIds?: readonly string[] | null;
  trigger: 'schedule' | 'request';
  requestedBy: string | null;
  batchSize?: number;
}

/** Who may run the job from the route: the EC, the national office, or a branch treasurer (own branches). */
export function recomputeScope(p: Principal): readonly string[] | null {
  if (p.holds('EC') || p.holds('NATIONAL_OFFICE', ['treasurer', 'membership-secretary'])) return null;
  const own = p.branchesWhere(['treasurer']);
  if (own.length === 0) throw new DomainError('forbidden', 'not_allowed', 'The standing job is run by the EC, the national office or a branch treasurer.');
  return [...new Set(own)];
}

/**
 * The standing job: for every member (in batches, by keyset over member ids) computes standing
 * as of the date with the domain's policy, stores it in the `dues.standing` read model (batched
 * upserts), and — when run for today — lapses active members out of good standing and
 * reinstates lapsed ones back in it (through the membership register port, i.e. the member
 * aggregate), and records one reminder per member in arrears per month. One transaction: a
 * failed run changes nothing. Runs never overlap (advisory lock). The recorded reminders are
 * handed to the notifier after the commit, in small transactions of their own
 * (`DispatchRemindersUseCase`), so delivery never holds up or rolls back the run.
 */
@Injectable()
export class RecomputeStandingUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async run(o: RecomputeOptions): Promise<StandingRun> {
    const started = Date.now();
    const today = this.clock.today();
    const asOf = o.asOf ?? today;
    if (!isIsoDate(asOf)) throw new DomainError('invalid', DuesErrorCode.invalidDate, 'asOf must be a date written YYYY-MM-DD.', { field: 'asOf' });
    if (asOf > today) throw new DomainError('invalid', DuesApplicationErrorCode.futureDate, `asOf ${asOf} is in the future; standing can be computed up to today.`, { field: 'asOf' });
    const applyToStatus = asOf === today;
    const size = o.batchSize ?? 5000;
    return this.ds.transaction(async (m) => {
      const lock = await one<{ ok: boolean }>(m, `SELECT pg_try_advisory_xact_lock(hashtext('dues.standing-job')) AS ok`);
      if (!lock.ok) throw new DomainError('conflict', DuesApplicationErrorCode.standingJobRunning, 'The standing job is already running; try again when it has finished.');
      const book = await this.calculator.planBook(m);
      const now = this.clock.now();
      const lapse: string[] = [];
      const reinstate: string[] = [];
      const inArrears: Array<{ memberId: string; a: StandingAssessment }> = [];
      let good = 0;
      // Every member in id order, then batches. While the domain assesses one batch, PostgreSQL is
      // already reading the next (the reads are queued on the transaction's connection): the two
      // processes work side by side instead of taking turns.
      const everyone = await this.register.page(m, null, Number.MAX_SAFE_INTEGER, o.branchIds ?? null);
      const batches: Array<typeof everyone> = [];
      for (let i = 0; i < everyone.length; i += size) batches.push(everyone.slice(i, i + size));
      const load = (batch: typeof everyone) => {
        const p = this.calculator.load(m, batch.map((x) => x.id), book);
        p.catch(() => undefined); // awaited below; this only silences the early-rejection warning
        return p;
      };
      let pending = batches.length > 0 ? load(batches[0]) : null;
      for (let k = 0; k < batches.length; k++) {
        const inputs = await pending!;
        pending = k + 1 < batches.length ? load(batches[k + 1]) : null;
        const rows: Array<{ memberId: string; a: StandingAssessment }> = [];
        for (let i = 0; i < batches[k].length; i++) {
          if (i % 500 === 499) await new Promise((r) => setImmediate(r)); // let the queued reads progress
          const { id: memberId, status: current } = batches[k][i];
          const a = this.calculator.assessOne(memberId, inputs, book, asOf);
          rows.push({ memberId, a });
          if (a.inGoodStanding) good++;
          if (!applyToStatus) continue;
          if (current === 'active' && a.status === 'active' && !a.inGoodStanding) lapse.push(memberId);
          else if (current === 'lapsed' && a.status === 'lapsed' && a.inGoodStanding) reinstate.push(memberId);
          if ((a.status === 'active' || a.status === 'lapsed') && a.arrearsMonths >= 1 && a.outstandingMinor > 0) inArrears.push({ memberId, a });
        }
        await this.ledger.upsertStanding(m, rows, now);
      }
      const members = everyone.length;
      const applied = applyToStatus ? await this.register.applyStanding(m, { lapse, reinstate }, { on: asOf, at: now.toISOString() }) : { lapsed: [], reinstated: [], skipped: [] };
      const reminders = applyToStatus ? await this.remind(m, inArrears, asOf, now) : 0;
      const run: StandingRun = {
        id: randomUUID(),
        asOf,
        trigger: o.trigger,
        members,
        inGoodStanding: good,
        lapsed: applied.lapsed.length,
        reinstated: applied.reinstated.length,
        reminders,
        skipped: applied.skipped.length,
        durationMs: 0,
      };
      run.durationMs = Date.now() - started;
      await query(
        m,
        `INSERT INTO dues.standing_runs (id, as_of, trigger, requested_by, started_at, finished_at, members, in_good_standing, lapsed, reinstated, reminders, skipped)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [run.id, asOf, o.trigger, o.requestedBy, now, new Date(now.getTime() + run.durationMs), members, good, run.lapsed, run.reinstated, reminders, run.skipped],
      );
      await this.audit.record(m, {
        actorId: o.requestedBy,
        actorKind: o.requestedBy ? 'member' : 'system',
        action: 'dues.standing-recomputed',
        subjectType: 'standing-run',
        subjectId: run.id,
        data: { asOf, trigger: o.trigger, members, inGoodStanding: good, lapsed: run.lapsed, reinstated: run.reinstated, reminders, skipped: run.skipped, branchIds: o.branchIds ?? null },
      });
      return run;
    });
  }

  /** Whether a scheduled run already happened for this date. */
  async ranOn(asOf: string): Promise<boolean> {
    const rows = await query<{ ran: number }>(this.ds.manager, `SELECT 1 AS ran FROM dues.standing_runs WHERE as_of = $1 AND trigger = 'schedule' LIMIT 1`, [asOf]);
    return rows.length > 0;
  }

  /** The last 50 runs, newest first, each as the run reported it (its duration from its start and end). */
  async recentRuns(): Promise<Array<StandingRun & { startedAt: Date; finishedAt: Date }>> {
    return query<StandingRun & { startedAt: Date; finishedAt: Date }>(
      this.ds.manager,
      `SELECT id, to_char(as_of, 'YYYY-MM-DD') AS "asOf", trigger, started_at AS "startedAt", finished_at AS "finishedAt",
              members, in_good_standing AS "inGoodStanding", lapsed, reinstated, reminders, skipped,
              round(extract(epoch FROM finished_at - started_at) * 1000)::int AS "durationMs"
         FROM dues.standing_runs ORDER BY started_at DESC LIMIT 50`,
    );
  }

  /** Records one reminder per member in arrears per month (set-based); delivery follows the commit (DispatchRemindersUseCase). */
  private async remind(m: Tx, inArrears: Array<{ memberId: string; a: StandingAssessment }>, asOf: string, now: Date): Promise<number> {
    let recorded = 0;
    const period = asOf.slice(0, 7);
    const chunk = 10_000;
    for (let i = 0; i < inArrears.length; i += chunk) {
      const s = inArrears.slice(i, i + chunk);
      const rows = await query<{ id: string }>(
        m,
        `INSERT INTO dues.reminders (id, member_id, period, arrears_months, outstanding_minor, currency, as_of, created_at)
         SELECT gen_random_uuid(), mid, $1, arrears, outstanding, cur, $2, $3 FROM unnest($4::uuid[], $5::int[], $6::bigint[], $7::text[]) AS t(mid, arrears, outstanding, cur)
         ON CONFLICT (member_id, period) DO NOTHING RETURNING id`,
        [period, asOf, now, s.map((x) => x.memberId), s.map((x) => x.a.arrearsMonths), s.map((x) => x.a.outstandingMinor), s.map((x) => x.a.currency)],
      );
      recorded += rows.length;
    }
    return recorded;
  }
}
