import { DomainError } from '@org/kernel';
import { HOUR_MS, Timestamp, Transition, identifier, millis, positiveSetting, requiredText, timestamp } from '../finding/time';
import { InvestigationErrorCode, investigationError } from './investigation.errors';
import { SupportPerson, parseSupportPerson } from './statement-register.entity';

export const DEFAULT_INTERVIEW_NOTICE_HOURS = 48;
const MAX_TOPICS = 20;

export type InterviewStatus = 'scheduled' | 'held' | 'cancelled';

export interface InterviewSnapshot {
  readonly interviewId: string;
  readonly caseId: string;
  /** The person interviewed (party or witness). */
  readonly personId: string;
  readonly scheduledFor: Timestamp;
  /** The topics, told to the person in advance; nothing else is asked (S12). */
  readonly topics: readonly string[];
  /** When the current topics were stated to the person. */
  readonly topicsStatedAt: Timestamp;
  readonly noticeHours: number;
  readonly supportPerson: SupportPerson | null;
  readonly status: InterviewStatus;
  readonly heldAt: Timestamp | null;
  readonly supportPersonAttended: boolean | null;
  readonly cancelledAt: Timestamp | null;
  readonly cancellationReason: string | null;
  readonly scheduledBy: string;
}

export type InterviewEvent = {
  readonly type:
    | 'discipline.interview.scheduled'
    | 'discipline.interview.topics_changed'
    | 'discipline.interview.rescheduled'
    | 'discipline.interview.support_person_recorded'
    | 'discipline.interview.held'
    | 'discipline.interview.cancelled';
  readonly interviewId: string;
  readonly caseId: string;
  /** Whom to tell (the interviewee) — the application sends them the topics and time. */
  readonly personId: string;
  readonly at: Timestamp;
};

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function parseTopics(topics: readonly string[] | undefined): string[] {
  const list = Array.isArray(topics) ? topics.map((t) => (typeof t === 'string' ? t.trim() : '')).filter((t) => t.length > 0) : [];
  const unique = [...new Set(list)];
  if (unique.length === 0) {
    throw investigationError(
      'invalid',
      InvestigationErrorCode.InterviewTopicsRequired,
      'An interview must state its topics in advance; list at least one topic.',
    );
  }
  if (unique.length > MAX_TOPICS) {
    throw investigationError('invalid', InvestigationErrorCode.InterviewTopicsRequired, `List at most ${MAX_TOPICS} topics.`);
  }
  return unique.map((t) => requiredText(t, 'A topic', 500));
}

function assertNotice(at: Timestamp, now: Timestamp, hours: number, code: string, message: string): void {
  if (millis(at) - millis(now) < hours * HOUR_MS) {
    throw new DomainError('unprocessable', code, message, { noticeHours: hours });
  }
}

/**
 * An interview by the panel (S12: no ambush): scheduled with its topics stated to the person at
 * least N hours ahead (default 48); topics cannot change, and the time cannot move, with less
 * notice than that; the person may bring a support person, who is recorded.
 */
export class Interview {
  private constructor(private readonly s: InterviewSnapshot) {}

  static schedule(input: {
    readonly interviewId: string;
    readonly caseId: string;
    readonly personId: string;
    readonly scheduledFor: Timestamp;
    readonly topics: readonly string[];
    readonly supportPerson?: SupportPerson | null;
    readonly scheduledBy: string;
    readonly noticeHours?: number;
    readonly now: Timestamp;
  }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    const noticeHours = positiveSetting(input.noticeHours ?? DEFAULT_INTERVIEW_NOTICE_HOURS, 'The interview notice (hours)', 24 * 60);
    const topics = parseTopics(input.topics);
    const scheduledFor = timestamp(input.scheduledFor, 'The interview time');
    assertNotice(
      scheduledFor,
      now,
      noticeHours,
      InvestigationErrorCode.InterviewInsufficientNotice,
      `An interview must be scheduled at least ${noticeHours} hours ahead, so the person knows the topics in advance.`,
    );
    const interview = new Interview(
      freeze({
        interviewId: identifier(input.interviewId, 'The interview id'),
        caseId: identifier(input.caseId, 'The case id'),
        personId: identifier(input.personId, 'The person id'),
        scheduledFor,
        topics,
        topicsStatedAt: now,
        noticeHours,
        supportPerson: parseSupportPerson(input.supportPerson),
        status: 'scheduled' as const,
        heldAt: null,
        supportPersonAttended: null,
        cancelledAt: null,
        cancellationReason: null,
        scheduledBy: identifier(input.scheduledBy, 'Who scheduled the interview'),
      }),
    );
    return { next: interview, events: [interview.event('discipline.interview.scheduled', now)] };
  }

  static fromSnapshot(snapshot: InterviewSnapshot): Interview {
    return new Interview(freeze(snapshot));
  }

  toSnapshot(): InterviewSnapshot {
    return freeze(this.s);
  }

  get status(): InterviewStatus {
    return this.s.status;
  }
  get topics(): readonly string[] {
    return this.s.topics;
  }
  get scheduledFor(): Timestamp {
    return this.s.scheduledFor;
  }
  get supportPerson(): SupportPerson | null {
    return this.s.supportPerson;
  }

  private event(type: InterviewEvent['type'], at: Timestamp): InterviewEvent {
    return { type, interviewId: this.s.interviewId, caseId: this.s.caseId, personId: this.s.personId, at };
  }

  private with(patch: Partial<InterviewSnapshot>): Interview {
    return new Interview(freeze({ ...this.s, ...patch }));
  }

  private assertScheduled(action: string): void {
    if (this.s.status !== 'scheduled') {
      throw investigationError('conflict', InvestigationErrorCode.InterviewWrongStatus, `An interview that was ${this.s.status} cannot ${action}.`);
    }
  }

  /** New topics, stated now: refused with less than the notice period before the interview. */
  changeTopics(input: { readonly topics: readonly string[]; readonly now: Timestamp }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    this.assertScheduled('change its topics');
    const topics = parseTopics(input.topics);
    assertNotice(
      this.s.scheduledFor,
      now,
      this.s.noticeHours,
      InvestigationErrorCode.InterviewTopicsLocked,
      `The topics cannot change less than ${this.s.noticeHours} hours before the interview; keep them, or move the interview.`,
    );
    return { next: this.with({ topics, topicsStatedAt: now }), events: [this.event('discipline.interview.topics_changed', now)] };
  }

  /** Moves the interview; the new time must again be at least the notice period away. */
  reschedule(input: { readonly scheduledFor: Timestamp; readonly now: Timestamp }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    this.assertScheduled('be moved');
    const scheduledFor = timestamp(input.scheduledFor, 'The interview time');
    assertNotice(
      scheduledFor,
      now,
      this.s.noticeHours,
      InvestigationErrorCode.InterviewInsufficientNotice,
      `An interview must be moved to a time at least ${this.s.noticeHours} hours ahead.`,
    );
    return { next: this.with({ scheduledFor }), events: [this.event('discipline.interview.rescheduled', now)] };
  }

  /** The person names (or changes, or removes) the support person who will attend with them. */
  setSupportPerson(input: { readonly supportPerson: SupportPerson | null; readonly now: Timestamp }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    this.assertScheduled('change its support person');
    return {
      next: this.with({ supportPerson: parseSupportPerson(input.supportPerson) }),
      events: [this.event('discipline.interview.support_person_recorded', now)],
    };
  }

  recordHeld(input: { readonly supportPersonAttended: boolean; readonly now: Timestamp }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    this.assertScheduled('be recorded as held');
    if (millis(now) < millis(this.s.scheduledFor)) {
      throw investigationError('conflict', InvestigationErrorCode.InterviewNotYetDue, 'An interview cannot be recorded as held before its scheduled time.');
    }
    return {
      next: this.with({ status: 'held', heldAt: now, supportPersonAttended: this.s.supportPerson ? input.supportPersonAttended === true : false }),
      events: [this.event('discipline.interview.held', now)],
    };
  }

  cancel(input: { readonly reason: string; readonly now: Timestamp }): Transition<Interview, InterviewEvent> {
    const now = timestamp(input.now, 'now');
    this.assertScheduled('be cancelled');
    return {
      next: this.with({ status: 'cancelled', cancelledAt: now, cancellationReason: requiredText(input.reason, 'The reason', 2000) }),
      events: [this.event('discipline.interview.cancelled', now)],
    };
  }
}
