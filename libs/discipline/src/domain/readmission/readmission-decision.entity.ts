import { CalendarDate, Timestamp, calendarDate, dateOf, identifier, positiveSetting, requiredText, timestamp } from '../finding/time';
import { ReadmissionErrorCode, readmissionError } from './readmission.errors';

/** How the complainant of the expulsion was consulted before a readmission decision. */
export type ComplainantConsultation =
  | {
      readonly kind: 'consulted';
      readonly complainantId: string;
      readonly consultedOn: CalendarDate;
      /** Their view, as they gave it (they are consulted, not given a veto). */
      readonly view: string;
    }
  | {
      readonly kind: 'unreachable';
      readonly complainantId: string;
      /** Each attempt to reach them: when and how. */
      readonly attempts: readonly { readonly on: CalendarDate; readonly channel: 'email' | 'phone' | 'post' | 'in_person' | 'other' }[];
    };

/** What counts as a reasonable effort to reach a complainant who cannot be reached. */
export interface ReasonableEffortPolicy {
  /** Default 3 attempts… */
  readonly minAttempts: number;
  /** …spread over at least 14 days (first to last). */
  readonly minSpanDays: number;
}
export const DEFAULT_REASONABLE_EFFORT: ReasonableEffortPolicy = { minAttempts: 3, minSpanDays: 14 };

/** The expulsion a readmission decision concerns (from the final finding). */
export interface ExpulsionRecord {
  readonly findingId: string;
  readonly memberId: string;
  readonly complainantIds: readonly string[];
  readonly finalAt: Timestamp;
}

export interface ReadmissionDecisionSnapshot {
  readonly decisionId: string;
  readonly memberId: string;
  readonly expulsionFindingId: string;
  readonly outcome: 'readmit' | 'refuse';
  readonly consultations: readonly ComplainantConsultation[];
  /** How the readmission conditions set at expulsion are met (or not). */
  readonly conditionsAssessment: string;
  readonly reasons: string;
  readonly decidedAt: Timestamp;
}

const DAY_MS = 86_400_000;
const dayMs = (d: CalendarDate) => Date.parse(`${d}T00:00:00Z`);

/**
 * A Control Commission decision on an expelled member's readmission (S9). It cannot be
 * recorded without a consultation of every complainant of the expulsion: their view recorded
 * with the date, or a record of a reasonable effort to reach them that failed. Consultations
 * must fall between the expulsion becoming final and the decision.
 */
export class ReadmissionDecision {
  private constructor(private readonly s: ReadmissionDecisionSnapshot) {}

  static record(input: {
    readonly decisionId: string;
    readonly expulsion: ExpulsionRecord;
    readonly outcome: 'readmit' | 'refuse';
    readonly consultations: readonly ComplainantConsultation[];
    readonly conditionsAssessment: string;
    readonly reasons: string;
    readonly now: Timestamp;
    readonly effort?: Partial<ReasonableEffortPolicy>;
  }): ReadmissionDecision {
    const now = timestamp(input.now, 'now');
    const effort = { ...DEFAULT_REASONABLE_EFFORT, ...(input.effort ?? {}) };
    const minAttempts = positiveSetting(effort.minAttempts, 'The minimum number of attempts', 20);
    const minSpanDays = positiveSetting(effort.minSpanDays, 'The minimum span of attempts', 365);
    if (input.outcome !== 'readmit' && input.outcome !== 'refuse') {
      throw readmissionError('invalid', ReadmissionErrorCode.InvalidConsultation, 'A readmission decision is to readmit or to refuse.');
    }
    const expelledOn = dateOf(timestamp(input.expulsion.finalAt, 'The date the expulsion became final'));
    const today = dateOf(now);
    const consultations = (input.consultations ?? []).map((c) => {
      const complainantId = identifier(c?.complainantId, 'The complainant id');
      const inWindow = (d: CalendarDate, what: string) => {
        calendarDate(d, what);
        if (d < expelledOn || d > today) {
          throw readmissionError(
            'invalid',
            ReadmissionErrorCode.InvalidConsultation,
            `${what} must fall after the expulsion became final (${expelledOn}) and no later than the decision.`,
          );
        }
        return d;
      };
      if (c.kind === 'consulted') {
        return {
          kind: 'consulted' as const,
          complainantId,
          consultedOn: inWindow(c.consultedOn, 'The consultation date'),
          view: requiredText(c.view, 'The complainant’s view', 20_000),
        };
      }
      if (c.kind === 'unreachable') {
        const attempts = (c.attempts ?? []).map((a) => ({ on: inWindow(a.on, 'The date of an attempt'), channel: a.channel }));
        const days = attempts.map((a) => dayMs(a.on));
        const span = days.length ? (Math.max(...days) - Math.min(...days)) / DAY_MS : 0;
        if (attempts.length < minAttempts || span < minSpanDays) {
          throw readmissionError(
            'unprocessable',
            ReadmissionErrorCode.InsufficientEffort,
            `A complainant counts as unreachable only after at least ${minAttempts} recorded attempts over at least ${minSpanDays} days.`,
            { complainantId, attempts: attempts.length, spanDays: span },
          );
        }
        return { kind: 'unreachable' as const, complainantId, attempts };
      }
      throw readmissionError('invalid', ReadmissionErrorCode.InvalidConsultation, 'A consultation is either "consulted" or "unreachable".');
    });
    const missing = input.expulsion.complainantIds.filter((id) => !consultations.some((c) => c.complainantId === id));
    const strangers = consultations.filter((c) => !input.expulsion.complainantIds.includes(c.complainantId));
    if (strangers.length > 0 || new Set(consultations.map((c) => c.complainantId)).size !== consultations.length) {
      throw readmissionError(
        'invalid',
        ReadmissionErrorCode.InvalidConsultation,
        'Record one consultation for each complainant of the expulsion, and only for them.',
      );
    }
    if (missing.length > 0) {
      throw readmissionError(
        'unprocessable',
        ReadmissionErrorCode.ConsultationRequired,
        'A readmission decision needs a recorded consultation of every complainant of the expulsion (their view, or a recorded failed effort to reach them).',
        { missing: missing.length },
      );
    }
    return new ReadmissionDecision({
      decisionId: identifier(input.decisionId, 'The decision id'),
      memberId: identifier(input.expulsion.memberId, 'The member id'),
      expulsionFindingId: identifier(input.expulsion.findingId, 'The expulsion finding id'),
      outcome: input.outcome,
      consultations,
      conditionsAssessment: requiredText(input.conditionsAssessment, 'The assessment of the readmission conditions', 20_000),
      reasons: requiredText(input.reasons, 'The reasons', 50_000),
      decidedAt: now,
    });
  }

  static fromSnapshot(snapshot: ReadmissionDecisionSnapshot): ReadmissionDecision {
    return new ReadmissionDecision(JSON.parse(JSON.stringify(snapshot)));
  }

  toSnapshot(): ReadmissionDecisionSnapshot {
    return JSON.parse(JSON.stringify(this.s));
  }

  get decisionId(): string {
    return this.s.decisionId;
  }
  get memberId(): string {
    return this.s.memberId;
  }
  get expulsionFindingId(): string {
    return this.s.expulsionFindingId;
  }
  get outcome(): 'readmit' | 'refuse' {
    return this.s.outcome;
  }
}
