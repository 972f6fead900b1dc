import { Timestamp, normalizeTimestamp, toMillis } from '../case/calendar';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { CaseId, MemberId, SealedRef } from '../case/identifiers';

export const MEASURE_KINDS = [
  'suspension_from_office',
  'no_hosting',
  'no_speaking',
  'no_recruiting',
  'no_candidacy',
  'separation',
] as const;

export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** One interim measure on one member, until a moment (always bounded). */
export interface InterimMeasure {
  readonly kind: MeasureKind;
  readonly memberId: MemberId;
  readonly until: Timestamp;
  /** For 'separation' only: the members they must be kept apart from. */
  readonly separatedFrom?: readonly MemberId[];
  /**
   * Set when this member's measures ended before the decision as a whole: the finding about
   * them became final while another respondent's case goes on (`endMeasuresOf`).
   */
  readonly endedAt?: Timestamp;
}

/**
 * A recorded interim-measures decision (S5): either measures with until-dates, or a reasoned
 * decision to impose none. Each decision is the complete set in force: a later decision for the
 * same case supersedes the earlier one (`endedAt`), and closing a case ends the last one.
 */
export interface InterimDecision {
  readonly id: string;
  readonly caseId: CaseId;
  readonly decidedAt: Timestamp;
  readonly decidedBy: readonly MemberId[];
  readonly outcome: 'measures' | 'no_measures';
  readonly measures: readonly InterimMeasure[];
  /** Written reasons (sealed content) — required for "no measures" too. */
  readonly reasons: SealedRef;
  readonly endedAt: Timestamp | null;
}

/** A measure in force, with where it came from: internal to discipline, never handed out. */
export interface ActiveMeasure {
  readonly caseId: CaseId;
  readonly decisionId: string;
  readonly memberId: MemberId;
  readonly kind: MeasureKind;
  readonly from: Timestamp;
  readonly until: Timestamp;
  readonly separatedFrom?: readonly MemberId[];
}

const invalidMeasure = (message: string, details?: Record<string, unknown>) =>
  caseError('invalid', CaseErrorCode.InvalidInterimMeasure, message, details);

/**
 * Builds a decision after checking its shape; who may decide is the case's business
 * (`Case.recordInterimDecision`). `subjects` are the members measures may apply to (the
 * case's respondents who are members).
 */
export function makeInterimDecision(input: {
  id: string;
  caseId: CaseId;
  decidedAt: Timestamp;
  decidedBy: readonly MemberId[];
  outcome: 'measures' | 'no_measures';
  measures: readonly InterimMeasure[];
  reasons: SealedRef;
  subjects: readonly MemberId[];
}): InterimDecision {
  const decidedAt = normalizeTimestamp(input.decidedAt);
  if (!input.reasons) throw invalidMeasure('An interim-measures decision needs written reasons, also when it imposes none.');
  if (input.decidedBy.length === 0) throw invalidMeasure('An interim-measures decision must say who took it.');
  if (input.outcome === 'no_measures' && input.measures.length > 0) {
    throw invalidMeasure('A decision of "no measures" cannot list measures.');
  }
  if (input.outcome === 'measures' && input.measures.length === 0) {
    throw invalidMeasure('List the measures, or record a decision of "no measures".');
  }
  const seen = new Set<string>();
  const measures = input.measures.map((m) => {
    if (!MEASURE_KINDS.includes(m.kind)) throw invalidMeasure('Unknown kind of measure.', { kind: m.kind });
    if (!input.subjects.includes(m.memberId)) {
      throw invalidMeasure('Interim measures can only apply to a respondent of this case who is a member.');
    }
    const until = normalizeTimestamp(m.until);
    if (toMillis(until) <= toMillis(decidedAt)) {
      throw invalidMeasure('Each measure needs an end after the moment of the decision.', { kind: m.kind });
    }
    const key = `${m.memberId}\u0000${m.kind}`;
    if (seen.has(key)) throw invalidMeasure('The same measure is listed twice for one member.', { kind: m.kind });
    seen.add(key);
    if (m.kind === 'separation') {
      const from = [...new Set(m.separatedFrom ?? [])].sort();
      if (from.length === 0) throw invalidMeasure('A separation must name the members to keep apart.');
      if (from.includes(m.memberId)) throw invalidMeasure('A member cannot be separated from themselves.');
      return { kind: m.kind, memberId: m.memberId, until, separatedFrom: from };
    }
    if (m.separatedFrom && m.separatedFrom.length > 0) {
      throw invalidMeasure('Only a separation names members to keep apart.', { kind: m.kind });
    }
    return { kind: m.kind, memberId: m.memberId, until };
  });
  return {
    id: input.id,
    caseId: input.caseId,
    decidedAt,
    decidedBy: [...new Set(input.decidedBy)].sort(),
    outcome: input.outcome,
    measures,
    reasons: input.reasons,
    endedAt: null,
  };
}

/** The measures of these decisions in force at `at` (from the decision until the earlier of until / end). */
export function activeMeasures(decisions: readonly InterimDecision[], at: Timestamp): ActiveMeasure[] {
  const t = toMillis(at);
  const out: ActiveMeasure[] = [];
  for (const d of decisions) {
    if (toMillis(d.decidedAt) > t) continue;
    if (d.endedAt !== null && toMillis(d.endedAt) <= t) continue;
    for (const m of d.measures) {
      if (toMillis(m.until) <= t) continue;
      if (m.endedAt !== undefined && toMillis(m.endedAt) <= t) continue;
      const ends = [m.until, ...(d.endedAt !== null ? [d.endedAt] : []), ...(m.endedAt !== undefined ? [m.endedAt] : [])];
      out.push({
        caseId: d.caseId,
        decisionId: d.id,
        memberId: m.memberId,
        kind: m.kind,
        from: d.decidedAt,
        until: ends.reduce((a, b) => (toMillis(b) < toMillis(a) ? b : a)),
        ...(m.separatedFrom ? { separatedFrom: m.separatedFrom } : {}),
      });
    }
  }
  return out;
}

/**
 * Ends, at `at`, the measures of a decision in force that bind any of `memberIds`. When no
 * measure of the decision is left in force, the decision itself ends. A decision already ended,
 * or with nothing binding these members, is returned unchanged.
 */
export function endMeasuresOf(d: InterimDecision, memberIds: readonly MemberId[], at: Timestamp): InterimDecision {
  const when = normalizeTimestamp(at);
  if (d.endedAt !== null || d.outcome !== 'measures') return d;
  const ending = (m: InterimMeasure) => m.endedAt === undefined && memberIds.includes(m.memberId);
  if (!d.measures.some(ending)) return d;
  const measures = d.measures.map((m) => (ending(m) ? { ...m, endedAt: when } : m));
  return { ...d, measures, endedAt: measures.every((m) => m.endedAt !== undefined) ? when : null };
}

/**
 * S5, S9: interim measures protect people while a case is decided; they never outlive it. When
 * a finding becomes final, the measures on its respondent end (from then on only the sanction, if
 * any, restricts them); and since the case is then over for everyone with no finding still
 * pending (no new finding can be opened once it is final), their measures end too. A respondent
 * whose own finding is still pending — deliberating, decided, under appeal, remanded — stays under
 * the measures until that finding becomes final.
 */
export function respondentsReleasedFromInterimMeasures(input: {
  readonly finalFindingRespondent: MemberId;
  readonly respondents: readonly MemberId[];
  readonly respondentsWithPendingFinding: readonly MemberId[];
}): MemberId[] {
  const pending = new Set(input.respondentsWithPendingFinding);
  pending.delete(input.finalFindingRespondent);
  return [...new Set([input.finalFindingRespondent, ...input.respondents])].filter((id) => !pending.has(id)).sort();
}
