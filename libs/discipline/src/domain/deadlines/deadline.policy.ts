import { Timestamp, addDays, addHours, laterOf, normalizeTimestamp, toMillis } from '../case/calendar';
import { CaseLike } from '../case/case-access.policy';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { CaseEvent } from '../case/case.events';
import { Case } from '../case/case.aggregate';
import { ACTIVE_STAGES, CaseSnapshot, DeadlineKind, isSerious } from '../case/case.types';

export type { DeadlineKind } from '../case/case.types';

/** Per-stage time limits (S6), set by the statutes. */
export interface DeadlinePolicy {
  /** From receipt (or reopening) to triage. */
  readonly triageDays: number;
  /** From triage to a seated panel. */
  readonly panelSeatedDays: number;
  /** From the panel being seated to its finding (or, on the informal path, a resolution). */
  readonly findingDays: number;
  /** For serious allegations: from receipt (or from being marked serious) to an interim-measures decision. */
  readonly interimMeasuresHours: number;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  triageDays: 7,
  panelSeatedDays: 14,
  findingDays: 60,
  interimMeasuresHours: 72,
});

/** The statutes' values over the defaults; anything but a positive whole number is refused. */
export function deadlinePolicy(overrides: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  const policy = { ...DEFAULT_DEADLINE_POLICY, ...overrides };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw caseError('invalid', CaseErrorCode.InvalidConfiguration, `Deadline setting "${key}" must be a positive whole number.`, {
        [key]: value,
      });
    }
  }
  return Object.freeze(policy);
}

export interface CaseDeadline {
  readonly kind: DeadlineKind;
  readonly dueAt: Timestamp;
  /** When it was met; null while pending. */
  readonly metAt: Timestamp | null;
}

const stateOf = (c: CaseLike): CaseSnapshot => ('state' in c ? c.state : c);

/**
 * The deadlines that apply to the case now. While a case is handled:
 * - triage: `triageDays` after receipt (or after a record-only report was reopened);
 * - panel seated: `panelSeatedDays` after triage (not for record-only reports);
 * - finding: `findingDays` after the panel was first seated — met by the panel's finding; on the
 *   informal path the same limit applies to reaching a resolution;
 * - interim measures: for serious allegations not on the record-only path,
 *   `interimMeasuresHours` after receipt — or after triage marked the case serious, if later.
 * A closed case (record-only, resolved, withdrawn) has no pending deadline; met ones are listed.
 */
export function deadlinesFor(c: CaseLike, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): CaseDeadline[] {
  const s = stateOf(c);
  const open = ACTIVE_STAGES.includes(s.stage);
  const out: CaseDeadline[] = [];
  const add = (kind: DeadlineKind, dueAt: Timestamp, metAt: Timestamp | null) => {
    if (metAt !== null || open) out.push({ kind, dueAt, metAt });
  };
  const start = s.clockStartedAt;
  const startMs = toMillis(start);

  const triaged = s.triagedAt !== null && toMillis(s.triagedAt) >= startMs ? s.triagedAt : null;
  add('triage', addDays(start, policy.triageDays), triaged);

  if (s.path !== 'record-only' && triaged !== null) {
    add('panel_seated', addDays(triaged, policy.panelSeatedDays), s.panelSeatedAt);
  }
  if (s.path !== 'record-only' && s.panelSeatedAt !== null) {
    add('finding', addDays(s.panelSeatedAt, policy.findingDays), s.findingAt);
  }
  if (s.path !== 'record-only' && isSerious(s.seriousness) && s.seriousSince !== null) {
    const from = laterOf(start, s.seriousSince);
    const decision = s.interimDecisions.find((d) => toMillis(d.decidedAt) >= startMs);
    add('interim_measures', addHours(from, policy.interimMeasuresHours), decision ? decision.decidedAt : null);
  }
  return out;
}

/** The deadlines the case has missed and not yet met at `now` (strictly after the due moment). */
export function overdue(c: CaseLike, now: Timestamp, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): CaseDeadline[] {
  const t = toMillis(now);
  return deadlinesFor(c, policy).filter((d) => d.metAt === null && t > toMillis(d.dueAt));
}

/**
 * Escalates every overdue deadline to the whole commission cleared for the case (S6): each
 * commissioner the recorded recusal clears — never a conflicted one. Idempotent: a deadline
 * already escalated yields nothing new, so a scheduled job can run this as often as it likes.
 * While the case's recusal is missing or stale (its people changed), nothing is escalated —
 * nobody can be told safely — and the next run escalates once it has been recomputed.
 */
export function escalateOverdue(c: Case, now: Timestamp, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): CaseEvent[] {
  const at = normalizeTimestamp(now);
  if (!c.isRecusalCurrent()) return [];
  const recipients = c.state.recusal!.eligible.filter((e) => e.seat === 'commissioner').map((e) => e.memberId);
  return overdue(c, at, policy).flatMap((d) => c.recordEscalation(d.kind, d.dueAt, recipients, at));
}
