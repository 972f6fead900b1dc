import type { Tx } from '@org/platform';
import type { TransparencyReport } from '../../domain/transparency/transparency-report.read-model';
import type { ReportingPeriod, ReportingPeriodKind } from '../../domain/transparency/reporting-period';

/** A period's report as published: frozen when it was computed, never recomputed. */
export interface PublishedTransparencyReport extends TransparencyReport {
  readonly periodId: string;
  readonly periodKind: ReportingPeriodKind;
  readonly publishedAt: string;
}

export interface PublishedPeriod {
  readonly periodId: string;
  readonly from: string;
  readonly to: string;
  readonly publishedAt: string;
}

/**
 * The published transparency reports (S8): stored once per period, never replaced. The report
 * itself is computed from the cases, findings and appeals by the application; this port only
 * keeps what was published, and says when the first complaint arrived (reports start there).
 */
export abstract class TransparencyReportRepository {
  /** The published periods of this kind, newest first. */
  abstract periods(db: Tx, kind: ReportingPeriodKind): Promise<PublishedPeriod[]>;
  /** One period's stored report, or null when that period has none. */
  abstract report(db: Tx, kind: ReportingPeriodKind, periodId: string): Promise<PublishedTransparencyReport | null>;
  /** Holds the publication for this transaction: one publisher at a time, the others then find the rows there. */
  abstract lockPublication(tx: Tx): Promise<void>;
  /** When the first complaint the platform received arrived (null before any). */
  abstract firstComplaintAt(tx: Tx): Promise<Date | null>;
  /** The ids of the periods of this kind already published. */
  abstract publishedPeriodIds(tx: Tx, kind: ReportingPeriodKind): Promise<Set<string>>;
  /** Stores a period's report unless one is there already (a stored report is never replaced). */
  abstract store(tx: Tx, period: ReportingPeriod, report: PublishedTransparencyReport, publishedAt: Date): Promise<void>;
}
