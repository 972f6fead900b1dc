import fc from 'fast-check';
import { countPlurality } from './plurality.counter';

describe('countPlurality', () => {
  it('elects the candidate with the most votes and counts blank ballots apart', () => {
    const result = countPlurality({ candidates: ['A', 'B', 'C'], ballots: [0, 1, 1, null, 2, 1, 0] });
    expect(result.elected).toEqual([1]);
    expect(result.stages[0].totals).toEqual(['2', '3', '1']);
    expect(result.validPoll).toBe('6');
    expect(result.blankBallots).toBe('1');
    expect(result.tieBreaks).toEqual([]);
  });

  it('decides a tie for first place by lot, records the seed, and repeats with the same seed', () => {
    const winners = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const seed = `seed-${i}`;
      const result = countPlurality({ candidates: ['A', 'B', 'C'], ballots: [0, 1, 0, 1, 2], seed });
      expect(countPlurality({ candidates: ['A', 'B', 'C'], ballots: [0, 1, 0, 1, 2], seed })).toEqual(result);
      expect(result.tieBreaks).toEqual([{ stage: 1, purpose: 'election', tied: [0, 1], chosen: result.elected[0], resolvedBy: 'lot', seed }]);
      winners.add(result.elected[0]);
    }
    expect(winners).toEqual(new Set([0, 1]));
  });

  it('refuses a ballot for a candidate that does not exist', () => {
    expect(() => countPlurality({ candidates: ['A'], ballots: [0, 3] })).toThrow(expect.objectContaining({ code: 'ballot_refused', message: 'ballot 2 names candidate 3, which does not exist' }));
  });

  it('totals equal the ballots counted (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { maxLength: 200 }))),
        ([n, ballots]) => {
          const result = countPlurality({ candidates: Array.from({ length: n }, (_, c) => `C${c}`), ballots, seed: 's' });
          const sum = result.stages[0].totals.reduce((a, t) => a + Number(t), 0);
          expect(sum).toBe(ballots.filter((b) => b !== null).length);
          expect(Number(result.validPoll) + Number(result.blankBallots)).toBe(ballots.length);
          const top = Math.max(...result.stages[0].totals.map(Number));
          expect(Number(result.stages[0].totals[result.elected[0]])).toBe(top);
        },
      ),
    );
  });
});
