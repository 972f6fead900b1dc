import { ActiveMeasure } from './interim-measures';
import {
  blocksBranchAssignment,
  blocksCandidacy,
  blocksHosting,
  blocksOffice,
  blocksRecruiting,
  blocksSpeaking,
  confidentialRestrictionError,
  restrictionsFor,
  restrictionsForMembers,
} from './restrictions';

const NOW = '2026-03-20T12:00:00.000Z';
const measure = (m: Partial<ActiveMeasure> & Pick<ActiveMeasure, 'kind' | 'memberId'>): ActiveMeasure => ({
  caseId: 'case-secret-123',
  decisionId: 'decision-secret-9',
  from: '2026-03-11T00:00:00.000Z',
  until: '2026-05-01T00:00:00.000Z',
  ...m,
});

describe('restrictionsFor (S5): what and until when — never why, never which case', () => {
  const sources = [
    measure({ kind: 'no_hosting', memberId: 'resp' }),
    measure({ kind: 'no_hosting', memberId: 'resp', caseId: 'case-other', until: '2026-06-01T00:00:00.000Z' }),
    measure({ kind: 'suspension_from_office', memberId: 'resp', until: '2026-04-01T00:00:00.000Z' }),
    measure({ kind: 'separation', memberId: 'resp', separatedFrom: ['compl', 'witness'] }),
    measure({ kind: 'no_speaking', memberId: 'resp', until: '2026-03-15T00:00:00.000Z' }), // over
    measure({ kind: 'no_candidacy', memberId: 'resp', from: '2026-03-25T00:00:00.000Z' }), // not yet
    measure({ kind: 'no_recruiting', memberId: 'someone-else' }),
  ];

  it('merges sources to the latest end, drops what is over or not yet in force', () => {
    expect(restrictionsFor('resp', NOW, sources)).toEqual({
      memberId: 'resp',
      restrictions: [
        { kind: 'no_hosting', until: '2026-06-01T00:00:00.000Z' },
        { kind: 'separation', until: '2026-05-01T00:00:00.000Z', separatedFrom: ['compl', 'witness'] },
        { kind: 'suspension_from_office', until: '2026-04-01T00:00:00.000Z' },
      ],
    });
  });

  it('carries no case id, decision, reason or start — by construction, not by luck', () => {
    const r = restrictionsFor('resp', NOW, sources);
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/case-|decision|secret/);
    for (const x of r.restrictions) expect(Object.keys(x).sort()).toEqual(x.kind === 'separation' ? ['kind', 'separatedFrom', 'until'] : ['kind', 'until']);
    expect(Object.keys(r).sort()).toEqual(['memberId', 'restrictions']);
  });

  it('shows a separation to both sides, so checking the member being moved is enough', () => {
    expect(restrictionsFor('compl', NOW, sources)).toEqual({
      memberId: 'compl',
      restrictions: [{ kind: 'separation', until: '2026-05-01T00:00:00.000Z', separatedFrom: ['resp'] }],
    });
    expect(restrictionsFor('nobody', NOW, sources)).toEqual({ memberId: 'nobody', restrictions: [] });
  });

  it('answers the questions other contexts ask', () => {
    const [resp, compl, other, plain] = restrictionsForMembers(['resp', 'compl', 'someone-else', 'plain'], NOW, sources);
    expect([blocksHosting(resp), blocksOffice(resp), blocksSpeaking(resp), blocksCandidacy(resp), blocksRecruiting(resp)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(blocksRecruiting(other)).toBe(true);
    expect(blocksHosting(compl)).toBe(false);
    // Branch assignment: the complainant moved into the respondent's branch, or the other way round.
    expect(blocksBranchAssignment([compl, resp])).toBe(true);
    expect(blocksBranchAssignment([resp, { memberId: 'compl', restrictions: [] }])).toBe(true);
    expect(blocksBranchAssignment([compl, { memberId: 'resp', restrictions: [] }])).toBe(true);
    expect(blocksBranchAssignment([compl, plain, other])).toBe(false);
    expect(blocksBranchAssignment([resp])).toBe(false);
    const later = '2026-05-02T00:00:00Z'; // the separation has ended
    expect(blocksBranchAssignment(restrictionsForMembers(['compl', 'resp'], later, sources))).toBe(false);
  });

  it('gives other contexts one refusal that says only that a confidential restriction applies', () => {
    expect(confidentialRestrictionError()).toMatchObject({
      kind: 'unprocessable',
      code: 'blocked_by_confidential_restriction',
      message: 'Blocked by a confidential restriction.',
    });
  });
});
