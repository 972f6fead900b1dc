import { DomainError } from '@org/kernel';

/**
 * The fixed periods the transparency report is published for (S1, S8). A report is never
 * computed for an arbitrary window — a window chosen just before and just after a filing would
 * show complaints arriving. Each period's report is computed once, after the period has closed
 * and a lag has passed, then frozen.
 *
 * Periods are calendar periods in UTC (the organization's calendar), named:
 * `2026` (year), `2026-H1` (half year), `2026-Q3` (quarter), `2026-07` (month).
 */
export const REPORTING_PERIOD_KINDS = ['month', 'quarter', 'half-year', 'year'] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number];

export const DEFAULT_REPORTING_PERIOD: ReportingPeriodKind = 'quarter';
/** Days after a period's end before its report is computed and published. */
export const DEFAULT_PUBLICATION_LAG_DAYS = 14;

export interface ReportingPeriod {
  /** `2026-Q3` etc. */
  readonly id: string;
  readonly kind: ReportingPeriodKind;
  /** Inclusive start, ISO timestamp (midnight UTC). */
  readonly from: string;
  /** Exclusive end, ISO timestamp (midnight UTC). */
  readonly to: string;
}

const MONTHS: Record<ReportingPeriodKind, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const DAY_MS = 86_400_000;

function periodAt(kind: ReportingPeriodKind, year: number, index: number): ReportingPeriod {
  const months = MONTHS[kind];
  const from = new Date(Date.UTC(year, index * months, 1));
  const to = new Date(Date.UTC(year, (index + 1) * months, 1));
  const id =
    kind === 'year' ? `${year}` : kind === 'half-year' ? `${year}-H${index + 1}` : kind === 'quarter' ? `${year}-Q${index + 1}` : `${year}-${String(index + 1).padStart(2, '0')}`;
  return { id, kind, from: from.toISOString(), to: to.toISOString() };
}

/** The period of `kind` that contains `at`. */
export function periodContaining(kind: ReportingPeriodKind, at: Date): ReportingPeriod {
  return periodAt(kind, at.getUTCFullYear(), Math.floor(at.getUTCMonth() / MONTHS[kind]));
}

/** The period just before `p`. */
export function previousPeriod(p: ReportingPeriod): ReportingPeriod {
  return periodContaining(p.kind, new Date(Date.parse(p.from) - 1));
}

/** When the report for `p` is published: `lagDays` after the period has ended. */
export function publicationDate(p: ReportingPeriod, lagDays: number): Date {
  return new Date(Date.parse(p.to) + lagDays * DAY_MS);
}

/** The most recent period whose report is due at `now`, and the next one to come. */
export function latestDuePeriod(kind: ReportingPeriodKind, lagDays: number, now: Date): ReportingPeriod {
  let p = previousPeriod(periodContaining(kind, now));
  while (publicationDate(p, lagDays) > now) p = previousPeriod(p);
  return p;
}

/**
 * Every period due at `now`, oldest first, starting with the one containing `earliest` (the first
 * case ever received; with no case, only the latest due period) — at most `limit` of them.
 */
export function duePeriods(kind: ReportingPeriodKind, lagDays: number, now: Date, earliest: Date | null, limit = 400): ReportingPeriod[] {
  const latest = latestDuePeriod(kind, lagDays, now);
  const first = earliest && Date.parse(periodContaining(kind, earliest).from) < Date.parse(latest.from) ? periodContaining(kind, earliest) : latest;
  const out: ReportingPeriod[] = [];
  for (let p = latest; Date.parse(p.from) >= Date.parse(first.from) && out.length < limit; p = previousPeriod(p)) out.unshift(p);
  return out;
}

/** Reads a period name of this organization's kind; anything else is refused with what to send. */
export function parsePeriodId(kind: ReportingPeriodKind, id: string): ReportingPeriod {
  const trimmed = String(id ?? '').trim().toUpperCase();
  const patterns: Record<ReportingPeriodKind, RegExp> = { year: /^(\d{4})$/, 'half-year': /^(\d{4})-H([12])$/, quarter: /^(\d{4})-Q([1-4])$/, month: /^(\d{4})-(0[1-9]|1[0-2])$/ };
  const m = patterns[kind].exec(trimmed);
  if (!m) {
    throw new DomainError('invalid', 'discipline.transparency.unknown_period', `The transparency report is published per ${kind}; name one like ${EXAMPLE[kind]} (GET /transparency-report lists the published periods).`, {
      field: 'period',
    });
  }
  return periodAt(kind, Number(m[1]), kind === 'year' ? 0 : Number(m[2]) - 1);
}

const EXAMPLE: Record<ReportingPeriodKind, string> = { year: '2026', 'half-year': '2026-H1', quarter: '2026-Q1', month: '2026-01' };

/** What anyone asking for an arbitrary window is told (S1, S8). */
export function arbitraryWindowRefused(kind: ReportingPeriodKind, lagDays: number): DomainError {
  return new DomainError(
    'invalid',
    'discipline.transparency.fixed_periods_only',
    `The transparency report is not computed for an arbitrary window: it is published for each ${kind}, ${lagDays} days after the ${kind} ends, and never changes afterwards. Leave out from and to: GET /transparency-report lists the published periods, and ?period=${EXAMPLE[kind]} returns one.`,
    { field: 'from' },
  );
}
