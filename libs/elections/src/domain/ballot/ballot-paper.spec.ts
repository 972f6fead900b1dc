import fc from 'fast-check';
import { countMeekStv, countScottishStv, parseBlt } from '../counting';
import { markBallot, parseBallotContent, type BallotContent, type BallotSetup } from './ballot-paper';
import { ballotListHash, ballotsAsBlt, canonicalJson, countBallots, type CountSetup } from './ballot-count';

const ids = ['a', 'b', 'c', 'd', 'e'];
const paper = (method: BallotSetup['method'], seats = 2, slates: BallotSetup['slates'] = []): BallotSetup => ({ method, seats, candidates: ids, slates });
const setupFor = (method: CountSetup['method'], seats = 2, slates: number[][] = []): CountSetup => ({ title: 'Test', method, seats, candidates: ['Ann', 'Bo', 'Cy', 'Di', 'Ed'], slates });

/** What publication does to a ballot: stored as JSON (keys may be reordered), read back, listed in random order. */
const publish = (ballots: BallotContent[], seed: number): BallotContent[] => {
  const out = ballots.map((b) => parseBallotContent(JSON.parse(canonicalJson(b))));
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe('marking a ballot paper', () => {
  it('refuses unknown candidates, too many choices and marks that do not fit the method, before anything is stored', () => {
    expect(() => markBallot(paper('scottish-stv'), { ranking: ['a', 'zz'] })).toThrow(expect.objectContaining({ code: 'unknown_candidate' }));
    expect(() => markBallot(paper('scottish-stv'), { ranking: ['a', 'a'] })).toThrow(expect.objectContaining({ code: 'ballot_invalid' }));
    expect(() => markBallot(paper('scottish-stv'), { choices: ['a'] })).toThrow(expect.objectContaining({ code: 'ballot_invalid' }));
    expect(() => markBallot(paper('plurality', 1), { choices: ['a', 'b'] })).toThrow(expect.objectContaining({ code: 'too_many_choices' }));
    expect(() => markBallot(paper('block-vote', 2), { choices: ['a', 'b', 'c'] })).toThrow(expect.objectContaining({ code: 'too_many_choices' }));
    const slates = [{ key: 's1', candidates: ['a', 'b'] }];
    expect(() => markBallot(paper('block-vote', 2, slates), { slate: 's1', added: ['c'] })).toThrow(expect.objectContaining({ code: 'too_many_choices' }));
    expect(() => markBallot(paper('block-vote', 2, slates), { slate: 's1', struck: ['c'] })).toThrow(expect.objectContaining({ code: 'ballot_invalid' }));
    expect(() => markBallot(paper('block-vote', 2, slates), { slate: 'nope' })).toThrow(expect.objectContaining({ code: 'unknown_candidate' }));
    expect(() => markBallot(paper('motion', 1), { answer: 'maybe' as never })).toThrow(expect.objectContaining({ code: 'ballot_invalid' }));
  });

  it('stores candidate numbers in ballot order, never ids', () => {
    expect(markBallot(paper('meek-stv'), { ranking: ['c', 'a'] })).toEqual({ ranking: [3, 1] });
    expect(markBallot(paper('block-vote', 2, [{ key: 's1', candidates: ['a', 'b'] }]), { slate: 's1', struck: ['b'], added: ['e'] })).toEqual({ slate: 1, struck: [2], added: [5] });
    expect(markBallot(paper('approval'), { choices: [] })).toEqual({ choices: [] });
    expect(markBallot(paper('motion', 1), { answer: 'abstain' })).toEqual({ answer: 'abstain' });
  });
});

describe('the published ballot list tallies to the certified result (property)', () => {
  const ranking = fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 0 }).map((r): BallotContent => ({ ranking: r }));

  it('STV: counting the published list (any order) equals the certified count, and so does recounting its BLT file', () => {
    fc.assert(
      fc.property(fc.array(ranking, { minLength: 1, maxLength: 60 }), fc.integer(), (ballots, shuffleSeed) => {
        const setup = setupFor('scottish-stv', 2);
        const certified = countBallots(setup, ballots, 'seed');
        const published = publish(ballots, shuffleSeed);
        expect(countBallots(setup, published, 'seed')).toEqual(certified);
        const recount = countScottishStv(parseBlt(ballotsAsBlt(setup, published)), { seed: 'seed' });
        expect(recount.elected).toEqual(certified.elected);
        expect(recount.stages.map((s) => s.totals)).toEqual(certified.stages.map((s) => s.totals));
      }),
      { numRuns: 60 },
    );
  });

  it('Meek STV: the BLT file of the published list recounts to the certified count', () => {
    fc.assert(
      fc.property(fc.array(ranking, { minLength: 1, maxLength: 40 }), fc.integer(), (ballots, shuffleSeed) => {
        const setup = setupFor('meek-stv', 2);
        const certified = countBallots(setup, ballots, 'seed');
        const recount = countMeekStv(parseBlt(ballotsAsBlt(setup, publish(ballots, shuffleSeed)), { equalRankings: 'allow' }), { seed: 'seed' });
        expect(recount.elected).toEqual(certified.elected);
        expect(recount.stages.map((s) => s.totals)).toEqual(certified.stages.map((s) => s.totals));
      }),
      { numRuns: 25 },
    );
  });

  it('motions: yes / no / abstain totals of the published list', () => {
    const answers = fc.array(fc.constantFrom<'yes' | 'no' | 'abstain'>('yes', 'no', 'abstain'), { maxLength: 50 });
    fc.assert(
      fc.property(answers, (list) => {
        const result = countBallots({ ...setupFor('motion', 1), candidates: [] }, list.map((answer) => ({ answer })), '');
        const n = (a: string) => String(list.filter((x) => x === a).length);
        expect(result.stages[0].totals).toEqual([n('yes'), n('no'), n('abstain')]);
      }),
    );
  });

  it('approval, plurality and block vote: the totals equal a plain tally of the published list', () => {
    const choices = fc.subarray([1, 2, 3, 4, 5]).map((c): BallotContent => ({ choices: c }));
    fc.assert(
      fc.property(fc.array(choices, { maxLength: 80 }), fc.integer(), (ballots, shuffleSeed) => {
        const published = publish(ballots, shuffleSeed);
        const tally = [0, 0, 0, 0, 0];
        for (const b of published) for (const n of (b as { choices: number[] }).choices) tally[n - 1]++;
        expect(countBallots(setupFor('approval', 2), ballots, 's').stages[0].totals).toEqual(tally.map(String));
      }),
    );
    const slated = fc.oneof(
      fc.subarray([1, 2, 3, 4, 5], { maxLength: 2 }).map((c): BallotContent => ({ choices: c })),
      fc.constant<BallotContent>({ slate: 1, struck: [], added: [] }),
      fc.constantFrom(1, 2).map((s): BallotContent => ({ slate: 1, struck: [s], added: [5] })),
    );
    fc.assert(
      fc.property(fc.array(slated, { maxLength: 80 }), fc.integer(), (ballots, shuffleSeed) => {
        const published = publish(ballots, shuffleSeed);
        const tally = [0, 0, 0, 0, 0];
        for (const b of published) {
          const chosen = 'slate' in b ? [...[1, 2].filter((n) => !b.struck.includes(n)), ...b.added] : (b as { choices: number[] }).choices;
          for (const n of chosen) tally[n - 1]++;
        }
        expect(countBallots(setupFor('block-vote', 2, [[1, 2]]), ballots, 's').stages[0].totals).toEqual(tally.map(String));
      }),
    );
  });

  it('the ballot-list hash is independent of key order and of the receipts\' order, but changes with any ballot, receipt or ballot order', () => {
    const ballots = [{ ranking: [1, 2] }, { slate: 1, struck: [2], added: [3] }];
    const receipts = ['AAAA-AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB-BBBB'];
    const h = ballotListHash('e', { ballots, receipts });
    expect(ballotListHash('e', { ballots: [ballots[0], { added: [3], struck: [2], slate: 1 }], receipts })).toBe(h);
    expect(ballotListHash('e', { ballots, receipts: [receipts[1], receipts[0]] })).toBe(h);
    expect(ballotListHash('e', { ballots: [ballots[1], ballots[0]], receipts })).not.toBe(h);
    expect(ballotListHash('e', { ballots: [ballots[0], { slate: 1, struck: [], added: [3] }], receipts })).not.toBe(h);
    expect(ballotListHash('e', { ballots, receipts: [receipts[0], 'CCCC-CCCC-CCCC-CCCC'] })).not.toBe(h);
    expect(ballotListHash('e', { ballots, receipts: [receipts[0]] })).not.toBe(h);
    expect(ballotListHash('f', { ballots, receipts })).not.toBe(h);
  });
});
