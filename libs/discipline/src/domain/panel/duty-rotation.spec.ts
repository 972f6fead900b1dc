import { computeRecusal } from '../recusal/recusal.engine';
import { RecusalOutcome } from '../recusal/recusal.types';
import { nextDutyCommissioner } from './duty-rotation';

function outcome(commissioners: string[], conflicted: string[] = [], alternates: string[] = []): RecusalOutcome {
  return computeRecusal({
    caseId: 'case-1',
    intakeDate: '2026-03-10',
    computedAt: '2026-03-10T09:00:00Z',
    parties: ['resp'],
    witnesses: conflicted,
    supportPersons: [],
    reportedEvents: [],
    candidates: [
      ...commissioners.map((memberId) => ({ memberId, seat: 'commissioner' as const })),
      ...alternates.map((memberId) => ({ memberId, seat: 'alternate' as const })),
    ],
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
  });
}

describe('nextDutyCommissioner', () => {
  it('goes round the commissioners in id order, starting after the last duty index, and wraps', () => {
    const o = outcome(['c3', 'c1', 'c2']);
    expect(nextDutyCommissioner(o, null)).toEqual({ memberId: 'c1', index: 0 });
    expect(nextDutyCommissioner(o, 0)).toEqual({ memberId: 'c2', index: 1 });
    expect(nextDutyCommissioner(o, 1)).toEqual({ memberId: 'c3', index: 2 });
    expect(nextDutyCommissioner(o, 2)).toEqual({ memberId: 'c1', index: 0 });
  });

  it('skips a commissioner conflicted in this case, keeping positions stable', () => {
    const o = outcome(['c1', 'c2', 'c3', 'c4'], ['c2']);
    expect(nextDutyCommissioner(o, 0)).toEqual({ memberId: 'c3', index: 2 });
    expect(nextDutyCommissioner(o, 3)).toEqual({ memberId: 'c1', index: 0 });
  });

  it('is deterministic and never picks an alternate', () => {
    const o = outcome(['c1', 'c2'], ['c1', 'c2'], ['a1']);
    expect(nextDutyCommissioner(o, 0)).toBeNull();
    expect(nextDutyCommissioner(outcome(['c1', 'c2'], [], ['a0']), 1)).toEqual(nextDutyCommissioner(outcome(['c2', 'c1'], [], ['a0']), 1));
  });

  it('copes with an out-of-range index (the commission shrank)', () => {
    expect(nextDutyCommissioner(outcome(['c1', 'c2']), 7)).toEqual({ memberId: 'c1', index: 0 });
  });
});
