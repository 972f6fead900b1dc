import { mayApplyAgain, recordsNeedingReadmissionCheck } from './rejoin.policy';

describe('applying again after expulsion (S9)', () => {
  const expelled = { memberId: 'x1', status: 'expelled' };
  const resigned = { memberId: 'r1', status: 'resigned' };

  it('an expelled person may apply again only once the commission has readmitted them', () => {
    expect(mayApplyAgain([expelled], new Set(['x1']))).toBe(false);
    expect(mayApplyAgain([expelled], new Set())).toBe(true);
  });

  it('every expelled record counts: one still needing a decision is enough to refuse', () => {
    expect(mayApplyAgain([expelled, { memberId: 'x2', status: 'expelled' }], new Set(['x2']))).toBe(false);
  });

  it('resigned and declined records never need a readmission decision here; only expelled ones are asked about', () => {
    expect(mayApplyAgain([resigned], new Set(['r1']))).toBe(true);
    expect(recordsNeedingReadmissionCheck([expelled, resigned, expelled])).toEqual(['x1']);
    expect(mayApplyAgain([], new Set())).toBe(true);
  });
});
