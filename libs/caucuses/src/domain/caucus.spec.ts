import { Caucus, tellCount, type CaucusPublicFace } from './caucus';
import { CaucusVote } from './caucus-vote';

const face = (o: Partial<CaucusPublicFace> = {}): CaucusPublicFace => ({
  id: 'c1',
  name: 'Caucus',
  purpose: 'Purpose',
  stage: 'forming',
  threshold: 3,
  formedAt: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...o,
});

describe('Caucus', () => {
  it('forms on the signature that reaches the threshold, not before', () => {
    expect(new Caucus(face(), new Set(['a'])).join('b')).toEqual({ formsNow: false });
    expect(new Caucus(face(), new Set(['a', 'b'])).join('c')).toEqual({ formsNow: true });
    expect(new Caucus(face({ stage: 'formed', formedAt: new Date() }), new Set(['a', 'b', 'c'])).join('d')).toEqual({ formsNow: false });
  });

  it('refuses a second join and a leave by somebody outside it', () => {
    const c = new Caucus(face(), new Set(['a']));
    expect(() => c.join('a')).toThrow(expect.objectContaining({ code: 'already_in_caucus' }));
    expect(() => c.leave('b')).toThrow(expect.objectContaining({ code: 'not_in_caucus' }));
  });

  it('a proposal lapses when its last signatory withdraws; a formed caucus never does', () => {
    expect(new Caucus(face(), new Set(['a'])).leave('a')).toEqual({ lapses: true });
    expect(new Caucus(face(), new Set(['a', 'b'])).leave('a')).toEqual({ lapses: false });
    expect(new Caucus(face({ stage: 'formed', formedAt: new Date() }), new Set(['a'])).leave('a')).toEqual({ lapses: false });
  });

  it('shows what only members see to its members only, whatever else the caller is', () => {
    const c = new Caucus(face(), new Set(['a']));
    expect(() => c.assertMember('a')).not.toThrow();
    expect(() => c.assertMember('b')).toThrow(expect.objectContaining({ code: 'caucus_members_only', kind: 'forbidden' }));
    expect(() => c.assertMember(null)).toThrow(expect.objectContaining({ code: 'caucus_members_only' }));
  });

  it('tells a count below the floor as "fewer than N" to people outside, exactly to members', () => {
    expect(tellCount(2, false, 5)).toEqual({ exact: null, fewerThan: 5 });
    expect(tellCount(2, true, 5)).toEqual({ exact: 2, fewerThan: null });
    expect(tellCount(5, false, 5)).toEqual({ exact: 5, fewerThan: null });
  });

  it('requires a name and a purpose', () => {
    expect(() => Caucus.propose({ name: '  ', purpose: 'x' }, { formationThreshold: 3, countFloor: 3 })).toThrow(expect.objectContaining({ code: 'invalid_caucus' }));
    expect(Caucus.propose({ name: ' A ', purpose: ' B ' }, { formationThreshold: 4, countFloor: 3 })).toEqual({ name: 'A', purpose: 'B', threshold: 4 });
  });
});

describe('CaucusVote', () => {
  const vote = (closedAt: Date | null = null) =>
    new CaucusVote({ id: 'v', caucusId: 'c', question: 'Q?', options: ['Yes', 'No'], openedBy: 'a', openedAt: new Date(), closedAt });

  it('takes one vote per member for a known option while open', () => {
    expect(vote().cast(1, false)).toBe(1);
    expect(() => vote().cast(1, true)).toThrow(expect.objectContaining({ code: 'already_voted_in_caucus' }));
    expect(() => vote().cast(2, false)).toThrow(expect.objectContaining({ code: 'unknown_caucus_vote_option' }));
    expect(() => vote(new Date()).cast(0, false)).toThrow(expect.objectContaining({ code: 'caucus_vote_closed' }));
  });

  it('shows results only once closed, and only its opener closes it', () => {
    expect(vote().results(new Map([[0, 3]]))).toBeNull();
    expect(vote(new Date()).results(new Map([[0, 3]]))).toEqual([
      { option: 'Yes', votes: 3 },
      { option: 'No', votes: 0 },
    ]);
    expect(() => vote().close('b')).toThrow(expect.objectContaining({ code: 'not_caucus_vote_opener' }));
    expect(() => vote().close('a')).not.toThrow();
  });

  it('refuses fewer than two options and options that read the same', () => {
    expect(() => CaucusVote.open({ question: 'Q', options: ['Only'] })).toThrow(expect.objectContaining({ code: 'invalid_caucus_vote' }));
    expect(() => CaucusVote.open({ question: 'Q', options: ['Yes', 'yes'] })).toThrow(expect.objectContaining({ code: 'invalid_caucus_vote' }));
  });
});
