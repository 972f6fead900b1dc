import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import type { CaseSnapshot } from '../../domain/case/case.types';
import type { SanctionKind } from '../../domain/finding/sanction.value-object';
import {
  buildTransparencyReport,
  type AppealResult,
  type ComplaintPath,
  type ReportStage,
  type TransparencyCaseFacts,
  type TransparencyReport,
} from '../../domain/transparency/transparency-report.read-model';
import {
  arbitraryWindowRefused,
  duePeriods,
  latestDuePeriod,
  parsePeriodId,
  periodContaining,
  publicationDate,
  type ReportingPeriod,
  type ReportingPeriodKind,
} from '../../domain/transparency/reporting-period';
import { AppealRepository } from '../ports/appeal.repository';
import { FindingRepository } from '../ports/finding.repository';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { CaseRepository } from '../ports/case.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { TransparencyReportRepository, type PublishedPeriod, type PublishedTransparencyReport } from '../ports/transparency-report.repository';
export type { PublishedPeriod, PublishedTransparencyReport };

const PATH: Record<CaseSnapshot['path'], ComplaintPath> = { 'record-only': 'record_only', informal: 'informal', formal: 'formal' };

export interface TransparencyReportIndex {
  readonly periodKind: ReportingPeriodKind;
  readonly publicationLagDays: number;
  /** Every published period, newest first. */
  readonly periods: readonly PublishedPeriod[];
  /** The next period to be published, and when. */
  readonly nextPublication: { readonly periodId: string; readonly from: string; readonly to: string; readonly publishesOn: string };
  /** The period asked for, or the latest published one (null before the first is published). */
  readonly report: PublishedTransparencyReport | null;
}

/**
 * The transparency report any member can read (S6, S8): aggregate figures for a fixed period
 * (a calendar quarter by default, `DISCIPLINE_TRANSPARENCY_PERIOD`), built from plain facts of
 * each case (dates and categories — no id, name or content) and protected by the domain's
 * small-cell suppression, so no figure from 1 to threshold−1 is ever shown or can be worked out
 * from the others.
 *
 * Never live (S1, S8): a period's report is computed once, by the scheduled job, when the period
 * has closed and `DISCIPLINE_TRANSPARENCY_LAG_DAYS` (14) have passed, and stored; readers get the
 * stored figures. An arbitrary window is refused — a window asked for before and after a filing
 * would otherwise show a complaint arriving.
 */
@Injectable()
export class TransparencyReportQuery {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly reports: TransparencyReportRepository,
    private readonly cases: CaseRepository,
    private readonly findings: FindingRepository,
    private readonly appeals: AppealRepository,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  private get kind(): ReportingPeriodKind {
    return this.settings.transparencyPeriod;
  }

  private get lag(): number {
    return this.settings.transparencyLagDays;
  }

  /** `GET /transparency-report`: the published periods, and one report (asked for, or the latest). */
  async read(q: { period?: string; from?: string; to?: string }): Promise<TransparencyReportIndex> {
    if (q.from !== undefined || q.to !== undefined) throw arbitraryWindowRefused(this.kind, this.lag);
    const wanted = q.period !== undefined ? parsePeriodId(this.kind, q.period) : null;
    const now = this.clock.now();
    const next = periodContaining(this.kind, new Date(Date.parse(latestDuePeriod(this.kind, this.lag, now).to)));
    const periods = await this.db.read((db) => this.reports.periods(db, this.kind));
    const pick = wanted ? wanted.id : periods[0]?.periodId;
    let report: PublishedTransparencyReport | null = null;
    if (pick) {
      report = await this.db.read((db) => this.reports.report(db, this.kind, pick));
      if (!report && wanted) {
        const on = publicationDate(wanted, this.lag);
        throw new DomainError(
          'not_found',
          'discipline.transparency.not_published',
          on > now
            ? `The report for ${wanted.id} is not published yet: it is published on ${iso(on).slice(0, 10)}, ${this.lag} days after the ${this.kind} ends.`
            : `There is no published report for ${wanted.id}: reports start with the ${this.kind} of the first complaint the platform received.`,
          { field: 'period' },
        );
      }
    }
    return {
      periodKind: this.kind,
      publicationLagDays: this.lag,
      periods,
      nextPublication: { periodId: next.id, from: next.from, to: next.to, publishesOn: iso(publicationDate(next, this.lag)).slice(0, 10) },
      report,
    };
  }

  /**
   * The scheduled job: computes and stores the report of every period that has closed (and whose
   * lag has passed) and has none yet. Idempotent; a stored report is never replaced.
   */
  async publishDue(now: Date = this.clock.now()): Promise<{ published: string[] }> {
    return this.db.transaction(async (m) => {
      // One publisher at a time; the others find the rows already there.
      await this.reports.lockPublication(m);
      const due = duePeriods(this.kind, this.lag, now, await this.reports.firstComplaintAt(m));
      const have = await this.reports.publishedPeriodIds(m, this.kind);
      const missing = due.filter((p) => !have.has(p.id));
      if (missing.length === 0) return { published: [] };
      const facts = await this.facts(m);
      for (const p of missing) await this.reports.store(m, p, this.compute(facts, p, now), now);
      return { published: missing.map((p) => p.id) };
    });
  }

  private compute(facts: TransparencyCaseFacts[], p: ReportingPeriod, now: Date): PublishedTransparencyReport {
    const report = buildTransparencyReport(facts, { from: p.from, to: p.to }, { threshold: this.settings.transparencyThreshold });
    return { ...report, periodId: p.id, periodKind: p.kind, publishedAt: now.toISOString() };
  }

  private async facts(m: Tx): Promise<TransparencyCaseFacts[]> {
    const findings = await this.findings.reportFacts(m);
    const appeals = await this.appeals.reportFacts(m);
    const facts: TransparencyCaseFacts[] = [];
    let after: string | null = null;
    for (;;) {
      const page: CaseSnapshot[] = await this.cases.page(m, after, 500);
      for (const c of page) facts.push(this.factsOf(c, findings.filter((f) => f.caseId === c.id), appeals.filter((a) => a.caseId === c.id)));
      if (page.length < 500) break;
      after = page[page.length - 1].id;
    }
    return facts;
  }

  private factsOf(
    c: CaseSnapshot,
    findings: { status: string; decidedAt: string | null; finalAt: string | null; finalSanction: string | null; remandOf: string | null }[],
    appeals: { lodgedAt: string; outcome: string | null }[],
  ): TransparencyCaseFacts {
    const firstDecided = findings.map((f) => f.decidedAt).filter((x): x is string => x !== null).sort()[0] ?? null;
    const final = findings.filter((f) => f.status === 'final' && f.finalAt).sort((a, b) => (a.finalAt as string).localeCompare(b.finalAt as string))[0];
    let stage: ReportStage;
    switch (c.stage) {
      case 'finding':
        stage = findings.some((f) => f.status === 'under_appeal') ? 'under_appeal' : findings.some((f) => f.decidedAt) ? 'decided' : 'investigating';
        break;
      default:
        stage = c.stage as ReportStage;
    }
    return {
      receivedAt: c.receivedAt,
      path: PATH[c.path],
      stage,
      findingDecidedAt: firstDecided,
      finalAt: final?.finalAt ?? null,
      finalSanction: (final?.finalSanction as SanctionKind | undefined) ?? null,
      missedDeadlines: c.escalations.map((e) => ({ dueAt: e.dueAt })),
      recusals: [
        ...(c.recusal ? Array.from({ length: c.recusal.conflicted.length }, () => ({ at: c.recusal!.computedAt, kind: 'automatic' as const })) : []),
        ...c.selfRecusals.map((r) => ({ at: r.at, kind: 'self' as const })),
      ],
      challenges: c.challenges.map((ch) => ({ at: ch.lodgedAt, result: ch.decision ? (ch.decision.upheld ? 'upheld' : 'rejected') : 'pending' }) as const),
      appeals: appeals.map((a) => ({ lodgedAt: a.lodgedAt, result: (a.outcome ?? 'pending') as AppealResult })),
    };
  }
}

const iso = (d: Date | string): string => new Date(d).toISOString();
