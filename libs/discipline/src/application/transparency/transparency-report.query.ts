import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@org/kernel';
import { DISCIPLINE_CONNECTION } from '@org/platform';
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
import { AppealSqlRepository } from '../../infrastructure/part2/appeal.sql-repository';
import { FindingSqlRepository } from '../../infrastructure/part2/finding.sql-repository';
import { PROCEEDINGS_SETTINGS, type ProceedingsSettings } from '../finding/proceedings-settings';
import { CaseGateway } from '../finding/proceedings.ports';

const PATH: Record<CaseSnapshot['path'], ComplaintPath> = { 'record-only': 'record_only', informal: 'informal', formal: 'formal' };

/**
 * The transparency report any member can read (S6, S8): aggregate figures for a period, built
 * from plain facts of each case (dates and categories — no id, name or content) and protected
 * by the domain's small-cell suppression, so no figure from 1 to threshold−1 is ever shown or
 * can be worked out from the others.
 */
@Injectable()
export class TransparencyReportQuery {
  constructor(
    @InjectDataSource(DISCIPLINE_CONNECTION) private readonly ds: DataSource,
    private readonly cases: CaseGateway,
    private readonly findings: FindingSqlRepository,
    private readonly appeals: AppealSqlRepository,
    @Inject(PROCEEDINGS_SETTINGS) private readonly settings: ProceedingsSettings,
  ) {}

  async report(period: { from: string; to: string }): Promise<TransparencyReport> {
    const from = Date.parse(period.from);
    const to = Date.parse(period.to);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      throw new DomainError('invalid', 'discipline.transparency.invalid_period', 'Give the period as from and to dates (YYYY-MM-DD or a full timestamp).');
    }
    if (to - from > 10 * 366 * 86_400_000) {
      throw new DomainError('invalid', 'discipline.transparency.invalid_period', 'A report covers at most ten years.');
    }
    return this.ds.transaction(async (m) => {
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
      return buildTransparencyReport(facts, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, { threshold: this.settings.transparencyThreshold });
    });
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
