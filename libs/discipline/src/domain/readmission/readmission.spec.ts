import fc from 'fast-check';
import { EXPULSION, SUSPENSION, at, expectDomainError, finalFinding } from '../finding/finding.test-fixtures';
import { sanctionEffects } from '../finding/sanction-effects.value-object';
import { ComplainantConsultation, ExpulsionRecord, ReadmissionDecision } from './readmission-decision.entity';
import { ReadmissionErrorCode } from './readmission.errors';
import { assertMayRejoin, effectsAfterReadmission, standingUnderSanction } from './rejoin.policy';

const MEMBER = 'member-respondent-bob';
const EXPELLED_AT = '2026-05-02T09:00:00.000Z';
const expulsion: ExpulsionRecord = { findingId: 'finding-1', memberId: MEMBER, complainantIds: ['alice', 'carol'], finalAt: EXPELLED_AT };
const consulted = (id: string, on = '2028-01-10'): ComplainantConsultation => ({ kind: 'consulted', complainantId: id, consultedOn: on, view: 'I object to readmission.' });

function decision(outcome: 'readmit' | 'refuse', consultations: ComplainantConsultation[] = [consulted('alice'), consulted('carol')], now = '2028-02-01T10:00:00Z', exp = expulsion) {
  return ReadmissionDecision.record({
    decisionId: `d-${outcome}-${now}`,
    expulsion: exp,
    outcome,
    consultations,
    conditionsAssessment: 'The programme was completed in 2027.',
    reasons: 'Reasons of the commission.',
    now,
  });
}

describe('ReadmissionDecision', () => {
  it('cannot be recorded without consulting every complainant of the expulsion', () => {
    const e = expectDomainError(() => decision('readmit', [consulted('alice')]), ReadmissionErrorCode.ConsultationRequired);
    expect(e.details).toEqual({ missing: 1 });
    expectDomainError(() => decision('readmit', []), ReadmissionErrorCode.ConsultationRequired);
    expect(decision('readmit').outcome).toBe('readmit');
  });

  it('requires the complainant’s view in words', () => {
    expectDomainError(() => decision('readmit', [consulted('alice'), { ...consulted('carol'), view: '  ' } as ComplainantConsultation]), 'discipline.text_required');
  });

  it('accepts a failed attempt to reach a complainant only after a reasonable effort (3 attempts over 14 days by default)', () => {
    const attempts = (days: string[]): ComplainantConsultation => ({
      kind: 'unreachable',
      complainantId: 'carol',
      attempts: days.map((on) => ({ on, channel: 'email' as const })),
    });
    expectDomainError(() => decision('readmit', [consulted('alice'), attempts(['2028-01-01', '2028-01-02'])]), ReadmissionErrorCode.InsufficientEffort);
    expectDomainError(() => decision('readmit', [consulted('alice'), attempts(['2028-01-01', '2028-01-02', '2028-01-10'])]), ReadmissionErrorCode.InsufficientEffort);
    expect(decision('readmit', [consulted('alice'), attempts(['2028-01-01', '2028-01-08', '2028-01-15'])]).outcome).toBe('readmit');
  });

  it('refuses consultations dated before the expulsion or after the decision, and consultations of strangers', () => {
    expectDomainError(() => decision('readmit', [consulted('alice', '2026-01-01'), consulted('carol')]), ReadmissionErrorCode.InvalidConsultation);
    expectDomainError(() => decision('readmit', [consulted('alice', '2028-03-01'), consulted('carol')]), ReadmissionErrorCode.InvalidConsultation);
    expectDomainError(() => decision('readmit', [consulted('alice'), consulted('carol'), consulted('dave')]), ReadmissionErrorCode.InvalidConsultation);
  });
});

describe('rejoining after an expulsion', () => {
  it('is refused until a readmission decision exists', () => {
    const e = expectDomainError(() => assertMayRejoin({ memberId: MEMBER, expulsions: [expulsion], decisions: [] }), ReadmissionErrorCode.DecisionRequired);
    expect(e.kind).toBe('forbidden');
    expectDomainError(
      () => assertMayRejoin({ memberId: MEMBER, expulsions: [expulsion], decisions: [decision('refuse').toSnapshot()] }),
      ReadmissionErrorCode.DecisionRequired,
    );
    const readmit = decision('readmit');
    expect(assertMayRejoin({ memberId: MEMBER, expulsions: [expulsion], decisions: [readmit.toSnapshot()] })).toEqual({ decisionId: readmit.decisionId });
  });

  it('needs a decision on the latest expulsion, not an earlier one', () => {
    const second: ExpulsionRecord = { findingId: 'finding-9', memberId: MEMBER, complainantIds: ['erin'], finalAt: '2029-06-01T00:00:00Z' };
    expectDomainError(
      () => assertMayRejoin({ memberId: MEMBER, expulsions: [expulsion, second], decisions: [decision('readmit').toSnapshot()] }),
      ReadmissionErrorCode.DecisionRequired,
    );
  });

  it('is not concerned with people who were never expelled', () => {
    expect(assertMayRejoin({ memberId: 'someone-else', expulsions: [expulsion], decisions: [] })).toBeNull();
  });
});

describe('standing under a sanction', () => {
  const suspension = finalFinding([{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }]).effects();
  const expelled = finalFinding([{ verdict: 'uphold', sanction: EXPULSION }, { verdict: 'uphold', sanction: EXPULSION }, { verdict: 'uphold', sanction: EXPULSION }]).effects();

  it('subs paid during a suspension neither shorten it nor restore standing', () => {
    const during = '2026-08-01T00:00:00Z';
    const paidAhead = standingUnderSanction({ sanctions: [suspension], subsPaidUpTo: '2031-12-31T00:00:00Z', asOf: during });
    expect(paidAhead).toEqual({
      inGoodStanding: false,
      blockedBySanction: true,
      restrictions: ['voting', 'candidacy', 'office', 'hosting'],
      restrictedUntil: '2027-01-01T00:00:00.000Z',
    });
    const after = standingUnderSanction({ sanctions: [suspension], subsPaidUpTo: '2031-12-31T00:00:00Z', asOf: '2027-01-01T00:00:00Z' });
    expect(after).toMatchObject({ inGoodStanding: true, blockedBySanction: false });
    const afterUnpaid = standingUnderSanction({ sanctions: [suspension], subsPaidUpTo: '2026-12-31T00:00:00Z', asOf: '2027-01-02T00:00:00Z' });
    expect(afterUnpaid).toMatchObject({ inGoodStanding: false, blockedBySanction: false });
  });

  it('the sanction’s effect is the same whatever was paid (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(suspension, expelled),
        (paidDays, asOfDays, effects) => {
          const asOf = at(60 + asOfDays);
          const paid = paidDays === null ? null : at(paidDays);
          const withPayment = standingUnderSanction({ sanctions: [effects], subsPaidUpTo: paid, asOf });
          const without = standingUnderSanction({ sanctions: [effects], subsPaidUpTo: null, asOf });
          expect(withPayment.blockedBySanction).toBe(without.blockedBySanction);
          expect(withPayment.restrictions).toEqual(without.restrictions);
          expect(withPayment.restrictedUntil).toBe(without.restrictedUntil);
          if (withPayment.blockedBySanction) expect(withPayment.inGoodStanding).toBe(false);
        },
      ),
    );
  });

  it('an expulsion blocks for ever, whatever is paid, until a readmission decision', () => {
    const tenYears = standingUnderSanction({ sanctions: [expelled], subsPaidUpTo: '2040-01-01T00:00:00Z', asOf: '2036-05-01T00:00:00Z' });
    expect(tenYears).toMatchObject({ inGoodStanding: false, blockedBySanction: true, restrictedUntil: null });
    const readmit = decision('readmit', undefined, '2028-02-01T10:00:00Z', { ...expulsion, memberId: expelled.memberId });
    const lifted = effectsAfterReadmission(expelled, readmit.toSnapshot());
    expect(standingUnderSanction({ sanctions: [lifted], subsPaidUpTo: '2029-01-01T00:00:00Z', asOf: '2028-02-01T10:00:00Z' })).toMatchObject({
      inGoodStanding: true,
    });
    expect(standingUnderSanction({ sanctions: [lifted], subsPaidUpTo: '2029-01-01T00:00:00Z', asOf: '2028-01-31T10:00:00Z' }).blockedBySanction).toBe(true);
    expectDomainError(() => effectsAfterReadmission(expelled, decision('refuse').toSnapshot()), ReadmissionErrorCode.DecisionRequired);
    expectDomainError(() => effectsAfterReadmission(sanctionEffects(MEMBER, SUSPENSION, EXPELLED_AT), readmit.toSnapshot()), ReadmissionErrorCode.NotExpelled);
  });
});
