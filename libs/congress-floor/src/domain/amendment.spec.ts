import { applyCarried, checkLineChange, diffAgainst, fallingWith, overlaps, type AmendmentSnapshot } from './amendment';

const motion = 'one\ntwo\nthree\nfour\nfive';

describe('line-based amendments', () => {
  it('shows an amendment as a diff against the motion', () => {
    expect(diffAgainst(motion, { fromLine: 2, toLine: 3, text: 'TWO' }, 1)).toEqual([
      { kind: 'same', line: 1, text: 'one' },
      { kind: 'removed', line: 2, text: 'two' },
      { kind: 'removed', line: 3, text: 'three' },
      { kind: 'added', line: null, text: 'TWO' },
      { kind: 'same', line: 4, text: 'four' },
    ]);
    expect(diffAgainst(motion, { fromLine: 6, toLine: 5, text: 'six' }, 1)).toEqual([
      { kind: 'same', line: 5, text: 'five' },
      { kind: 'added', line: null, text: 'six' },
    ]);
  });

  it('produces the motion as amended from the carried amendments, in the motion’s own line numbers', () => {
    expect(applyCarried(motion, [{ fromLine: 1, toLine: 1, text: 'ONE' }, { fromLine: 4, toLine: 5, text: '' }, { fromLine: 3, toLine: 2, text: 'two and a half' }])).toBe('ONE\ntwo\ntwo and a half\nthree');
  });

  it('refuses changes outside the motion or that change nothing', () => {
    expect(() => checkLineChange(motion, { fromLine: 0, toLine: 1, text: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_amendment' }));
    expect(() => checkLineChange(motion, { fromLine: 2, toLine: 9, text: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_amendment' }));
    expect(() => checkLineChange(motion, { fromLine: 2, toLine: 2, text: 'two' })).toThrow(expect.objectContaining({ code: 'invalid_amendment' }));
  });

  it('a carried amendment makes the waiting ones on the same lines fall', () => {
    const a = (id: string, fromLine: number, toLine: number): AmendmentSnapshot => ({ id, motionId: 'm', number: 1, fromLine, toLine, text: 'x', movedBy: 'p', stage: 'submitted', submittedAt: '' });
    expect(fallingWith(a('c', 2, 3), [a('a', 1, 1), a('b', 3, 4), a('d', 4, 3)])).toEqual(['b']);
    expect(overlaps({ fromLine: 3, toLine: 2, text: 'x' }, { fromLine: 3, toLine: 2, text: 'y' })).toBe(true);
  });
});
