import { DomainError } from '@org/kernel';
import { Case } from './case.aggregate';
import { CaseErrorCode } from './case.errors';
import { CaseActor } from './case.types';
import { sealedRef } from './identifiers';
import {
  COMPLAINANT,
  RESPONDENT,
  T0,
  WITNESS,
  at,
  caseWithDuty,
  complainant,
  fileCase,
  intake,
  recusalFor,
  respondent,
  seatedCase,
  triagedCase,
} from './case.test-fixtures';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const ecMember: CaseActor = { memberId: 'ec-chair' };
const commissioner = (memberId: string): CaseActor => ({ memberId, isCommissioner: true });

describe('intake', () => {
  it('files a complaint as received, with the complainant\u2019s choices recorded as given', () => {
    const { case: c, events } = Case.file(
      intake({ seriousness: { violence: true, sexualMisconduct: false, threats: false }, matchingOptIn: true }),
      { id: 'case-a', reference: 'CC-2026-7K3M-Q9XD', receivedAt: '2026-03-10T10:00:00+01:00' },
    );
    expect(events).toEqual([{ type: 'ComplaintReceived', caseId: 'case-a', at: T0, path: 'formal', serious: true }]);
    expect(c.stage).toBe('received');
    expect(c.serious).toBe(true);
    expect(c.state).toMatchObject({ receivedAt: T0, seriousSince: T0, matchingOptIn: true, clockStartedAt: T0 });
    expect(Case.fromSnapshot(c.toSnapshot()).toSnapshot()).toEqual(c.toSnapshot());
    expect(JSON.parse(JSON.stringify(c.toSnapshot()))).toEqual(c.toSnapshot()); // plain data
  });

  it('accepts a non-member who verified an email address, and a described non-member respondent', () => {
    const c = fileCase({
      complainant: { kind: 'non_member', email: ' Someone@Example.org ', emailVerifiedAt: '2026-03-09T08:00:00Z' },
      respondents: [{ kind: 'non_member', description: sealedRef('sealed:description') }],
    });
    expect(c.state.complainant).toEqual({ kind: 'non_member', email: 'someone@example.org', emailVerifiedAt: '2026-03-09T08:00:00.000Z' });
    expect(c.participantsForRecusal()).toEqual({ parties: [], witnesses: [WITNESS], supportPersons: [] });
  });

  it('refuses an incomplete or inconsistent complaint, saying what is wrong', () => {
    const bad = [
      intake({ respondents: [] }),
      intake({ respondents: [{ kind: 'member', memberId: COMPLAINANT }] }),
      intake({ witnesses: [{ kind: 'member', memberId: RESPONDENT }] }),
      intake({ when: { from: '2026-04-01' } }),
      intake({ when: { from: '2026-02-05', to: '2026-02-01' } }),
      intake({ complainant: { kind: 'non_member', email: 'x@example.org', emailVerifiedAt: '2026-03-11T00:00:00Z' } }),
      intake({ narrative: sealedRef('') }),
    ];
    for (const i of bad) {
      const e = errorOf(() => Case.file(i, { id: 'x', reference: 'CC-2026-7K3M-Q9XD', receivedAt: T0 }));
      expect(e).toMatchObject({ kind: 'invalid', code: CaseErrorCode.InvalidComplaint });
    }
    expect(errorOf(() => Case.file(intake(), { id: 'x', reference: 'CASE-1', receivedAt: T0 })).code).toBe(CaseErrorCode.InvalidComplaint);
  });

  it('takes the informal path only with explicit consent', () => {
    expect(errorOf(() => fileCase({ path: 'informal' })).code).toBe(CaseErrorCode.InformalRequiresConsent);
    expect(errorOf(() => fileCase({ path: 'informal', informalConsent: false })).code).toBe(CaseErrorCode.InformalRequiresConsent);
    const c = fileCase({ path: 'informal', informalConsent: true });
    expect(c.path).toBe('informal');
    expect(c.state.informalConsentAt).toBe(T0);
  });
});

describe('path (S4): only the complainant chooses or changes it', () => {
  it('refuses the respondent, the panel, the duty commissioner and anyone else', () => {
    const { c, panel } = seatedCase();
    c.beginInvestigation(panel[0], at.days(3));
    const refusals: [CaseActor, string][] = [
      [respondent, 'forbidden'],
      [{ memberId: panel[0], isCommissioner: true }, 'forbidden'],
      [ecMember, 'not_found'],
      [commissioner('c07-not-on-panel'), 'not_found'],
      [{ memberId: WITNESS }, 'forbidden'],
    ];
    for (const [actor, kind] of refusals) {
      for (const to of ['informal', 'record-only', 'formal'] as const) {
        const e = errorOf(() => c.changePath(actor, to, { consent: true }, at.days(4)));
        expect(e.kind).toBe(kind);
        if (kind === 'forbidden') expect(e.code).toBe(CaseErrorCode.PathReservedToComplainant);
      }
    }
    expect(c.path).toBe('formal');
  });

  it('refuses the respondent even before they are told of the case — as if it did not exist', () => {
    const c = caseWithDuty();
    expect(errorOf(() => c.changePath(respondent, 'informal', { consent: true }, at.hours(1))).kind).toBe('not_found');
  });

  it('lets the respondent neither open nor confirm an informal resolution', () => {
    const { c, panel } = seatedCase({ path: 'informal', informalConsent: true });
    c.beginInvestigation(panel[0], at.days(3));
    expect(errorOf(() => c.proposeInformalResolution(respondent, sealedRef('sealed:terms'), at.days(4))).code).toBe(
      CaseErrorCode.PathReservedToComplainant,
    );
    c.proposeInformalResolution({ memberId: panel[0] }, sealedRef('sealed:terms'), at.days(4));
    expect(errorOf(() => c.confirmInformalResolution(respondent, at.days(5))).code).toBe(CaseErrorCode.ReservedToComplainant);
    expect(errorOf(() => c.confirmInformalResolution({ memberId: panel[1] }, at.days(5))).kind).toBe('forbidden');
    expect(c.stage).toBe('investigating');
    const events = c.confirmInformalResolution(complainant, at.days(5));
    expect(events.map((e) => e.type)).toEqual(['CaseResolvedInformally']);
    expect(c.stage).toBe('resolved_informally');
  });

  it('does not let the panel start an informal resolution the complainant did not choose', () => {
    const { c, panel } = seatedCase();
    expect(errorOf(() => c.proposeInformalResolution({ memberId: panel[0] }, sealedRef('sealed:terms'), at.days(3))).code).toBe(
      CaseErrorCode.PathReservedToComplainant,
    );
  });

  it('needs consent to go informal; revoking consent makes it formal at any stage, voiding pending terms', () => {
    const { c, panel } = seatedCase();
    c.beginInvestigation(panel[0], at.days(3));
    expect(errorOf(() => c.changePath(complainant, 'informal', {}, at.days(4))).code).toBe(CaseErrorCode.InformalRequiresConsent);
    c.changePath(complainant, 'informal', { consent: true }, at.days(4));
    c.proposeInformalResolution({ memberId: panel[1] }, sealedRef('sealed:terms'), at.days(5));
    const events = c.revokeInformalConsent(complainant, at.days(6));
    expect(events).toEqual([
      { type: 'PathChanged', caseId: c.id, at: at.days(6), from: 'informal', to: 'formal', consentRevoked: true },
    ]);
    expect(c.path).toBe('formal');
    expect(c.state.informalResolution).toBeNull();
    expect(errorOf(() => c.confirmInformalResolution(complainant, at.days(7))).code).toBe(CaseErrorCode.InformalResolutionNotPending);
    expect(c.revokeInformalConsent(complainant, at.days(7))).toEqual([]);
  });

  it('lets a non-member complainant, known by the verified email, change the path', () => {
    const c = caseWithDuty({ complainant: { kind: 'non_member', email: 'a@example.org', emailVerifiedAt: T0 } });
    expect(errorOf(() => c.changePath({ verifiedEmail: 'b@example.org' }, 'formal', {}, at.hours(1))).kind).toBe('not_found');
    c.changePath({ verifiedEmail: 'A@Example.org' }, 'informal', { consent: true }, at.hours(1));
    expect(c.path).toBe('informal');
  });

  it('closes a record-only report at triage; its complainant can reopen it for action, restarting the clock', () => {
    const c = caseWithDuty({ path: 'record-only', matchingOptIn: true });
    expect(c.triage('c01', {}, at.days(1)).map((e) => e.type)).toEqual(['CaseTriaged', 'CaseClosedRecordOnly']);
    expect(c.stage).toBe('closed_record_only');
    expect(errorOf(() => c.changePath(respondent, 'formal', {}, at.days(20))).kind).toBe('not_found');
    const events = c.changePath(complainant, 'formal', {}, at.days(20));
    expect(events.map((e) => e.type)).toEqual(['PathChanged', 'CaseReopened']);
    expect(c.state).toMatchObject({ stage: 'received', clockStartedAt: at.days(20), triagedAt: null, closedAt: null });
    c.triage('c01', {}, at.days(21));
    expect(c.stage).toBe('triaged');
  });

  it('becomes record-only only before a panel is seated (afterwards the complainant may withdraw)', () => {
    const t = triagedCase();
    expect(t.changePath(complainant, 'record-only', {}, at.days(2)).map((e) => e.type)).toEqual(['PathChanged', 'CaseClosedRecordOnly']);
    const { c } = seatedCase();
    expect(errorOf(() => c.changePath(complainant, 'record-only', {}, at.days(3))).code).toBe(CaseErrorCode.PathChangeNotAllowedNow);
    expect(c.withdraw(complainant, at.days(3)).map((e) => e.type)).toEqual(['CaseWithdrawn']);
    expect(errorOf(() => c.changePath(complainant, 'informal', { consent: true }, at.days(4))).code).toBe(CaseErrorCode.PathChangeNotAllowedNow);
  });
});

describe('triage', () => {
  it('is done only by the duty commissioner of the case', () => {
    const c = caseWithDuty();
    expect(errorOf(() => c.triage('c02', {}, at.days(1))).kind).toBe('not_found');
    expect(errorOf(() => c.triage(RESPONDENT, {}, at.days(1))).kind).toBe('not_found');
    c.triage('c01', {}, at.days(1));
    expect(c.state).toMatchObject({ stage: 'triaged', triagedAt: at.days(1) });
    expect(errorOf(() => c.triage('c01', {}, at.days(1))).code).toBe(CaseErrorCode.StageDoesNotAllow);
  });

  it('can mark a case serious but never lowers what the complainant marked', () => {
    const c = caseWithDuty({ seriousness: { violence: false, sexualMisconduct: true, threats: false } });
    c.triage('c01', { raise: { threats: true, sexualMisconduct: false } }, at.days(1));
    expect(c.state.seriousness).toEqual({ violence: false, sexualMisconduct: true, threats: true });
    expect(c.state.seriousSince).toBe(T0);

    const d = caseWithDuty();
    const events = d.triage('c01', { raise: { violence: true } }, at.days(2));
    expect(events[0]).toMatchObject({ type: 'CaseTriaged', serious: true, seriousnessRaised: true });
    expect(d.state.seriousSince).toBe(at.days(2));
  });

  it('needs a duty commissioner cleared by a current recusal', () => {
    const c = fileCase();
    expect(errorOf(() => c.assignDutyCommissioner('c01', T0)).code).toBe(CaseErrorCode.RecusalRequired);
    c.recordRecusal(recusalFor(c, { facts: { relationships: [{ a: 'c01', b: RESPONDENT }] } }), T0);
    expect(errorOf(() => c.assignDutyCommissioner('c01', T0)).code).toBe(CaseErrorCode.CommissionerConflicted);
    expect(errorOf(() => c.assignDutyCommissioner('a01', T0)).code).toBe(CaseErrorCode.CommissionerConflicted); // alternates are not on duty
    c.assignDutyCommissioner('c02', T0);
    c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-second-witness' }, at.hours(2));
    expect(errorOf(() => c.triage('c02', {}, at.hours(3))).code).toBe(CaseErrorCode.RecusalStale);
  });

  it('loses its duty commissioner when a recompute finds them conflicted, or when they stand down', () => {
    const c = caseWithDuty();
    c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-w2' }, at.hours(1));
    const events = c.recordRecusal(recusalFor(c, { facts: { relationships: [{ a: 'c01', b: COMPLAINANT }] } }), at.hours(1));
    expect(events.map((e) => e.type)).toEqual(['RecusalRecorded', 'DutyCommissionerVacated']);
    expect(c.state.dutyCommissionerId).toBeNull();
    c.assignDutyCommissioner('c02', at.hours(2));
    expect(c.selfRecuse('c02', sealedRef('sealed:why'), at.hours(3))).toEqual([
      { type: 'DutyCommissionerVacated', caseId: c.id, at: at.hours(3), commissionerId: 'c02', reason: 'self_recusal' },
    ]);
    expect(errorOf(() => c.assignDutyCommissioner('c02', at.hours(4))).code).toBe(CaseErrorCode.CommissionerConflicted);
    // A recompute that forgets the stand-down is refused.
    const forgetful = { ...recusalFor(c), assessments: recusalFor(c).assessments.map((a) => ({ ...a, eligible: true, conflicts: [] })) };
    expect(errorOf(() => c.recordRecusal(forgetful, at.hours(4))).code).toBe(CaseErrorCode.RecusalStale);
  });
});

describe('participants', () => {
  it('adding a party, witness or support person asks for a recusal recompute, and makes the recorded one stale', () => {
    const c = caseWithDuty();
    expect(c.isRecusalCurrent()).toBe(true);
    const events = c.addParticipant(complainant, 'respondent', { kind: 'member', memberId: 'm-second' }, at.hours(1));
    expect(events).toEqual([
      {
        type: 'ParticipantAdded',
        caseId: c.id,
        at: at.hours(1),
        role: 'respondent',
        memberId: 'm-second',
        recusalRecomputeRequired: true,
      },
    ]);
    expect(c.isRecusalCurrent()).toBe(false);
    expect(c.participantsForRecusal().parties).toEqual([COMPLAINANT, RESPONDENT, 'm-second']);
    c.addParticipant(complainant, 'support_person', { kind: 'member', memberId: 'm-friend' }, at.hours(1));
    expect(c.participantsForRecusal().supportPersons).toEqual(['m-friend']);
  });

  it('is open to the complainant, the duty commissioner and the panel; the respondent adds witnesses only', () => {
    const { c, panel } = seatedCase();
    expect(errorOf(() => c.addParticipant(ecMember, 'witness', { kind: 'member', memberId: 'x' }, at.days(3))).kind).toBe('not_found');
    expect(errorOf(() => c.addParticipant(respondent, 'witness', { kind: 'member', memberId: 'x' }, at.days(3))).kind).toBe('not_found');
    c.beginInvestigation(panel[0], at.days(3));
    c.addParticipant(respondent, 'witness', { kind: 'member', memberId: 'm-resp-witness' }, at.days(4));
    expect(errorOf(() => c.addParticipant(respondent, 'respondent', { kind: 'member', memberId: 'y' }, at.days(4))).code).toBe(
      CaseErrorCode.ReservedToParty,
    );
    expect(errorOf(() => c.addParticipant({ memberId: panel[0] }, 'support_person', { kind: 'member', memberId: 'y' }, at.days(4))).kind).toBe(
      'forbidden',
    );
    c.addParticipant({ memberId: panel[0] }, 'witness', { kind: 'non_member', description: sealedRef('sealed:d') }, at.days(4));
    expect(errorOf(() => c.addParticipant(complainant, 'witness', { kind: 'member', memberId: RESPONDENT }, at.days(4))).code).toBe(
      CaseErrorCode.InvalidComplaint,
    );
    expect(c.state.witnesses).toHaveLength(3);
  });
});

describe('endings and the formal-track hook', () => {
  it('lets only the complainant withdraw, from any stage before a finding', () => {
    const { c } = seatedCase();
    expect(errorOf(() => c.withdraw(respondent, at.days(3))).kind).toBe('not_found');
    expect(errorOf(() => c.withdraw({ memberId: c.seatedPanel[0] }, at.days(3))).code).toBe(CaseErrorCode.ReservedToComplainant);
    c.withdraw(complainant, at.days(3));
    expect(c.state).toMatchObject({ stage: 'withdrawn', closedAt: at.days(3) });
    expect(errorOf(() => c.withdraw(complainant, at.days(4))).code).toBe(CaseErrorCode.StageDoesNotAllow);
  });

  it('moves the formal track forward in order only', () => {
    const { c, panel } = seatedCase();
    expect(errorOf(() => c.advanceToStage('finding', at.days(3))).code).toBe(CaseErrorCode.StageDoesNotAllow);
    c.beginInvestigation(panel[0], at.days(3));
    expect(errorOf(() => c.advanceToStage('final', at.days(30))).code).toBe(CaseErrorCode.StageDoesNotAllow);
    c.advanceToStage('finding', at.days(30));
    expect(c.state.findingAt).toBe(at.days(30));
    c.advanceToStage('final', at.days(61));
    expect(errorOf(() => c.withdraw(complainant, at.days(62))).code).toBe(CaseErrorCode.StageDoesNotAllow);
    expect(c.state.stageHistory.map((h) => h.stage)).toEqual(['received', 'triaged', 'panel_seated', 'investigating', 'finding', 'final']);
  });
});
