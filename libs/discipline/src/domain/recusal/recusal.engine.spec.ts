import { DomainError } from '@org/kernel';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchmarkInput } from './recusal.engine.bench';
import { computeRecusal, eligibleFor, isEligible } from './recusal.engine';
import { BodyMandate, BranchPeriod, RecusalInput, RecusalOutcome } from './recusal.types';

const C = 'comm'; // the commissioner under test
const R = 'resp';
const P = 'compl';
const W = 'witn';

function input(overrides: Partial<RecusalInput> = {}, facts: Partial<RecusalInput['facts']> = {}): RecusalInput {
  return {
    caseId: 'case-1',
    intakeDate: '2026-03-10',
    computedAt: '2026-03-10T09:00:00Z',
    parties: [P, R],
    witnesses: [W],
    supportPersons: [],
    reportedEvents: [{ from: '2026-02-01', to: '2026-02-03' }],
    candidates: [
      { memberId: C, seat: 'commissioner' },
      { memberId: 'other', seat: 'commissioner' },
    ],
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [], ...facts },
    ...overrides,
  };
}

const assessmentOf = (o: RecusalOutcome, id = C) => o.assessments.find((a) => a.memberId === id)!;
const reasons = (o: RecusalOutcome, id = C) => assessmentOf(o, id).conflicts.map((x) => x.reason);
const branch = (memberId: string, branchId: string, from: string, to: string | null): BranchPeriod => ({
  memberId,
  branchId,
  from,
  to,
});
const mandate = (memberId: string, bodyId: string, bodyKind: BodyMandate['bodyKind'], from: string, to: string | null): BodyMandate => ({
  memberId,
  bodyId,
  bodyKind,
  from,
  to,
});

describe('computeRecusal — shared branch within the look-back window', () => {
  it('conflicts a commissioner who shared a branch with the respondent three years ago', () => {
    const o = computeRecusal(
      input({}, {
        branchHistory: [branch(C, 'north', '2019-01-01', '2023-03-10'), branch(R, 'north', '2020-06-01', '2023-09-01')],
      }),
    );
    expect(assessmentOf(o).eligible).toBe(false);
    expect(assessmentOf(o).conflicts).toEqual([
      { reason: 'shared_branch', withMemberId: R, branchId: 'north', overlap: { from: '2020-06-01', to: '2023-03-10' } },
    ]);
    expect(assessmentOf(o, 'other').eligible).toBe(true);
  });

  it('does not conflict one who shared it eight years ago', () => {
    const o = computeRecusal(
      input({}, {
        branchHistory: [branch(C, 'north', '2015-01-01', '2018-03-10'), branch(R, 'north', '2016-01-01', null)],
      }),
    );
    expect(assessmentOf(o).eligible).toBe(true);
  });

  it('counts the window from the intake date: a shared period ending the day the window opens does not count, one day later does', () => {
    // Window: [2021-03-10, ∞). `to` is exclusive: ending on 2021-03-10 means the last shared day was 2021-03-09.
    const at = (to: string) =>
      computeRecusal(
        input({}, { branchHistory: [branch(C, 'north', '2018-01-01', to), branch(R, 'north', '2018-01-01', null)] }),
      );
    expect(assessmentOf(at('2021-03-10')).eligible).toBe(true);
    expect(assessmentOf(at('2021-03-11')).eligible).toBe(false);
  });

  it('needs the periods to overlap: same branch at different times is no conflict', () => {
    const o = computeRecusal(
      input({}, {
        branchHistory: [branch(C, 'north', '2022-01-01', '2024-01-01'), branch(R, 'north', '2024-01-01', null)],
      }),
    );
    expect(assessmentOf(o).eligible).toBe(true); // half-open: C left the day R arrived
  });

  it('conflicts a current shared branch and a shared branch with the complainant, but not with a witness', () => {
    const o = computeRecusal(
      input({}, {
        branchHistory: [
          branch(C, 'north', '2010-01-01', null),
          branch(P, 'north', '2025-01-01', null),
          branch('other', 'south', '2010-01-01', null),
          branch(W, 'south', '2010-01-01', null),
        ],
      }),
    );
    expect(reasons(o)).toEqual(['shared_branch']);
    expect(assessmentOf(o, 'other').eligible).toBe(true);
  });

  it('uses the configured look-back: with 10 years, eight years ago conflicts', () => {
    const o = computeRecusal(
      input({ lookBackYears: 10 }, {
        branchHistory: [branch(C, 'north', '2015-01-01', '2018-03-10'), branch(R, 'north', '2016-01-01', null)],
      }),
    );
    expect(assessmentOf(o).eligible).toBe(false);
  });

  it('reports one conflict per party and branch, and all reasons together', () => {
    const o = computeRecusal(
      input({}, {
        branchHistory: [
          branch(C, 'north', '2022-01-01', '2023-01-01'),
          branch(C, 'north', '2024-01-01', null),
          branch(R, 'north', '2022-01-01', null),
        ],
        relationships: [{ a: R, b: C }],
      }),
    );
    expect(reasons(o)).toEqual(['shared_branch', 'declared_relationship']);
  });
});

describe('computeRecusal — shared bodies', () => {
  it('conflicts overlapping seats on the same body within the window', () => {
    const o = computeRecusal(
      input({}, {
        mandates: [mandate(C, 'elections-1', 'ELECTIONS', '2022-01-01', '2024-01-01'), mandate(R, 'elections-1', 'ELECTIONS', '2023-01-01', null)],
      }),
    );
    expect(assessmentOf(o).conflicts).toEqual([
      {
        reason: 'shared_body',
        withMemberId: R,
        bodyId: 'elections-1',
        bodyKind: 'ELECTIONS',
        overlap: { from: '2023-01-01', to: '2024-01-01' },
      },
    ]);
  });

  it('ignores the Control Commission itself, other bodies, non-overlapping seats and seats shared before the window', () => {
    const o = computeRecusal(
      input({}, {
        mandates: [
          mandate(C, 'ccom', 'CCOM', '2022-01-01', null),
          mandate(R, 'ccom', 'CCOM', '2022-01-01', null),
          mandate(C, 'bc-north', 'BRANCH_COMMITTEE', '2022-01-01', '2023-01-01'),
          mandate(R, 'bc-north', 'BRANCH_COMMITTEE', '2023-01-01', null),
          mandate(C, 'staff', 'STAFF', '2012-01-01', '2019-01-01'),
          mandate(R, 'staff', 'STAFF', '2012-01-01', '2019-01-01'),
          mandate(C, 'bc-south', 'BRANCH_COMMITTEE', '2022-01-01', null),
          mandate(R, 'bc-east', 'BRANCH_COMMITTEE', '2022-01-01', null),
        ],
      }),
    );
    expect(assessmentOf(o).eligible).toBe(true);
  });

  it('excludes the appeals committee instead when recusing appeals members', () => {
    const mandates = [mandate(C, 'appeals', 'APPEALS', '2022-01-01', null), mandate(R, 'appeals', 'APPEALS', '2022-01-01', null)];
    expect(assessmentOf(computeRecusal(input({}, { mandates }))).eligible).toBe(false);
    expect(assessmentOf(computeRecusal(input({ ownBodyKind: 'APPEALS' }, { mandates }))).eligible).toBe(true);
  });
});

describe('computeRecusal — declared relationships', () => {
  it('conflicts a declared relationship with a party in either direction, at any time', () => {
    expect(reasons(computeRecusal(input({}, { relationships: [{ a: C, b: P }] })))).toEqual(['declared_relationship']);
    expect(reasons(computeRecusal(input({}, { relationships: [{ a: R, b: C }] })))).toEqual(['declared_relationship']);
  });

  it('ignores relationships with people who are not parties', () => {
    expect(assessmentOf(computeRecusal(input({}, { relationships: [{ a: C, b: 'someone' }, { a: C, b: W }] }))).eligible).toBe(true);
  });
});

describe('computeRecusal — EC/CC mandate during the reported events', () => {
  it('conflicts an EC mandate overlapping the events, however long ago they were', () => {
    const o = computeRecusal(
      input({ reportedEvents: [{ from: '2012-05-01' }] }, { mandates: [mandate(C, 'ec', 'EC', '2011-01-01', '2013-01-01')] }),
    );
    expect(assessmentOf(o).conflicts).toEqual([{ reason: 'held_ec_cc_during_events', bodyId: 'ec', bodyKind: 'EC' }]);
  });

  it('treats the mandate end as exclusive and the events as inclusive days', () => {
    const ended = (to: string) =>
      computeRecusal(input({}, { mandates: [mandate(C, 'cc', 'CC', '2020-01-01', to)] })); // events 2026-02-01..03
    expect(assessmentOf(ended('2026-02-01')).eligible).toBe(true);
    expect(assessmentOf(ended('2026-02-02')).eligible).toBe(false);
    const started = (from: string) => computeRecusal(input({}, { mandates: [mandate(C, 'cc', 'CC', from, null)] }));
    expect(assessmentOf(started('2026-02-03')).eligible).toBe(false);
    expect(assessmentOf(started('2026-02-04')).eligible).toBe(true);
  });

  it('does not count other bodies held during the events', () => {
    const o = computeRecusal(input({}, { mandates: [mandate(C, 'el', 'ELECTIONS', '2020-01-01', null)] }));
    expect(assessmentOf(o).eligible).toBe(true);
  });

  it('uses the whole window up to intake when the events have no date (a missing date never removes a conflict)', () => {
    const o = computeRecusal(input({ reportedEvents: [] }, { mandates: [mandate(C, 'cc', 'CC', '2022-01-01', '2023-01-01')] }));
    expect(reasons(o)).toEqual(['held_ec_cc_during_events']);
    const old = computeRecusal(input({ reportedEvents: [] }, { mandates: [mandate(C, 'cc', 'CC', '2015-01-01', '2016-01-01')] }));
    expect(assessmentOf(old).eligible).toBe(true);
  });
});

describe('computeRecusal — roles in this and other open cases', () => {
  it('conflicts a party, a witness and a support person', () => {
    const o = computeRecusal(
      input({
        parties: [P, R],
        witnesses: ['w2'],
        supportPersons: ['s1'],
        candidates: [
          { memberId: R, seat: 'commissioner' },
          { memberId: 'w2', seat: 'commissioner' },
          { memberId: 's1', seat: 'alternate' },
        ],
      }),
    );
    expect(o.assessments.map((a) => [a.memberId, a.conflicts])).toEqual([
      [R, [{ reason: 'party_or_witness', role: 'party' }]],
      ['s1', [{ reason: 'party_or_witness', role: 'support_person' }]],
      ['w2', [{ reason: 'party_or_witness', role: 'witness' }]],
    ]);
  });

  it('conflicts a commissioner involved in another open case with a party of this one', () => {
    const o = computeRecusal(
      input({}, {
        otherOpenCases: [
          { caseId: 'case-2', parties: [C, R] },
          { caseId: 'case-3', parties: ['other', 'x'] }, // no party of ours
          { caseId: 'case-4', parties: ['y'], witnesses: ['other', P] }, // witness role counts too
          { caseId: 'case-1', parties: [C, P] }, // this very case is ignored
        ],
      }),
    );
    expect(assessmentOf(o).conflicts).toEqual([
      { reason: 'party_in_other_open_case_with_a_party', otherCaseId: 'case-2', withMemberId: R },
    ]);
    expect(reasons(o, 'other')).toEqual(['party_in_other_open_case_with_a_party']);
  });

  it('records self-recusal and an upheld challenge as conflicts', () => {
    const o = computeRecusal(input({ selfRecused: [C], challengeUpheld: ['other'] }));
    expect(reasons(o)).toEqual(['self_recused']);
    expect(reasons(o, 'other')).toEqual(['challenge_upheld']);
  });
});

describe('computeRecusal — shape and safety', () => {
  it('sorts assessments, lists eligible candidates per seat, and fails closed for unassessed people', () => {
    const o = computeRecusal(
      input({
        candidates: [
          { memberId: 'z', seat: 'commissioner' },
          { memberId: 'b', seat: 'alternate' },
          { memberId: 'a', seat: 'commissioner' },
        ],
        parties: [P, 'a'],
      }),
    );
    expect(o.assessments.map((a) => a.memberId)).toEqual(['a', 'b', 'z']);
    expect(eligibleFor(o, 'commissioner')).toEqual(['z']);
    expect(eligibleFor(o, 'alternate')).toEqual(['b']);
    expect(isEligible(o, 'z')).toBe(true);
    expect(isEligible(o, 'z', 'alternate')).toBe(false);
    expect(isEligible(o, 'nobody')).toBe(false);
    expect(o.windowStart).toBe('2021-03-10');
    expect(o.considered).toEqual({ parties: ['a', P], witnesses: [W], supportPersons: [] });
  });

  it('refuses duplicated candidates, malformed dates and reversed event ranges', () => {
    expect(() => computeRecusal(input({ candidates: [{ memberId: C, seat: 'commissioner' }, { memberId: C, seat: 'alternate' }] }))).toThrow(
      DomainError,
    );
    expect(() => computeRecusal(input({}, { branchHistory: [branch(C, 'n', '2024-02-30', null)] }))).toThrow(/YYYY-MM-DD/);
    expect(() => computeRecusal(input({ reportedEvents: [{ from: '2026-02-03', to: '2026-02-01' }] }))).toThrow(DomainError);
  });

  it('is fast: 15 commissioners and 3 alternates with 10 years of history each, in well under a millisecond', () => {
    // Measured in a plain Node process: Jest's VM context slows allocation several times over.
    const bench = join(__dirname, 'recusal.engine.bench.ts');
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', bench], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const figures = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(figures.runs).toBe(2000);
    // Generous bound: the figure itself (≈0.1 ms) is reported by the benchmark; this only catches
    // an accidental quadratic blow-up, even on a heavily shared machine.
    expect(figures.p50Ms).toBeLessThan(20);
  }, 60_000);

  it('gives the benchmark organization the conflicts it was built with', () => {
    const o = computeRecusal(benchmarkInput());
    expect(o.assessments).toHaveLength(18);
    expect(reasons(o, 'c03')).toContain('declared_relationship');
    expect(reasons(o, 'c01')).toContain('party_in_other_open_case_with_a_party');
  });
});
