import fc from 'fast-check';
import { PanelVote, decideByMajority } from './majority.policy';
import { Sanction, compareSanctions } from './sanction.value-object';

const sanctionArb: fc.Arbitrary<Sanction> = fc.oneof(
  fc.constant<Sanction>({ kind: 'warning' }),
  fc.constant<Sanction>({ kind: 'conditions', conditions: 'c' }),
  fc.integer({ min: 2027, max: 2030 }).map<Sanction>((y) => ({ kind: 'suspension', until: `${y}-01-01` })),
  fc.constant<Sanction>({ kind: 'expulsion', readmissionConditions: 'r' }),
);

const voteArb = (i: number): fc.Arbitrary<PanelVote> =>
  fc.oneof(
    sanctionArb.map<PanelVote>((s) => ({ panelistId: `p${i}`, verdict: 'uphold', proposedSanction: s, castAt: '2026-01-01T00:00:00.000Z' })),
    fc.constant<PanelVote>({ panelistId: `p${i}`, verdict: 'not_uphold', proposedSanction: { kind: 'no_finding' }, castAt: '2026-01-01T00:00:00.000Z' }),
  );

const votesArb = fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => voteArb(i))));

describe('decideByMajority', () => {
  it('upholds exactly when strictly more than half voted to uphold, and records the counts', () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const outcome = decideByMajority(votes);
        const uphold = votes.filter((v) => v.verdict === 'uphold').length;
        expect(outcome.counts).toEqual({ uphold, notUphold: votes.length - uphold });
        expect(outcome.upheld).toBe(uphold * 2 > votes.length);
        if (!outcome.upheld) expect(outcome.sanction).toEqual({ kind: 'no_finding' });
      }),
    );
  });

  it('imposes the most severe sanction a strict majority proposed or exceeded, never more', () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const outcome = decideByMajority(votes);
        if (!outcome.upheld) return;
        const n = votes.length;
        const atLeast = votes.filter((v) => compareSanctions(v.proposedSanction, outcome.sanction) >= 0).length;
        const moreSevere = votes.filter((v) => compareSanctions(v.proposedSanction, outcome.sanction) > 0).length;
        expect(outcome.sanction.kind).not.toBe('no_finding');
        expect(atLeast * 2).toBeGreaterThan(n);
        expect(moreSevere * 2).toBeLessThanOrEqual(n);
        expect(votes.map((v) => v.proposedSanction)).toContainEqual(outcome.sanction);
      }),
    );
  });

  it('does not depend on the order panelists voted in (up to the tie-break among equal severities)', () => {
    fc.assert(
      fc.property(votesArb, fc.integer(), (votes, seed) => {
        const shuffled = [...votes].sort((a, b) => ((a.panelistId.charCodeAt(1) * 31 + seed) % 7) - ((b.panelistId.charCodeAt(1) * 31 + seed) % 7));
        const a = decideByMajority(votes);
        const b = decideByMajority(shuffled);
        expect(b.upheld).toBe(a.upheld);
        expect(compareSanctions(a.sanction, b.sanction)).toBe(0);
      }),
    );
  });
});
