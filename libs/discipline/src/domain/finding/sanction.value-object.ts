import { DomainError, SANCTION_KINDS } from '@org/kernel';
import { CalendarDate, Timestamp, calendarDate, isBefore, requiredText, startOfDate } from './time';

/**
 * The sanctions a panel (or the Appeals Committee, on appeal) can impose.
 * - `no_finding`: the complaint is not upheld (the only "sanction" of a not-upheld finding).
 * - `warning`.
 * - `conditions`: written conditions the member must keep (`conditions`, required).
 * - `suspension`: rights removed until `until` (required): a calendar date, the first day the
 *   member is no longer suspended (half-open, like every period in this domain; 00:00 UTC).
 * - `expulsion`: with the conditions under which readmission may be considered (required).
 */
export type Sanction =
  | { readonly kind: 'no_finding' }
  | { readonly kind: 'warning' }
  | { readonly kind: 'conditions'; readonly conditions: string }
  | { readonly kind: 'suspension'; readonly until: CalendarDate }
  | { readonly kind: 'expulsion'; readonly readmissionConditions: string };

export type SanctionKind = Sanction['kind'];

/** The kernel's list, the one home of the sanction kinds (`../sanction-kinds.ts` holds the two types equal). */
export { SANCTION_KINDS };

/** Severity order used by the majority rule (higher = more severe). */
export const SANCTION_SEVERITY: Readonly<Record<SanctionKind, number>> = {
  no_finding: 0,
  warning: 1,
  conditions: 2,
  suspension: 3,
  expulsion: 4,
};

function invalidSanction(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', 'discipline.finding.invalid_sanction', message, details);
}

/**
 * Validates plain data as a sanction. When `now` is given, a suspension must end after it (a
 * suspension that has already ended when it is proposed removes nothing).
 */
export function sanction(input: unknown, now?: Timestamp): Sanction {
  const s = (input ?? {}) as Record<string, unknown>;
  switch (s.kind) {
    case 'no_finding':
      return { kind: 'no_finding' };
    case 'warning':
      return { kind: 'warning' };
    case 'conditions':
      return { kind: 'conditions', conditions: requiredText(s.conditions, 'The conditions', 4000) };
    case 'suspension': {
      if (s.until === undefined || s.until === null || s.until === '') {
        throw invalidSanction('A suspension needs an end date (the first day the member is no longer suspended).');
      }
      const until = calendarDate(s.until, 'The end date of the suspension');
      if (now !== undefined && !isBefore(now, startOfDate(until))) {
        throw invalidSanction('The end date of a suspension must be in the future.', { until });
      }
      return { kind: 'suspension', until };
    }
    case 'expulsion':
      return {
        kind: 'expulsion',
        readmissionConditions: requiredText(s.readmissionConditions, 'The readmission conditions of an expulsion', 4000),
      };
    default:
      throw invalidSanction(`A sanction must be one of: ${SANCTION_KINDS.join(', ')}.`, { kind: s.kind });
  }
}

/** Total order for the majority rule: severity, then (for suspensions) the later end date. */
export function compareSanctions(a: Sanction, b: Sanction): number {
  const bySeverity = SANCTION_SEVERITY[a.kind] - SANCTION_SEVERITY[b.kind];
  if (bySeverity !== 0) return bySeverity;
  if (a.kind === 'suspension' && b.kind === 'suspension') return a.until < b.until ? -1 : a.until > b.until ? 1 : 0;
  return 0;
}

export function sameSanction(a: Sanction, b: Sanction): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Plain-language name of a sanction for notices and records (no free text). */
export function describeSanction(s: Pick<Sanction, 'kind'> & { until?: CalendarDate | null }): string {
  switch (s.kind) {
    case 'no_finding':
      return 'No finding (complaint not upheld)';
    case 'warning':
      return 'Warning';
    case 'conditions':
      return 'Conditions';
    case 'suspension':
      return `Suspension until ${s.until}`;
    case 'expulsion':
      return 'Expulsion';
  }
}
