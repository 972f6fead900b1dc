import fc from 'fast-check';
import { Appeal } from '../appeal/appeal.entity';
import { COMPLAINANT, EXPULSION, SUSPENSION, WARNING, at, expectDomainError, finalFinding, notifiedFinding } from '../finding/finding.test-fixtures';
import { addDays } from '../finding/time';
import { MAX_PUBLICATION_DELAY_DAYS, OutcomeNotice } from './outcome-notice.entity';
import { OutcomeNoticeErrorCode } from './outcome-notice.errors';
import { OUTCOME_NOTICE_FACT_KEYS, OutcomeNoticeFacts } from './outcome-notice-facts.value-object';

const CANARY_REASONS = 'CANARY-NARRATIVE: what happened at the branch social on 3 March';
const CANARY_CONDITIONS = 'CANARY-CONDITIONS: keep away from Alice Example';
const suspended = () =>
  finalFinding([{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: EXPULSION }, { verdict: 'not_uphold' }], { reasons: CANARY_REASONS });
const FINAL_AT = addDays(at(31), 30); // finalFinding's moment of finality

function compose(finding = suspended(), policy = {}) {
  return OutcomeNotice.compose({ noticeId: 'notice-1', finding, respondentName: 'Bob Respondent', policy, now: FINAL_AT }).next;
}

// Compile-time guarantee (checked by tsc): no field of the facts, or of their sanction, is about
// the complainant or a narrative. Adding one makes `none` below `false` and the build fails.
type Suspicious<K> = Extract<
  K,
  `${string}${'omplainant' | 'arrative' | 'easons' | 'tatement' | 'escription' | 'onditions' | 'itness' | 'vidence'}${string}`
>;
const none: [Suspicious<keyof OutcomeNoticeFacts | keyof OutcomeNoticeFacts['sanction']>] extends [never] ? true : false = true;
void none;

describe('OutcomeNotice: composition', () => {
  it('is composed only from a final finding', () => {
    const notified = notifiedFinding([{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'not_uphold' }]);
    expectDomainError(
      () => OutcomeNotice.compose({ noticeId: 'n', finding: notified, respondentName: 'Bob', now: at(40) }),
      OutcomeNoticeErrorCode.FindingNotFinal,
    );
  });

  it('states respondent, rule, sanction, dates and the panel vote — and nothing else', () => {
    const notice = compose();
    expect(Object.keys(notice.facts).sort()).toEqual([...OUTCOME_NOTICE_FACT_KEYS].sort());
    expect(notice.facts).toEqual({
      respondentName: 'Bob Respondent',
      rule: 'Code of conduct §4 (harassment)',
      upheld: true,
      sanction: { kind: 'suspension', suspendedUntil: '2027-01-01' },
      panelSanction: null,
      decidedOn: '2026-04-01',
      finalOn: '2026-05-02',
      panelVote: { uphold: 2, notUphold: 1 },
      appealOutcome: null,
    });
    const text = notice.render();
    for (const expected of ['Bob Respondent', 'Code of conduct §4 (harassment)', 'Suspension', '2027-01-01', '2–1', '2026-04-01', '2026-05-02']) {
      expect(text).toContain(expected);
    }
  });

  it('never carries the complainant’s identity or any narrative, in the text or the stored record', () => {
    const conditions = finalFinding(
      [
        { verdict: 'uphold', sanction: { kind: 'conditions', conditions: CANARY_CONDITIONS } },
        { verdict: 'uphold', sanction: { kind: 'conditions', conditions: CANARY_CONDITIONS } },
        { verdict: 'uphold', sanction: { kind: 'conditions', conditions: CANARY_CONDITIONS } },
      ],
      { reasons: CANARY_REASONS },
    );
    for (const finding of [suspended(), conditions]) {
      const notice = compose(finding);
      const stored = JSON.stringify(notice.toSnapshot()) + notice.render();
      for (const secret of [COMPLAINANT, 'CANARY-NARRATIVE', 'CANARY-CONDITIONS', 'Alice', 'case-1']) expect(stored).not.toContain(secret);
    }
  });

  it('names the respondent for suspension and expulsion always, for warnings only if configured, never when not upheld', () => {
    const warning = finalFinding([{ verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }, { verdict: 'not_uphold' }]);
    expect(compose(warning).facts.respondentName).toBeNull();
    expect(compose(warning).render()).not.toContain('Bob Respondent');
    expect(compose(warning, { nameRespondentForWarnings: true }).facts.respondentName).toBe('Bob Respondent');
    expect(compose(suspended(), { nameRespondentForWarnings: false, nameRespondentForConditions: false }).facts.respondentName).toBe('Bob Respondent');
    const expelled = finalFinding([{ verdict: 'uphold', sanction: EXPULSION }, { verdict: 'uphold', sanction: EXPULSION }, { verdict: 'uphold', sanction: EXPULSION }]);
    expect(compose(expelled).facts.respondentName).toBe('Bob Respondent');
    const notUpheld = finalFinding([{ verdict: 'not_uphold' }, { verdict: 'not_uphold' }, { verdict: 'uphold', sanction: WARNING }]);
    const n = compose(notUpheld, { nameRespondentForWarnings: true, nameRespondentForConditions: true });
    expect(n.facts).toMatchObject({ respondentName: null, upheld: false, panelVote: { uphold: 1, notUphold: 2 } });
  });

  it('shows a sanction modified on appeal beside the panel’s original one', () => {
    const finding = notifiedFinding([{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'not_uphold' }]);
    const lodged = Appeal.lodge({ appealId: 'ap', finding, appellantId: 'member-respondent-bob', grounds: [{ ground: 'disproportionate_sanction', text: 't' }], now: at(40) }).next;
    const underAppeal = finding.registerAppeal(lodged, at(40)).next;
    const decided = lodged
      .seatPanel({ memberIds: ['ap-1', 'ap-2', 'ap-3'], now: at(41) })
      .next.castVote({ panelistId: 'ap-1', outcome: 'modify_sanction', sanction: WARNING, reasons: 'r', now: at(50) })
      .next.castVote({ panelistId: 'ap-2', outcome: 'modify_sanction', sanction: WARNING, reasons: 'r', now: at(50) }).next;
    const final = underAppeal.applyAppealDecision(decided.decidedView(), at(50)).next;
    const notice = OutcomeNotice.compose({ noticeId: 'n', finding: final, respondentName: 'Bob', now: at(50) }).next;
    expect(notice.facts).toMatchObject({ sanction: { kind: 'warning' }, panelSanction: { kind: 'suspension' }, appealOutcome: 'modify_sanction' });
    expect(notice.render()).toContain('before appeal');
  });
});

describe('OutcomeNotice: review, wording, delay, publication', () => {
  it('runs draft → complainant_review → scheduled → published, the review window being 5 days by default', () => {
    let n = compose();
    expect(n.status).toBe('draft');
    expect(n.reviewEndsAt).toBe(addDays(FINAL_AT, 5));
    n = n.openComplainantReview(addDays(FINAL_AT, 0)).next;
    expect(n.status).toBe('complainant_review');
    n = n.noteComplainantComment(addDays(FINAL_AT, 1)).next;
    expect(n.scheduleIfReviewOver(addDays(FINAL_AT, 4)).next.status).toBe('complainant_review');
    n = n.scheduleIfReviewOver(addDays(FINAL_AT, 5)).next;
    expect(n.status).toBe('scheduled');
    expectDomainError(() => n.noteComplainantComment(addDays(FINAL_AT, 6)), OutcomeNoticeErrorCode.ReviewClosed);
    n = n.publish(addDays(FINAL_AT, 5)).next;
    expect(n.status).toBe('published');
    expectDomainError(() => n.publish(addDays(FINAL_AT, 6)), OutcomeNoticeErrorCode.AlreadyPublished);
  });

  it('lets the panel adjust the wording during the review, but never the facts, and never after it', () => {
    const n = compose().openComplainantReview(FINAL_AT).next;
    const adjusted = n.adjustWording({ wording: 'The commission reports a decision on a complaint.', by: 'cc-1', now: addDays(FINAL_AT, 2) }).next;
    expect(adjusted.wording).toBe('The commission reports a decision on a complaint.');
    expect(adjusted.facts).toEqual(n.facts);
    expect(adjusted.render()).toContain('2–1');
    expectDomainError(() => n.adjustWording({ wording: 'Late.', by: 'cc-1', now: addDays(FINAL_AT, 5) }), OutcomeNoticeErrorCode.WordingFrozen);
    expectDomainError(
      () => n.adjustWording({ wording: 'After Alice Example complained…', by: 'cc-1', now: addDays(FINAL_AT, 1), mustNotMention: ['Alice Example'] }),
      OutcomeNoticeErrorCode.WordingMentionsForbiddenTerm,
    );
  });

  it('allows one delay of up to 14 days with a reason; a second delay is refused', () => {
    const n = compose();
    const base = n.publishAt;
    expectDomainError(
      () => n.delay({ until: addDays(base, MAX_PUBLICATION_DELAY_DAYS + 0.001), reason: 'r', by: 'cc-1', now: FINAL_AT }),
      OutcomeNoticeErrorCode.DelayTooLong,
    );
    expectDomainError(() => n.delay({ until: addDays(base, 3), reason: ' ', by: 'cc-1', now: FINAL_AT }), 'discipline.text_required');
    expectDomainError(() => n.delay({ until: addDays(base, -1), reason: 'r', by: 'cc-1', now: FINAL_AT }), OutcomeNoticeErrorCode.InvalidDelay);
    const delayed = n.delay({ until: addDays(base, 14), reason: 'The respondent is in hospital until then.', by: 'cc-1', now: FINAL_AT }).next;
    expect(delayed.publishAt).toBe(addDays(base, 14));
    expect(delayed.publicationDelay).toMatchObject({ reason: 'The respondent is in hospital until then.', decidedBy: 'cc-1' });
    expectDomainError(() => delayed.delay({ until: addDays(base, 10), reason: 'again', by: 'cc-2', now: FINAL_AT }), OutcomeNoticeErrorCode.AlreadyDelayed);
    expect(delayed.dueForPublication(addDays(base, 13.9))).toBe(false);
    expect(delayed.dueForPublication(addDays(base, 14))).toBe(true);
  });

  it('is due at the end of the review window even if nobody ever moved it out of draft', () => {
    const n = compose();
    expect(n.dueForPublication(addDays(FINAL_AT, 4.99))).toBe(false);
    expect(n.dueForPublication(addDays(FINAL_AT, 5))).toBe(true);
    expect(OutcomeNotice.selectDue([n], addDays(FINAL_AT, 5))).toHaveLength(1);
    expect(n.publish(addDays(FINAL_AT, 5)).next.status).toBe('published');
    expectDomainError(() => n.publish(addDays(FINAL_AT, 1)), OutcomeNoticeErrorCode.NotDue);
  });

  it('cannot be configured into a long stall', () => {
    expectDomainError(() => compose(suspended(), { reviewDays: 365 }), 'discipline.invalid_configuration');
  });

  it('has no way to be suppressed: no cancel, withdraw or similar transition exists', () => {
    const names = Object.getOwnPropertyNames(OutcomeNotice.prototype).concat(Object.getOwnPropertyNames(OutcomeNotice));
    expect(names.filter((m) => /cancel|suppress|withdraw|retract|delete|discard|hide|unpublish|abort|remove|block|hold/i.test(m))).toEqual([]);
  });

  it('whatever anyone does, it is published at the latest 14 days after the review window (property)', () => {
    type Op =
      | { op: 'open'; t: number }
      | { op: 'comment'; t: number }
      | { op: 'adjust'; t: number }
      | { op: 'delay'; t: number; by: number }
      | { op: 'schedule'; t: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('open' as const), t: fc.double({ min: 0, max: 25, noNaN: true }) }),
      fc.record({ op: fc.constant('comment' as const), t: fc.double({ min: 0, max: 25, noNaN: true }) }),
      fc.record({ op: fc.constant('adjust' as const), t: fc.double({ min: 0, max: 25, noNaN: true }) }),
      fc.record({ op: fc.constant('delay' as const), t: fc.double({ min: 0, max: 25, noNaN: true }), by: fc.double({ min: -5, max: 60, noNaN: true }) }),
      fc.record({ op: fc.constant('schedule' as const), t: fc.double({ min: 0, max: 25, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), (ops) => {
        let n = compose();
        const deadline = addDays(n.reviewEndsAt, MAX_PUBLICATION_DELAY_DAYS);
        let delays = 0;
        for (const o of [...ops].sort((a, b) => a.t - b.t)) {
          const now = addDays(FINAL_AT, o.t);
          if (n.dueForPublication(now)) break;
          try {
            if (o.op === 'open') n = n.openComplainantReview(now).next;
            if (o.op === 'comment') n = n.noteComplainantComment(now).next;
            if (o.op === 'adjust') n = n.adjustWording({ wording: `w${o.t}`, by: 'cc-1', now }).next;
            if (o.op === 'schedule') n = n.scheduleIfReviewOver(now).next;
            if (o.op === 'delay') {
              n = n.delay({ until: addDays(n.reviewEndsAt, o.by), reason: 'r', by: 'cc-1', now }).next;
              delays++;
            }
          } catch (e) {
            expect((e as { code?: string }).code).toMatch(/^discipline\./);
          }
        }
        expect(delays).toBeLessThanOrEqual(1);
        expect(n.dueForPublication(deadline)).toBe(true);
        expect(n.publish(deadline).next.status).toBe('published');
      }),
    );
  });
});
