import fc from 'fast-check';
import { countApproval } from './approval.counter';

describe('countApproval', () => {
  it('elects the most approved candidates', () => {
    const result = countApproval({ candidates: ['A', 'B', 'C', 'D'], seats: 2, ballots: [[0, 1], [1, 2], [1], [2, 3], [], [0, 2]] });
    expect(result.stages[0].totals).toEqual(['2', '3', '3', '1']);
    expect(result.elected).toEqual([1, 2]);
    expect(result.validPoll).toBe('5');
    expect(result.blankBallots).toBe('1');
  });

  it('draws the last seat by lot among those level for it, with the seed recorded', () => {
    const result = countApproval({ candidates: ['A', 'B', 'C'], seats: 2, ballots: [[0], [0, 1], [2]], seed: 'draw' });
    expect(result.elected[0]).toBe(0);
    expect([1, 2]).toContain(result.elected[1]);
    expect(result.tieBreaks).toEqual([{ stage: 1, purpose: 'election', tied: [1, 2], chosen: result.elected[1], resolvedBy: 'lot', seed: 'draw' }]);
  });

  it('refuses a ballot approving the same candidate twice or an unknown one', () => {
    expect(() => countApproval({ candidates: ['A', 'B'], seats: 1, ballots: [[0, 0]] })).toThrow(expect.objectContaining({ code: 'ballot_refused' }));
    expect(() => countApproval({ candidates: ['A', 'B'], seats: 1, ballots: [[2]] })).toThrow(expect.objectContaining({ code: 'ballot_refused' }));
  });

  it('totals equal the approvals on the ballots counted, and the same seed gives the same result (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            seats: fc.integer({ min: 1, max: n }),
            ballots: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 })), { maxLength: 100 }),
          }),
        ),
        fc.string(),
        ({ n, seats, ballots }, seed) => {
          const election = { candidates: Array.from({ length: n }, (_, c) => `C${c}`), seats, ballots, seed };
          const result = countApproval(election);
          const totals = result.stages[0].totals.map(Number);
          expect(totals.reduce((a, b) => a + b, 0)).toBe(ballots.reduce((a, b) => a + b.length, 0));
          totals.forEach((t) => expect(t).toBeLessThanOrEqual(Number(result.validPoll)));
          expect(result.elected).toHaveLength(seats);
          const lowestElected = Math.min(...result.elected.map((c) => totals[c]));
          totals.forEach((t, c) => {
            if (!result.elected.includes(c)) expect(t).toBeLessThanOrEqual(lowestElected);
          });
          expect(countApproval(election)).toEqual(result);
        },
      ),
    );
  });
});
