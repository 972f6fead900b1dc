import { DomainError } from '@org/kernel';
import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';
import { Timestamp, daysBetween, millis, timestamp } from '../finding/time';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  ReportCell,
  cell,
  protectFamily,
  singleCount,
  suppressionThreshold,
} from './small-cell-suppression.policy';

export type ComplaintPath = 'record_only' | 'informal' | 'formal';
export const COMPLAINT_PATHS: readonly ComplaintPath[] = ['record_only', 'informal', 'formal'];

/** Stages as the report groups them (the case life cycle from intake, then findings and appeals). */
export type ReportStage =
  | 'received'
  | 'triaged'
  | 'panel_seated'
  | 'investigating'
  | 'decided'
  | 'under_appeal'
  | 'final'
  | 'published'
  | 'closed_record_only'
  | 'resolved_informally'
  | 'withdrawn';
export const REPORT_STAGES: readonly ReportStage[] = [
  'received',
  'triaged',
  'panel_seated',
  'investigating',
  'decided',
  'under_appeal',
  'final',
  'published',
  'closed_record_only',
  'resolved_informally',
  'withdrawn',
];

export type RecusalKind = 'automatic' | 'self';
export const RECUSAL_KINDS: readonly RecusalKind[] = ['automatic', 'self'];
export type ChallengeResult = 'upheld' | 'rejected' | 'pending';
export const CHALLENGE_RESULTS: readonly ChallengeResult[] = ['upheld', 'rejected', 'pending'];
export type AppealResult = 'uphold' | 'modify_sanction' | 'remand' | 'pending';
export const APPEAL_RESULTS: readonly AppealResult[] = ['uphold', 'modify_sanction', 'remand', 'pending'];

/**
 * What the report needs to know of one case: dates, categories and counts only — no ids, no
 * names, no content. The application maps each case snapshot to this shape.
 */
export interface TransparencyCaseFacts {
  readonly receivedAt: Timestamp;
  readonly path: ComplaintPath;
  /** The case's stage when the report is computed. */
  readonly stage: ReportStage;
  /** When the panel decided its (first) finding. */
  readonly findingDecidedAt?: Timestamp | null;
  /** When the finding became final, and its sanction in force. */
  readonly finalAt?: Timestamp | null;
  readonly finalSanction?: SanctionKind | null;
  /** Stage deadlines that were missed, by the moment they fell due. */
  readonly missedDeadlines?: readonly { readonly dueAt: Timestamp }[];
  /** Commissioners recused: automatically (a conflict) or by standing down themselves. */
  readonly recusals?: readonly { readonly at: Timestamp; readonly kind: RecusalKind }[];
  /** Parties' challenges of a panelist. */
  readonly challenges?: readonly { readonly at: Timestamp; readonly result: ChallengeResult }[];
  readonly appeals?: readonly { readonly lodgedAt: Timestamp; readonly result: AppealResult }[];
}

export interface ReportPeriod {
  /** Inclusive. */
  readonly from: Timestamp;
  /** Exclusive. */
  readonly to: Timestamp;
}

export interface BrokenDownCount<K extends string> {
  readonly total: ReportCell;
  readonly by: Readonly<Record<K, ReportCell>>;
}

export type MedianCell =
  | { readonly kind: 'days'; readonly value: number; readonly display: string }
  | { readonly kind: 'withheld'; readonly display: 'withheld' };

export interface TransparencyReport {
  readonly period: ReportPeriod;
  readonly threshold: number;
  /** Complaints and record-only reports received in the period, by path and by current stage. */
  readonly complaintsReceived: {
    readonly total: ReportCell;
    readonly byPath: Readonly<Record<ComplaintPath, ReportCell>>;
    readonly byStage: Readonly<Record<ReportStage, ReportCell>>;
  };
  /** Median days from receipt to the panel's finding, over findings decided in the period. */
  readonly medianDaysToFinding: MedianCell;
  /** Cases with a stage deadline that fell due in the period and was missed. */
  readonly overdueCases: ReportCell;
  readonly recusals: BrokenDownCount<RecusalKind>;
  readonly challenges: BrokenDownCount<ChallengeResult>;
  /** Findings that became final in the period, by the sanction in force. */
  readonly outcomes: BrokenDownCount<SanctionKind>;
  /** Appeals lodged in the period, by result. */
  readonly appeals: BrokenDownCount<AppealResult>;
  readonly notes: readonly string[];
}

export interface TransparencyReportOptions {
  /** Smallest count shown as a number (default 3, at least 3). */
  readonly threshold?: number;
}

function inPeriod(ts: Timestamp | null | undefined, period: { from: number; to: number }): boolean {
  if (!ts) return false;
  const t = millis(timestamp(ts, 'A case date'));
  return t >= period.from && t < period.to;
}

function tally<K extends string>(keys: readonly K[], items: readonly K[]): number[] {
  return keys.map((k) => items.filter((i) => i === k).length);
}

function checkCategory<K extends string>(keys: readonly K[], value: K, what: string): K {
  if (!keys.includes(value)) {
    throw new DomainError('invalid', 'discipline.transparency.invalid_case_facts', `Unknown ${what} "${String(value)}".`);
  }
  return value;
}

function breakdown<K extends string>(keys: readonly K[], items: readonly K[], threshold: number): BrokenDownCount<K> {
  const counts = tally(keys, items);
  const family = protectFamily(items.length, [counts], threshold);
  return {
    total: family.total,
    by: Object.fromEntries(keys.map((k, i) => [k, family.tables[0][i]])) as Record<K, ReportCell>,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The periodic transparency report any member can read (S6, S8): aggregate figures only, with
 * every count from 1 to threshold−1 suppressed, and no suppressed figure recoverable from the
 * totals (see `small-cell-suppression.policy.ts` and README.md).
 */
export function buildTransparencyReport(
  cases: readonly TransparencyCaseFacts[],
  periodInput: ReportPeriod,
  options: TransparencyReportOptions = {},
): TransparencyReport {
  const threshold = suppressionThreshold(options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const period = { from: timestamp(periodInput.from, 'The start of the period'), to: timestamp(periodInput.to, 'The end of the period') };
  if (millis(period.to) <= millis(period.from)) {
    throw new DomainError('invalid', 'discipline.transparency.invalid_period', 'The end of the period must come after its start.');
  }
  const range = { from: millis(period.from), to: millis(period.to) };

  const received = cases.filter((c) => inPeriod(c.receivedAt, range));
  const receivedFamily = protectFamily(
    received.length,
    [
      tally(COMPLAINT_PATHS, received.map((c) => checkCategory(COMPLAINT_PATHS, c.path, 'path'))),
      tally(REPORT_STAGES, received.map((c) => checkCategory(REPORT_STAGES, c.stage, 'stage'))),
    ],
    threshold,
  );

  const decided = cases.filter((c) => inPeriod(c.findingDecidedAt, range));
  const durations = decided.map((c) => Math.max(0, daysBetween(timestamp(c.receivedAt), timestamp(c.findingDecidedAt))));
  const medianDays = durations.length >= threshold ? Math.round(median(durations) * 10) / 10 : null;

  const overdue = cases.filter((c) => (c.missedDeadlines ?? []).some((d) => inPeriod(d.dueAt, range))).length;

  const recusals = cases.flatMap((c) => (c.recusals ?? []).filter((r) => inPeriod(r.at, range)).map((r) => checkCategory(RECUSAL_KINDS, r.kind, 'recusal kind')));
  const challenges = cases.flatMap((c) =>
    (c.challenges ?? []).filter((r) => inPeriod(r.at, range)).map((r) => checkCategory(CHALLENGE_RESULTS, r.result, 'challenge result')),
  );
  const outcomes = cases
    .filter((c) => inPeriod(c.finalAt, range) && c.finalSanction)
    .map((c) => checkCategory(SANCTION_KINDS, c.finalSanction as SanctionKind, 'sanction'));
  const appeals = cases.flatMap((c) =>
    (c.appeals ?? []).filter((a) => inPeriod(a.lodgedAt, range)).map((a) => checkCategory(APPEAL_RESULTS, a.result, 'appeal result')),
  );

  return {
    period,
    threshold,
    complaintsReceived: {
      total: receivedFamily.total,
      byPath: Object.fromEntries(COMPLAINT_PATHS.map((k, i) => [k, receivedFamily.tables[0][i]])) as Record<ComplaintPath, ReportCell>,
      byStage: Object.fromEntries(REPORT_STAGES.map((k, i) => [k, receivedFamily.tables[1][i]])) as Record<ReportStage, ReportCell>,
    },
    medianDaysToFinding:
      medianDays === null ? (cell('withheld', 0, threshold) as MedianCell) : { kind: 'days', value: medianDays, display: String(medianDays) },
    overdueCases: singleCount(overdue, threshold),
    recusals: breakdown(RECUSAL_KINDS, recusals, threshold),
    challenges: breakdown(CHALLENGE_RESULTS, challenges, threshold),
    outcomes: breakdown(SANCTION_KINDS, outcomes, threshold),
    appeals: breakdown(APPEAL_RESULTS, appeals, threshold),
    notes: [
      `Counts from 1 to ${threshold - 1} are shown as "<${threshold}".`,
      'Where a small count could be worked out from a total, another figure is "withheld" too; where that is not enough, a whole group of figures is withheld.',
      `The median time to a finding is given only when at least ${threshold} findings were decided in the period.`,
    ],
  };
}
