import { applyCarried, asAmended, checkAmendmentToAmendment, checkLineChange, diffAgainst, fallingAfter, fallingWith, fallingWithParent, motionAsAmended, overlaps, waitingAmendmentsTo, type AmendmentSnapshot, type AmendmentStage } from './amendment';

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
    const a = (id: string, fromLine: number, toLine: number): AmendmentSnapshot => ({ id, motionId: 'm', amends: null, number: 1, fromLine, toLine, text: 'x', movedBy: 'p', stage: 'submitted', submittedAt: '' });
    expect(fallingWith(a('c', 2, 3), [a('a', 1, 1), a('b', 3, 4), a('d', 4, 3)])).toEqual(['b']);
    expect(overlaps({ fromLine: 3, toLine: 2, text: 'x' }, { fromLine: 3, toLine: 2, text: 'y' })).toBe(true);
  });
});

describe('amendments to amendments', () => {
  const am = (id: string, o: { amends?: string | null; fromLine: number; toLine: number; text: string; stage?: AmendmentStage; number?: number }): AmendmentSnapshot => ({
    id,
    motionId: 'm',
    amends: o.amends ?? null,
    number: o.number ?? 1,
    fromLine: o.fromLine,
    toLine: o.toLine,
    text: o.text,
    movedBy: 'p',
    stage: o.stage ?? 'submitted',
    submittedAt: '',
  });
  const parent = am('a1', { fromLine: 2, toLine: 3, text: 'TWO\nTHREE\nTHREE AND A HALF', number: 1 });

  it('names lines of the pending amendment’s text, one level only, while it waits', () => {
    expect(checkAmendmentToAmendment(parent, { fromLine: 3, toLine: 3, text: 'three and three quarters' })).toEqual({ fromLine: 3, toLine: 3, text: 'three and three quarters' });
    expect(() => checkAmendmentToAmendment(parent, { fromLine: 4, toLine: 4, text: 'x' })).toThrow(expect.objectContaining({ code: 'invalid_amendment', message: expect.stringContaining('text of amendment 1 has 3 lines') }));
    expect(() => checkAmendmentToAmendment(am('s', { amends: 'a1', fromLine: 1, toLine: 1, text: 'x' }), { fromLine: 1, toLine: 1, text: 'y' })).toThrow(expect.objectContaining({ code: 'invalid_amendment' }));
    expect(() => checkAmendmentToAmendment({ ...parent, stage: 'voting' }, { fromLine: 1, toLine: 1, text: 'y' })).toThrow(expect.objectContaining({ code: 'amendment_wrong_stage' }));
  });

  it('the amendment waits for its own amendments; the motion as amended takes the amendment as amended', () => {
    const sub = am('s1', { amends: 'a1', fromLine: 3, toLine: 3, text: 'three and three quarters' });
    expect(waitingAmendmentsTo('a1', [parent, sub]).map((x) => x.id)).toEqual(['s1']);
    const carriedSub = { ...sub, stage: 'carried' as const };
    expect(waitingAmendmentsTo('a1', [parent, carriedSub])).toEqual([]);
    expect(asAmended(parent, [parent, carriedSub]).text).toBe('TWO\nTHREE\nthree and three quarters');
    // A carried amendment to an amendment that is then lost changes nothing in the motion.
    expect(motionAsAmended(motion, [{ ...parent, stage: 'lost' }, carriedSub])).toBe(motion);
    expect(motionAsAmended(motion, [{ ...parent, stage: 'carried' }, carriedSub])).toBe('one\nTWO\nTHREE\nthree and three quarters\nfour\nfive');
  });

  it('a carried amendment to an amendment makes only its siblings on the same lines fall; a carried amendment takes overlapping ones and their amendments', () => {
    const s1 = am('s1', { amends: 'a1', fromLine: 1, toLine: 1, text: 'two' });
    const s2 = am('s2', { amends: 'a1', fromLine: 1, toLine: 2, text: 'x' });
    const s3 = am('s3', { amends: 'a1', fromLine: 3, toLine: 3, text: 'y' });
    const other = am('a2', { fromLine: 1, toLine: 1, text: 'ONE' });
    expect(fallingAfter(s1, [parent, s1, s2, s3, other])).toEqual(['s2']);
    const overlapping = am('a3', { fromLine: 3, toLine: 4, text: 'z' });
    const itsSub = am('s4', { amends: 'a3', fromLine: 1, toLine: 1, text: 'w' });
    expect(fallingAfter(parent, [parent, s1, overlapping, itsSub, other]).sort()).toEqual(['a3', 's4']);
    expect(fallingWithParent('a1', [parent, s1, { ...s2, stage: 'lost' }]).sort()).toEqual(['s1']);
  });
});
