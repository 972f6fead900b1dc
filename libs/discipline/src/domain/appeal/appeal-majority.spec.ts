import fc from 'fast-check';
import { AppealVote, appealMajority, appealVoteCountLabel } from './appeal-majority.policy';

const vote = (panelistId: string, outcome: AppealVote['outcome'], sanction: AppealVote['sanction'] = null): AppealVote => ({
  panelistId,
  outcome,
  sanction,
  reasons: `reasons of ${panelistId}`,
  castAt: '2026-03-01T00:00:00.000Z',
});

describe('appealMajority: the appeals panel decides by a strict majority of its full size', () => {
  it('one vote of three decides nothing; two for the same outcome decide', () => {
    expect(appealMajority([vote('a', 'uphold')], 3)).toBeNull();
    expect(appealMajority([vote('a', 'uphold'), vote('b', 'uphold')], 3)).toMatchObject({ outcome: 'uphold', counts: { inFavour: 2, against: 0, notVoted: 1 } });
  });

  it('votes for different outcomes do not add up', () => {
    expect(appealMajority([vote('a', 'uphold'), vote('b', 'remand'), vote('c', 'modify_sanction', { kind: 'warning' })], 3)).toBeNull();
  });

  it('modify_sanction needs a majority for the same sanction', () => {
    const w = { kind: 'warning' } as const;
    const s = { kind: 'suspension', until: '2027-01-01' } as const;
    expect(appealMajority([vote('a', 'modify_sanction', w), vote('b', 'modify_sanction', s)], 3)).toBeNull();
    expect(appealMajority([vote('a', 'modify_sanction', w), vote('b', 'modify_sanction', s), vote('c', 'modify_sanction', s)], 3)).toMatchObject({
      outcome: 'modify_sanction',
      sanction: s,
      counts: { inFavour: 2, against: 1, notVoted: 0 },
    });
  });

  it('a tie on an even panel is no majority', () => {
    expect(appealMajority([vote('a', 'uphold'), vote('b', 'uphold'), vote('c', 'remand'), vote('d', 'remand')], 4)).toBeNull();
    expect(appealMajority([vote('a', 'uphold'), vote('b', 'uphold')], 4)).toBeNull();
  });

  it('counts come from the votes; the label is "for–against"', () => {
    const m = appealMajority([vote('a', 'remand'), vote('b', 'uphold'), vote('c', 'remand')], 3)!;
    expect(m.counts).toEqual({ inFavour: 2, against: 1, notVoted: 0 });
    expect(m.majority.map((v) => v.panelistId)).toEqual(['a', 'c']);
    expect(appealVoteCountLabel(m.counts)).toBe('2–1');
  });

  it('property: a decision has strictly more than half the panel behind it, and the order of the votes does not change it', () => {
    const outcomes = fc.constantFrom<AppealVote['outcome']>('uphold', 'remand', 'modify_sanction');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(outcomes, { maxLength: 9 }), (size, picks) => {
        const votes = picks.slice(0, size).map((o, i) => vote(`m${i}`, o, o === 'modify_sanction' ? { kind: 'warning' } : null));
        const m = appealMajority(votes, size);
        const reversed = appealMajority([...votes].reverse(), size);
        expect(reversed?.outcome ?? null).toBe(m?.outcome ?? null);
        if (m) {
          expect(m.counts.inFavour * 2).toBeGreaterThan(size);
          expect(m.counts.inFavour + m.counts.against + m.counts.notVoted).toBe(size);
        }
      }),
    );
  });
});
