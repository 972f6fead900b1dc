import { checkQuorum, quorumRequired } from './standing-orders';
import { byDelegation, cardWeight, isCarried } from './vote';

describe('quorum', () => {
  it('none, a count of accredited delegates, or a share (rounded up) of those elected', () => {
    expect(quorumRequired({ kind: 'none', value: 0 }, 100)).toBeNull();
    expect(quorumRequired({ kind: 'count', value: 40 }, 100)).toBe(40);
    expect(quorumRequired({ kind: 'share', value: 50 }, 101)).toBe(51);
  });

  it('a vote does not open without quorum; with it, the quorum required is returned to record', () => {
    expect(() => checkQuorum({ kind: 'share', value: 50 }, { elected: 10, present: 4 })).toThrow(expect.objectContaining({ code: 'no_quorum', details: { present: 4, required: 5 } }));
    expect(checkQuorum({ kind: 'share', value: 50 }, { elected: 10, present: 5 })).toBe(5);
    expect(checkQuorum({ kind: 'none', value: 0 }, { elected: 10, present: 0 })).toBeNull();
  });
});

describe('card votes', () => {
  it("each delegate's card carries one mandate; a delegation's card is the sum of its delegates'", () => {
    expect(cardWeight({ memberId: 'a', delegation: 'b1' })).toBe(1);
    const cards = [
      { memberId: 'a', delegation: 'b2', weight: 1, answer: 'yes' as const },
      { memberId: 'b', delegation: 'b1', weight: 1, answer: 'no' as const },
      { memberId: 'c', delegation: 'b2', weight: 1, answer: 'yes' as const },
      { memberId: 'd', delegation: 'b2', weight: 2, answer: 'abstain' as const },
    ];
    expect(byDelegation(cards)).toEqual([
      { delegation: 'b1', cards: 1, yes: 0, no: 1, abstain: 0 },
      { delegation: 'b2', cards: 3, yes: 2, no: 0, abstain: 2 },
    ]);
    expect(isCarried({ yes: 2, no: 1, abstain: 2 })).toBe(true);
  });
});
