import { Finding } from '../finding/finding.entity';
import { Timestamp, Transition, addDays, identifier, isBefore, millis, positiveSetting, requiredText, timestamp } from '../finding/time';
import { OutcomeNoticeErrorCode, outcomeNoticeError } from './outcome-notice.errors';
import { OutcomeNoticeFacts, RespondentNamingPolicy, defaultWording, factsOf, renderFacts } from './outcome-notice-facts.value-object';

/**
 * draft → complainant_review → scheduled → published. There is no cancel, withdraw or suppress
 * transition, and none can be configured: every notice becomes due at `publishAt`, which is
 * fixed when it is composed (end of the review window) and can move only once, by at most
 * `MAX_PUBLICATION_DELAY_DAYS`. Nobody has to "advance" a notice for it to be published: a
 * notice left in draft is due at the same moment as one that went through review.
 */
export type OutcomeNoticeStatus = 'draft' | 'complainant_review' | 'scheduled' | 'published';

/** S8: the panel may delay publication once, up to 14 days. A statute, not a setting. */
export const MAX_PUBLICATION_DELAY_DAYS = 14;
/** Longest complainant review window the statutes may set (so configuration cannot stall a notice). */
export const MAX_REVIEW_DAYS = 14;

export interface OutcomePublicationPolicy extends RespondentNamingPolicy {
  /** Complainant review window in days (default 5, at most 14). */
  readonly reviewDays: number;
}

export const DEFAULT_OUTCOME_PUBLICATION_POLICY: OutcomePublicationPolicy = {
  reviewDays: 5,
  nameRespondentForWarnings: false,
  nameRespondentForConditions: true,
};

export interface PublicationDelay {
  readonly reason: string;
  readonly until: Timestamp;
  readonly decidedAt: Timestamp;
  readonly decidedBy: string;
}

export interface WordingRevision {
  readonly at: Timestamp;
  readonly by: string;
  readonly wording: string;
}

export interface OutcomeNoticeSnapshot {
  readonly noticeId: string;
  /** Internal link to the finding; never rendered. */
  readonly findingId: string;
  readonly facts: OutcomeNoticeFacts;
  /** The panel's adjustable wording placed before the facts. */
  readonly wording: string;
  readonly wordingRevisions: readonly WordingRevision[];
  readonly status: OutcomeNoticeStatus;
  readonly composedAt: Timestamp;
  readonly reviewOpenedAt: Timestamp | null;
  readonly reviewEndsAt: Timestamp;
  /** When the complainant sent comments on the wording (the comments themselves are case messages to the panel). */
  readonly complainantCommentedAt: readonly Timestamp[];
  readonly delay: PublicationDelay | null;
  readonly publishAt: Timestamp;
  readonly publishedAt: Timestamp | null;
}

interface NoticeEventBase {
  readonly noticeId: string;
  readonly findingId: string;
  readonly at: Timestamp;
}
export type OutcomeNoticeEvent =
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.composed'; readonly publishAt: Timestamp })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.review_opened'; readonly reviewEndsAt: Timestamp })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.complainant_commented' })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.wording_adjusted'; readonly by: string })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.scheduled'; readonly publishAt: Timestamp })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.delayed'; readonly until: Timestamp; readonly by: string })
  | (NoticeEventBase & { readonly type: 'discipline.outcome_notice.published' });

export interface ComposeOutcomeNoticeInput {
  readonly noticeId: string;
  readonly finding: Finding;
  /** The respondent's name as members know it; dropped when the policy does not name them. */
  readonly respondentName: string;
  readonly policy?: Partial<OutcomePublicationPolicy>;
  readonly now: Timestamp;
}

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const MAX_WORDING = 2000;

/**
 * The notice that tells every member in good standing the outcome of a final finding (S8).
 * Composed from the finding's facts only; the complainant may review the wording; the panel may
 * adjust the wording (not the facts) and delay publication once, with a recorded reason.
 */
export class OutcomeNotice {
  private constructor(private readonly s: OutcomeNoticeSnapshot) {}

  static compose(input: ComposeOutcomeNoticeInput): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(input.now, 'now');
    const policy = { ...DEFAULT_OUTCOME_PUBLICATION_POLICY, ...(input.policy ?? {}) };
    const reviewDays = positiveSetting(policy.reviewDays, 'The complainant review window', MAX_REVIEW_DAYS);
    const facts = factsOf(input.finding, input.respondentName, {
      nameRespondentForWarnings: policy.nameRespondentForWarnings === true,
      nameRespondentForConditions: policy.nameRespondentForConditions !== false,
    });
    const reviewEndsAt = addDays(now, reviewDays);
    const notice = new OutcomeNotice(
      freeze({
        noticeId: identifier(input.noticeId, 'The notice id'),
        findingId: input.finding.findingId,
        facts,
        wording: defaultWording(facts),
        wordingRevisions: [],
        status: 'draft',
        composedAt: now,
        reviewOpenedAt: null,
        reviewEndsAt,
        complainantCommentedAt: [],
        delay: null,
        publishAt: reviewEndsAt,
        publishedAt: null,
      }),
    );
    return { next: notice, events: [notice.event('discipline.outcome_notice.composed', now, { publishAt: reviewEndsAt })] };
  }

  static fromSnapshot(snapshot: OutcomeNoticeSnapshot): OutcomeNotice {
    return new OutcomeNotice(freeze(snapshot));
  }

  /** The notices due for publication at `now` (for the publishing job). */
  static selectDue(notices: readonly OutcomeNotice[], now: Timestamp): OutcomeNotice[] {
    return notices.filter((n) => n.dueForPublication(now));
  }

  toSnapshot(): OutcomeNoticeSnapshot {
    return freeze(this.s);
  }

  get noticeId(): string {
    return this.s.noticeId;
  }
  get status(): OutcomeNoticeStatus {
    return this.s.status;
  }
  get facts(): OutcomeNoticeFacts {
    return this.s.facts;
  }
  get wording(): string {
    return this.s.wording;
  }
  get publishAt(): Timestamp {
    return this.s.publishAt;
  }
  get reviewEndsAt(): Timestamp {
    return this.s.reviewEndsAt;
  }
  get publicationDelay(): PublicationDelay | null {
    return this.s.delay;
  }

  private with(patch: Partial<OutcomeNoticeSnapshot>): OutcomeNotice {
    return new OutcomeNotice(freeze({ ...this.s, ...patch }));
  }

  private event<T extends OutcomeNoticeEvent['type']>(
    type: T,
    at: Timestamp,
    extra: Omit<Extract<OutcomeNoticeEvent, { type: T }>, 'type' | 'noticeId' | 'findingId' | 'at'>,
  ): OutcomeNoticeEvent {
    return { type, noticeId: this.s.noticeId, findingId: this.s.findingId, at, ...extra } as unknown as OutcomeNoticeEvent;
  }

  private assertNotPublished(): void {
    if (this.s.status === 'published') {
      throw outcomeNoticeError('conflict', OutcomeNoticeErrorCode.AlreadyPublished, 'This outcome notice has already been published.');
    }
  }

  private reviewOpen(now: Timestamp): boolean {
    return isBefore(now, this.s.reviewEndsAt);
  }

  /** The complainant is invited to review the wording until `reviewEndsAt` (fixed at composition). */
  openComplainantReview(nowInput: Timestamp): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(nowInput, 'now');
    this.assertNotPublished();
    if (this.s.status !== 'draft') {
      throw outcomeNoticeError('conflict', OutcomeNoticeErrorCode.WrongStatus, 'The complainant review has already been opened.');
    }
    if (!this.reviewOpen(now)) return this.scheduleIfReviewOver(now);
    return {
      next: this.with({ status: 'complainant_review', reviewOpenedAt: now }),
      events: [this.event('discipline.outcome_notice.review_opened', now, { reviewEndsAt: this.s.reviewEndsAt })],
    };
  }

  /**
   * Records that the complainant commented on the wording. The comment itself is a case message
   * to the panel (the only channel to a panel), so the notice holds no complainant text.
   */
  noteComplainantComment(nowInput: Timestamp): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(nowInput, 'now');
    if (this.s.status !== 'complainant_review' || !this.reviewOpen(now)) {
      throw outcomeNoticeError('conflict', OutcomeNoticeErrorCode.ReviewClosed, 'The review of this notice’s wording is not open.');
    }
    return {
      next: this.with({ complainantCommentedAt: [...this.s.complainantCommentedAt, now] }),
      events: [this.event('discipline.outcome_notice.complainant_commented', now, {})],
    };
  }

  /**
   * The panel adjusts the wording placed before the facts, until the review window ends (after
   * that, the complainant could no longer see the change). The facts are not editable at all.
   * `mustNotMention`: terms the wording may not contain (the application passes the
   * complainant's and witnesses' names); they are only compared, never stored.
   */
  adjustWording(input: {
    readonly wording: string;
    readonly by: string;
    readonly now: Timestamp;
    readonly mustNotMention?: readonly string[];
  }): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(input.now, 'now');
    this.assertNotPublished();
    if (this.s.status === 'scheduled' || !this.reviewOpen(now)) {
      throw outcomeNoticeError(
        'conflict',
        OutcomeNoticeErrorCode.WordingFrozen,
        'The wording can no longer change: the complainant’s review window has ended.',
      );
    }
    const wording = requiredText(input.wording, 'The wording of the notice', MAX_WORDING);
    const lower = wording.toLocaleLowerCase();
    const hit = (input.mustNotMention ?? []).some((t) => typeof t === 'string' && t.trim().length >= 2 && lower.includes(t.trim().toLocaleLowerCase()));
    if (hit) {
      throw outcomeNoticeError(
        'unprocessable',
        OutcomeNoticeErrorCode.WordingMentionsForbiddenTerm,
        'The wording names someone an outcome notice may never name (the complainant or a witness). Remove the name.',
      );
    }
    const by = identifier(input.by, 'Who adjusted the wording');
    return {
      next: this.with({ wording, wordingRevisions: [...this.s.wordingRevisions, { at: now, by, wording }] }),
      events: [this.event('discipline.outcome_notice.wording_adjusted', now, { by })],
    };
  }

  /** Once the review window has ended the notice is scheduled; before that, nothing changes. */
  scheduleIfReviewOver(nowInput: Timestamp): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(nowInput, 'now');
    if (this.s.status === 'scheduled' || this.s.status === 'published' || this.reviewOpen(now)) return { next: this, events: [] };
    return {
      next: this.with({ status: 'scheduled' }),
      events: [this.event('discipline.outcome_notice.scheduled', now, { publishAt: this.s.publishAt })],
    };
  }

  /**
   * The panel delays publication once, with a recorded reason, to a moment no later than 14 days
   * after the end of the review window. A second delay is refused; so is any delay of a
   * published notice.
   */
  delay(input: { readonly until: Timestamp; readonly reason: string; readonly by: string; readonly now: Timestamp }): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(input.now, 'now');
    this.assertNotPublished();
    if (this.s.delay) {
      throw outcomeNoticeError(
        'conflict',
        OutcomeNoticeErrorCode.AlreadyDelayed,
        'Publication of this notice has already been delayed once; it cannot be delayed again.',
        { until: this.s.delay.until },
      );
    }
    const reason = requiredText(input.reason, 'The reason for the delay', 2000);
    const until = timestamp(input.until, 'The new publication date');
    const latest = addDays(this.s.reviewEndsAt, MAX_PUBLICATION_DELAY_DAYS);
    if (millis(until) > millis(latest)) {
      throw outcomeNoticeError(
        'unprocessable',
        OutcomeNoticeErrorCode.DelayTooLong,
        `Publication can be delayed by at most ${MAX_PUBLICATION_DELAY_DAYS} days (until ${latest} at the latest).`,
        { latest },
      );
    }
    if (!isBefore(this.s.publishAt, until) || !isBefore(now, until)) {
      throw outcomeNoticeError('invalid', OutcomeNoticeErrorCode.InvalidDelay, 'A delay must move publication to a later moment.');
    }
    const by = identifier(input.by, 'Who delayed publication');
    return {
      next: this.with({ delay: { reason, until, decidedAt: now, decidedBy: by }, publishAt: until }),
      events: [this.event('discipline.outcome_notice.delayed', now, { until, by })],
    };
  }

  /** Whether the notice must be published at `now`: unpublished and `publishAt` reached. */
  dueForPublication(nowInput: Timestamp): boolean {
    const now = timestamp(nowInput, 'now');
    return this.s.status !== 'published' && !isBefore(now, this.s.publishAt);
  }

  /** Publishes a due notice (from any unpublished status); the application fans it out. */
  publish(nowInput: Timestamp): Transition<OutcomeNotice, OutcomeNoticeEvent> {
    const now = timestamp(nowInput, 'now');
    this.assertNotPublished();
    if (!this.dueForPublication(now)) {
      throw outcomeNoticeError('conflict', OutcomeNoticeErrorCode.NotDue, 'This notice is not due for publication yet.', {
        publishAt: this.s.publishAt,
      });
    }
    return {
      next: this.with({ status: 'published', publishedAt: now }),
      events: [this.event('discipline.outcome_notice.published', now, {})],
    };
  }

  /** The notice text: the panel's wording, then the fixed facts. */
  render(): string {
    return `Outcome of a disciplinary case\n\n${this.s.wording}\n\n${renderFacts(this.s.facts)}\n`;
  }
}
