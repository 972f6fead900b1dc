import fc from 'fast-check';
import type { BlockVoteBallot, Slate } from '../ballots/block-vote-ballot.model';
import { resolveBlockVoteBallot } from '../ballots/block-vote-ballot.model';
import { countBlockVote } from './block-vote.counter';

const candidates = ['ana', 'ben', 'cai', 'dev', 'eli', 'fay'];
const slates: Slate[] = [
  { key: 'red', candidates: ['ana', 'ben', 'cai'] },
  { key: 'green', candidates: ['dev', 'eli'] },
];
const setup = { seats: 3, candidates, slates };

describe('resolveBlockVoteBallot', () => {
  it('takes a slate whole', () => {
    expect(resolveBlockVoteBallot({ kind: 'slate', slate: 'red' }, setup)).toEqual(['ana', 'ben', 'cai']);
  });

  it('applies panachage: struck names leave, added names join, within the seat count', () => {
    expect(resolveBlockVoteBallot({ kind: 'amended-slate', slate: 'red', struck: ['ben'], added: ['fay'] }, setup)).toEqual(['ana', 'cai', 'fay']);
    expect(resolveBlockVoteBallot({ kind: 'amended-slate', slate: 'green', struck: [], added: ['ana'] }, setup)).toEqual(['dev', 'eli', 'ana']);
  });

  it('takes individual choices', () => {
    expect(resolveBlockVoteBallot({ kind: 'individual', choices: ['fay', 'dev'] }, setup)).toEqual(['fay', 'dev']);
    expect(resolveBlockVoteBallot({ kind: 'individual', choices: [] }, setup)).toEqual([]);
  });

  it.each<[string, BlockVoteBallot, string]>([
    ['more names than seats (added)', { kind: 'amended-slate', slate: 'red', struck: [], added: ['dev'] }, 'the ballot names 4 candidates but there are only 3 seats: remove 1'],
    ['more names than seats (individual)', { kind: 'individual', choices: ['ana', 'ben', 'cai', 'dev'] }, 'the ballot names 4 candidates but there are only 3 seats: remove 1'],
    ['an unknown name', { kind: 'individual', choices: ['zoe'] }, '"zoe" is not a candidate in this election'],
    ['an unknown added name', { kind: 'amended-slate', slate: 'green', struck: [], added: ['zoe'] }, '"zoe" is not a candidate in this election'],
    ['an unknown slate', { kind: 'slate', slate: 'blue' }, '"blue" is not a slate in this election'],
    ['striking a name not on the slate', { kind: 'amended-slate', slate: 'green', struck: ['ana'], added: [] }, '"ana" is struck but is not on slate "green"'],
    ['a name twice', { kind: 'individual', choices: ['ana', 'ana'] }, '"ana" is chosen twice'],
    ['adding a name already on the slate', { kind: 'amended-slate', slate: 'red', struck: ['ana'], added: ['ben'] }, '"ben" is added but is already chosen'],
  ])('refuses %s', (_, ballot, message) => {
    expect(() => resolveBlockVoteBallot(ballot, setup)).toThrow(expect.objectContaining({ kind: 'invalid', code: 'ballot_refused', message }));
  });
});

describe('countBlockVote', () => {
  it('counts one vote per resolved name and elects the most voted', () => {
    const ballots: BlockVoteBallot[] = [
      { kind: 'slate', slate: 'red' },
      { kind: 'slate', slate: 'red' },
      { kind: 'amended-slate', slate: 'red', struck: ['cai'], added: ['eli'] },
      { kind: 'slate', slate: 'green' },
      { kind: 'individual', choices: ['eli', 'fay'] },
      { kind: 'individual', choices: [] },
    ];
    const result = countBlockVote({ ...setup, ballots });
    expect(result.stages[0].totals).toEqual(['3', '3', '2', '1', '3', '1']);
    expect(result.elected).toEqual([0, 1, 4]);
    expect(result.validPoll).toBe('5');
    expect(result.blankBallots).toBe('1');
  });

  it('stops on a ballot that should have been refused, naming it, or sets it aside when told to', () => {
    const ballots: BlockVoteBallot[] = [{ kind: 'slate', slate: 'red' }, { kind: 'individual', choices: ['zoe'] }];
    expect(() => countBlockVote({ ...setup, ballots })).toThrow(expect.objectContaining({ code: 'ballot_refused', message: 'ballot 2: "zoe" is not a candidate in this election' }));
    const result = countBlockVote({ ...setup, ballots, invalidBallots: 'set-aside' });
    expect(result.setAside).toBe(1);
    expect(result.validPoll).toBe('1');
  });

  it('refuses a slate with more candidates than seats', () => {
    expect(() => countBlockVote({ seats: 2, candidates, slates, ballots: [] })).toThrow(expect.objectContaining({ code: 'count_invalid' }));
  });

  it('draws the last seat by lot, reproducibly from the seed', () => {
    const ballots: BlockVoteBallot[] = [{ kind: 'individual', choices: ['ana', 'ben', 'cai'] }, { kind: 'individual', choices: ['ana', 'dev'] }];
    const result = countBlockVote({ ...setup, ballots, seed: 'lot-1' });
    expect(result.elected.slice(0, 1)).toEqual([0]);
    expect(result.tieBreaks).toHaveLength(2);
    expect(result.tieBreaks.every((t) => t.resolvedBy === 'lot' && t.seed === 'lot-1')).toBe(true);
    expect(countBlockVote({ ...setup, ballots, seed: 'lot-1' })).toEqual(result);
  });

  it('every counted ballot gives at most `seats` votes and totals add up (property)', () => {
    const ballot: fc.Arbitrary<BlockVoteBallot> = fc.oneof(
      fc.constantFrom(...slates.map((s) => ({ kind: 'slate' as const, slate: s.key }))),
      fc.uniqueArray(fc.constantFrom(...candidates), { maxLength: 3 }).map((choices) => ({ kind: 'individual' as const, choices })),
      fc.record({ slate: fc.constantFrom(...slates), extra: fc.constantFrom(...candidates) }).map(({ slate, extra }) => ({
        kind: 'amended-slate' as const,
        slate: slate.key,
        struck: [slate.candidates[0]],
        added: slate.candidates.includes(extra) ? [] : [extra],
      })),
    );
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), (ballots) => {
        const result = countBlockVote({ ...setup, ballots, seed: 's' });
        const votes = result.stages[0].totals.reduce((a, t) => a + Number(t), 0);
        const expected = ballots.reduce((a, b) => a + resolveBlockVoteBallot(b, setup).length, 0);
        expect(votes).toBe(expected);
        expect(votes).toBeLessThanOrEqual(Number(result.validPoll) * setup.seats);
        expect(result.elected).toHaveLength(3);
      }),
    );
  });
});
