import { Finding, FindingEvent } from './finding.entity';
import { FindingActor, assertMayAlterFinding } from './finding-alteration.policy';
import { FindingErrorCode } from './finding.errors';
import { restrictionsActiveAt } from './sanction-effects.value-object';
import {
  COMPLAINANT,
  EXPULSION,
  PANEL,
  RESPONDENT,
  SUSPENSION,
  WARNING,
  at,
  expectDomainError,
  finalFinding,
  notifiedFinding,
  openFinding,
} from './finding.test-fixtures';

describe('Finding: votes', () => {
  it('lets each seated panelist vote exactly once, and nobody else', () => {
    const f = openFinding().castVote({ panelistId: 'cc-1', verdict: 'uphold', proposedSanction: WARNING, now: at(1) }).next;
    expectDomainError(
      () => f.castVote({ panelistId: 'cc-1', verdict: 'not_uphold', now: at(1) }),
      FindingErrorCode.AlreadyVoted,
    );
    expectDomainError(() => f.castVote({ panelistId: 'ec-chair', verdict: 'uphold', proposedSanction: WARNING, now: at(1) }), FindingErrorCode.NotAPanelist);
    expect(f.votes).toHaveLength(1);
  });

  it('requires a sanction with an uphold vote and refuses one with a not-uphold vote', () => {
    const f = openFinding();
    expectDomainError(() => f.castVote({ panelistId: 'cc-1', verdict: 'uphold', now: at(1) }), FindingErrorCode.VoteSanctionMismatch);
    expectDomainError(
      () => f.castVote({ panelistId: 'cc-1', verdict: 'uphold', proposedSanction: { kind: 'no_finding' }, now: at(1) }),
      FindingErrorCode.VoteSanctionMismatch,
    );
    expectDomainError(
      () => f.castVote({ panelistId: 'cc-1', verdict: 'not_uphold', proposedSanction: WARNING, now: at(1) }),
      FindingErrorCode.VoteSanctionMismatch,
    );
  });

  it('refuses a suspension without an end date, or ending in the past', () => {
    const f = openFinding();
    expectDomainError(
      () => f.castVote({ panelistId: 'cc-1', verdict: 'uphold', proposedSanction: { kind: 'suspension' } as never, now: at(1) }),
      'discipline.finding.invalid_sanction',
    );
    expectDomainError(
      () => f.castVote({ panelistId: 'cc-1', verdict: 'uphold', proposedSanction: { kind: 'suspension', until: '2026-01-01' }, now: at(1) }),
      'discipline.finding.invalid_sanction',
    );
  });

  it('does not change the finding it was called on (immutable)', () => {
    const f = openFinding();
    f.castVote({ panelistId: 'cc-1', verdict: 'not_uphold', now: at(1) });
    expect(f.votes).toHaveLength(0);
  });
});

describe('Finding: decision by majority', () => {
  it('waits for every seated panelist and requires written reasons', () => {
    let f = openFinding();
    f = f.castVote({ panelistId: 'cc-1', verdict: 'uphold', proposedSanction: WARNING, now: at(1) }).next;
    f = f.castVote({ panelistId: 'cc-2', verdict: 'uphold', proposedSanction: WARNING, now: at(1) }).next;
    expectDomainError(() => f.decide({ rule: '§4', reasons: 'r', now: at(2) }), FindingErrorCode.VotesOutstanding);
    f = f.castVote({ panelistId: 'cc-3', verdict: 'not_uphold', now: at(1) }).next;
    expectDomainError(() => f.decide({ rule: '§4', reasons: '   ', now: at(2) }), 'discipline.text_required');
    expectDomainError(() => f.decide({ rule: '', reasons: 'Written reasons', now: at(2) }), 'discipline.text_required');
  });

  it('records a 2–1 uphold with the median proposed sanction', () => {
    const f = notifiedFinding([
      { verdict: 'uphold', sanction: EXPULSION },
      { verdict: 'uphold', sanction: SUSPENSION },
      { verdict: 'not_uphold' },
    ]);
    expect(f.decision).toMatchObject({ upheld: true, counts: { uphold: 2, notUphold: 1 }, sanction: SUSPENSION });
    expect(f.voteCountLabel()).toBe('2–1');
  });

  it('does not uphold on 1–2, whatever the one uphold vote proposed', () => {
    const f = notifiedFinding([{ verdict: 'uphold', sanction: EXPULSION }, { verdict: 'not_uphold' }, { verdict: 'not_uphold' }]);
    expect(f.decision).toMatchObject({ upheld: false, counts: { uphold: 1, notUphold: 2 }, sanction: { kind: 'no_finding' } });
    expect(f.voteCountLabel()).toBe('1–2');
  });

  it('does not uphold on a tie of an even panel', () => {
    const panel = ['a', 'b', 'c', 'd'];
    const f = notifiedFinding(
      [{ verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }, { verdict: 'not_uphold' }, { verdict: 'not_uphold' }],
      { panel },
    );
    expect(f.decision?.upheld).toBe(false);
  });

  it('uses the panel’s agreed wording of conditions', () => {
    let f = openFinding();
    for (const id of PANEL) {
      f = f.castVote({ panelistId: id, verdict: 'uphold', proposedSanction: { kind: 'conditions', conditions: `draft by ${id}` }, now: at(1) }).next;
    }
    f = f.decide({ rule: '§4', reasons: 'Reasons', sanctionWording: 'No contact with the complainant for a year.', now: at(2) }).next;
    expect(f.decision?.sanction).toEqual({ kind: 'conditions', conditions: 'No contact with the complainant for a year.' });
  });

  it('refuses a second decision', () => {
    const f = notifiedFinding([{ verdict: 'not_uphold' }, { verdict: 'not_uphold' }, { verdict: 'not_uphold' }]);
    expectDomainError(() => f.decide({ rule: '§4', reasons: 'again', now: at(40) }), FindingErrorCode.WrongStatus);
  });
});

describe('Finding: finality', () => {
  const votes = [{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'not_uphold' }] as const;

  it('becomes final only once the appeal window (30 days after notification) has passed', () => {
    const f = notifiedFinding(votes);
    expect(f.appealDeadline).toBe(at(61));
    const early = f.finalizeIfAppealWindowPassed(at(60, 23));
    expect(early.next.status).toBe('notified');
    expect(early.events).toHaveLength(0);
    const done = f.finalizeIfAppealWindowPassed(at(61));
    expect(done.next.status).toBe('final');
    const event = done.events[0] as Extract<FindingEvent, { type: 'discipline.finding.became_final' }>;
    expect(event.type).toBe('discipline.finding.became_final');
    expect(event.effects).toMatchObject({ memberId: RESPONDENT, standing: 'suspended', restrictions: ['voting', 'candidacy', 'office', 'hosting'] });
    // Running the job again changes nothing.
    expect(done.next.finalizeIfAppealWindowPassed(at(90)).events).toHaveLength(0);
  });

  it('honours a configured appeal window', () => {
    let f = openFinding({ appealWindowDays: 10 });
    for (const id of PANEL) f = f.castVote({ panelistId: id, verdict: 'not_uphold', now: at(1) }).next;
    f = f.decide({ rule: '§4', reasons: 'r', now: at(2) }).next.notifyParties(at(3)).next;
    expect(f.appealDeadline).toBe(at(13));
  });

  it('has effects only when final: suspension and expulsion remove all four rights, a warning none', () => {
    expectDomainError(() => notifiedFinding(votes).effects(), FindingErrorCode.NotFinal);
    const suspended = finalFinding(votes).effects();
    expect(suspended.suspendedUntil).toBe('2027-01-01T00:00:00.000Z');
    expect(restrictionsActiveAt(suspended, '2026-12-31T23:59:59.000Z')).toEqual(['voting', 'candidacy', 'office', 'hosting']);
    expect(restrictionsActiveAt(suspended, '2027-01-01T00:00:00.000Z')).toEqual([]);
    const expelled = finalFinding([{ verdict: 'uphold', sanction: EXPULSION }, { verdict: 'uphold', sanction: EXPULSION }, { verdict: 'not_uphold' }]).effects();
    expect(expelled).toMatchObject({ expelled: true, restrictedUntil: null });
    expect(restrictionsActiveAt(expelled, '2040-01-01T00:00:00.000Z')).toHaveLength(4);
    const warned = finalFinding([{ verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }]).effects();
    expect(warned.restrictions).toEqual([]);
  });

  it('says what is restricted, never why: effects carry no case, finding, rule or complainant', () => {
    const effects = finalFinding(votes, { reasons: 'CANARY-REASONS' }).effects();
    const json = JSON.stringify(effects);
    for (const secret of ['case-1', 'finding-1', COMPLAINANT, 'CANARY-REASONS', '§4']) expect(json).not.toContain(secret);
  });
});

describe('Finding: nobody but an appeal decision can alter it', () => {
  const others: FindingActor['kind'][] = [
    'executive_committee',
    'central_committee',
    'control_commission',
    'panel',
    'appeals_committee',
    'staff',
    'branch_officer',
    'member',
    'operator',
    'configuration',
    'migration',
    'system',
  ];

  it.each(others)('refuses %s', (kind) => {
    const error = expectDomainError(() => assertMayAlterFinding({ kind } as FindingActor), FindingErrorCode.FinalExceptByAppeal);
    expect(error.kind).toBe('forbidden');
    expect(error.details).toEqual({ actorKind: kind });
  });

  it('refuses unknown actors, missing actors, and an appeal that is not decided', () => {
    expectDomainError(() => assertMayAlterFinding({ kind: 'superuser' } as never), FindingErrorCode.FinalExceptByAppeal);
    expectDomainError(() => assertMayAlterFinding(undefined), FindingErrorCode.FinalExceptByAppeal);
    expectDomainError(
      () => assertMayAlterFinding({ kind: 'appeal_decision', appeal: { appealId: 'a', findingId: 'f', status: 'lodged', decision: null } as never }),
      FindingErrorCode.FinalExceptByAppeal,
    );
  });

  it('accepts a decided appeal', () => {
    expect(() =>
      assertMayAlterFinding({
        kind: 'appeal_decision',
        appeal: { appealId: 'a', findingId: 'f', status: 'decided', decision: { outcome: 'uphold', sanction: null, decidedAt: at(40) } },
      }),
    ).not.toThrow();
  });

  it('offers no operation that changes a decided finding other than the appeal path', () => {
    const methods = Object.getOwnPropertyNames(Finding.prototype).filter(
      (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(Finding.prototype, name)?.value === 'function',
    );
    const transitions = methods.filter((m) => !['toSnapshot', 'outstandingVoters', 'appealWindowOpen', 'effects', 'voteCountLabel', 'with', 'event'].includes(m));
    expect(transitions.sort()).toEqual(['applyAppealDecision', 'castVote', 'decide', 'finalizeIfAppealWindowPassed', 'notifyParties', 'registerAppeal']);
  });

  it('refuses a decision of an appeal that was not registered against it', () => {
    const f = notifiedFinding([{ verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }, { verdict: 'not_uphold' }]);
    const forged = { appealId: 'forged', findingId: f.findingId, status: 'decided' as const, decision: { outcome: 'modify_sanction' as const, sanction: { kind: 'no_finding' as const }, decidedAt: at(40) } };
    expectDomainError(() => f.applyAppealDecision(forged, at(40)), FindingErrorCode.AppealMismatch);
  });
});

describe('Finding: panels after a remand', () => {
  it('refuses a panel that includes an excluded member', () => {
    expectDomainError(
      () => openFinding({ panelistIds: ['cc-4', 'cc-2', 'cc-5'], excludedPanelistIds: ['cc-1', 'cc-2', 'cc-3'] }),
      FindingErrorCode.PanelistExcluded,
    );
    expect(openFinding({ panelistIds: ['cc-4', 'cc-5', 'cc-6'], excludedPanelistIds: ['cc-1', 'cc-2', 'cc-3'] }).excludedPanelistIds).toEqual([
      'cc-1',
      'cc-2',
      'cc-3',
    ]);
  });

  it('refuses a panel with a party or a duplicate', () => {
    expectDomainError(() => openFinding({ panelistIds: ['cc-1', RESPONDENT, 'cc-3'] }), FindingErrorCode.InvalidPanel);
    expectDomainError(() => openFinding({ panelistIds: ['cc-1', 'cc-1', 'cc-3'] }), FindingErrorCode.InvalidPanel);
  });

  it('survives a snapshot round trip', () => {
    const f = notifiedFinding([{ verdict: 'uphold', sanction: WARNING }, { verdict: 'uphold', sanction: WARNING }, { verdict: 'not_uphold' }]);
    expect(Finding.fromSnapshot(f.toSnapshot()).toSnapshot()).toEqual(f.toSnapshot());
  });
});
