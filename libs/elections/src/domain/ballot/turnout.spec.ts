import fc from 'fast-check';
import { turnoutByBranch } from './turnout';

describe('turnout per branch (small-cell suppression)', () => {
  it('publishes no figure below the threshold, and withholds the voters when the abstainers are too few', () => {
    const out = turnoutByBranch(
      [
        { branchId: 'a', branchName: 'North', electors: 40, voted: 25 },
        { branchId: 'b', branchName: 'East', electors: 4, voted: 2 },
        { branchId: 'c', branchName: 'South', electors: 30, voted: 28 },
      ],
      5,
    );
    expect(out.map((r) => r.branchName)).toEqual(['East', 'North', 'South']);
    expect(out[0]).toEqual({ branchId: 'b', branchName: 'East', electors: { fewerThan: 5 }, voted: { fewerThan: 5 }, percent: null });
    expect(out[1]).toEqual({ branchId: 'a', branchName: 'North', electors: { value: 40 }, voted: { value: 25 }, percent: 62.5 });
    expect(out[2]).toEqual({ branchId: 'c', branchName: 'South', electors: { value: 30 }, voted: { fewerThan: 5 }, percent: null });
  });

  it('property: every published number is at least the threshold, and so is every difference it lets one compute', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 10 }), fc.integer({ min: 2, max: 20 }), (pairs, threshold) => {
        const rows = pairs.map(([a, b], i) => ({ branchId: String(i), branchName: `B${i}`, electors: Math.max(a, b), voted: Math.min(a, b) }));
        for (const r of turnoutByBranch(rows, threshold)) {
          for (const c of [r.electors, r.voted]) if ('value' in c) expect(c.value).toBeGreaterThanOrEqual(threshold);
          if ('value' in r.voted && 'value' in r.electors) expect(r.electors.value - r.voted.value).toBeGreaterThanOrEqual(threshold);
        }
      }),
    );
  });
});
