import type { MotionChoice } from './motion.counter';
import { countMotion } from './motion.counter';

const ballots = (yes: number, no: number, abstain: number): MotionChoice[] => [
  ...Array<MotionChoice>(yes).fill('yes'),
  ...Array<MotionChoice>(no).fill('no'),
  ...Array<MotionChoice>(abstain).fill('abstain'),
];

describe('countMotion', () => {
  it('carries a simple majority of votes cast, abstentions not counted', () => {
    const result = countMotion({ motion: 'Adopt the budget', ballots: ballots(10, 9, 50) });
    expect(result.carried).toBe(true);
    expect(result.stages[0].totals).toEqual(['10', '9', '50']);
    expect(result.elected).toEqual([0]);
  });

  it('fails on a tie: a simple majority is more than half, and a tie is never drawn by lot', () => {
    const result = countMotion({ motion: 'Recall the treasurer', ballots: ballots(10, 10, 3) });
    expect(result.carried).toBe(false);
    expect(result.elected).toEqual([1]);
    expect(result.tieBreaks).toEqual([]);
  });

  it('needs at least two thirds for a two-thirds majority', () => {
    expect(countMotion({ motion: 'Amend the statutes', ballots: ballots(20, 10, 0), threshold: 'two-thirds' }).carried).toBe(true);
    expect(countMotion({ motion: 'Amend the statutes', ballots: ballots(19, 10, 40), threshold: 'two-thirds' }).carried).toBe(false);
  });

  it('takes any fraction, inclusive or not', () => {
    const threeQuarters = { numerator: 3, denominator: 4, inclusive: true };
    expect(countMotion({ motion: 'm', ballots: ballots(3, 1, 0), threshold: threeQuarters }).carried).toBe(true);
    expect(countMotion({ motion: 'm', ballots: ballots(3, 1, 0), threshold: { ...threeQuarters, inclusive: false } }).carried).toBe(false);
  });

  it('fails without quorum, counting abstentions towards it', () => {
    expect(countMotion({ motion: 'm', ballots: ballots(5, 1, 0), quorum: 10 })).toMatchObject({ carried: false, quorate: false });
    expect(countMotion({ motion: 'm', ballots: ballots(5, 1, 4), quorum: 10 })).toMatchObject({ carried: true, quorate: true });
  });

  it('fails when nobody votes yes or no', () => {
    expect(countMotion({ motion: 'm', ballots: ballots(0, 0, 5) }).carried).toBe(false);
  });

  it('refuses a ballot that is not yes, no or abstain, and a threshold above 1', () => {
    expect(() => countMotion({ motion: 'm', ballots: ['yes', 'maybe' as MotionChoice] })).toThrow(expect.objectContaining({ code: 'ballot_refused' }));
    expect(() => countMotion({ motion: 'm', ballots: [], threshold: { numerator: 3, denominator: 2, inclusive: true } })).toThrow(expect.objectContaining({ code: 'count_invalid' }));
  });
});
