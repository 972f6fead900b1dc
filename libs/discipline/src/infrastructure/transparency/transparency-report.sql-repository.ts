import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { maybeOne, one, query } from '@org/platform';
import type { ReportingPeriod, ReportingPeriodKind } from '../../domain/transparency/reporting-period';
import { TransparencyReportRepository, type PublishedPeriod, type PublishedTransparencyReport } from '../../application/ports/transparency-report.repository';

interface PeriodRow {
  period_id: string;
  period_from: Date;
  period_to: Date;
  published_at: Date;
}

interface ReportRow {
  /** jsonb: parsed by the driver (a string on drivers that do not parse it). */
  report: PublishedTransparencyReport | string;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

/** `discipline.transparency_reports`: one frozen report per period. */
@Injectable()
export class TransparencyReportSqlRepository implements TransparencyReportRepository {
  async periods(db: Tx, kind: ReportingPeriodKind): Promise<PublishedPeriod[]> {
    const rows = await query<PeriodRow>(
      db,
      `SELECT period_id, period_from, period_to, published_at FROM discipline.transparency_reports WHERE period_kind = $1 ORDER BY period_from DESC`,
      [kind],
    );
    return rows.map((r) => ({ periodId: r.period_id, from: iso(r.period_from), to: iso(r.period_to), publishedAt: iso(r.published_at) }));
  }

  async report(db: Tx, kind: ReportingPeriodKind, periodId: string): Promise<PublishedTransparencyReport | null> {
    const row = await maybeOne<ReportRow>(db, `SELECT report FROM discipline.transparency_reports WHERE period_id = $1 AND period_kind = $2`, [periodId, kind]);
    if (!row) return null;
    return typeof row.report === 'string' ? (JSON.parse(row.report) as PublishedTransparencyReport) : row.report;
  }

  async lockPublication(tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('discipline.transparency_reports'))`);
  }

  async firstComplaintAt(tx: Tx): Promise<Date | null> {
    const row = await one<{ at: Date | null }>(tx, `SELECT min(received_at) AS at FROM discipline.cases`);
    return row.at ? new Date(row.at) : null;
  }

  async publishedPeriodIds(tx: Tx, kind: ReportingPeriodKind): Promise<Set<string>> {
    const rows = await query<{ period_id: string }>(tx, `SELECT period_id FROM discipline.transparency_reports WHERE period_kind = $1`, [kind]);
    return new Set(rows.map((r) => r.period_id));
  }

  async store(tx: Tx, period: ReportingPeriod, report: PublishedTransparencyReport, publishedAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO discipline.transparency_reports (period_id, period_kind, period_from, period_to, published_at, report) VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (period_id) DO NOTHING`,
      [period.id, period.kind, period.from, period.to, publishedAt.toISOString(), JSON.stringify(report)],
    );
  }
}
