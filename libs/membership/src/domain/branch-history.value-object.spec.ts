import fc from 'fast-check';
import { DomainError, addDays } from '@org/kernel';
import { BranchHistory, BranchPeriod } from './branch-history.value-object';

const day = (n: number) => addDays('2020-01-01', n);
const days = Array.from({ length: 500 }, (_, n) => day(n));

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('BranchHistory (half-open [from, to) periods)', () => {
  it('a transfer on D closes the old period at D and opens the new one at D: no gap, no overlap', () => {
    const h = BranchHistory.empty().join('A', '2024-01-10').transfer('B', '2024-03-01');
    expect(h.toSnapshot()).toEqual([
      { branchId: 'A', from: '2024-01-10', to: '2024-03-01' },
      { branchId: 'B', from: '2024-03-01', to: null },
    ]);
    expect(h.branchAt('2024-02-29')).toBe('A');
    expect(h.branchAt('2024-03-01')).toBe('B');
    expect(h.branchAt('2024-01-09')).toBeNull();
  });

  it('refuses a transfer dated before the current stay began (a period ending before it starts)', () => {
    const h = BranchHistory.empty().join('A', '2024-05-01');
    try {
      h.transfer('B', '2024-04-30');
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('period_ends_before_start');
      expect((e as DomainError).message).toContain('2024-05-01');
    }
  });

  it('refuses stored periods that end before they start, are empty, overlap, or are open twice', () => {
    expect(code(() => BranchHistory.fromPeriods([{ branchId: 'A', from: '2024-05-01', to: '2024-04-01' }]))).toBe('period_ends_before_start');
    expect(code(() => BranchHistory.fromPeriods([{ branchId: 'A', from: '2024-05-01', to: '2024-05-01' }]))).toBe('empty_branch_period');
    expect(
      code(() =>
        BranchHistory.fromPeriods([
          { branchId: 'A', from: '2024-01-01', to: '2024-03-01' },
          { branchId: 'B', from: '2024-02-01', to: null },
        ]),
      ),
    ).toBe('branch_periods_overlap');
    expect(
      code(() =>
        BranchHistory.fromPeriods([
          { branchId: 'A', from: '2024-01-01', to: null },
          { branchId: 'B', from: '2024-02-01', to: null },
        ]),
      ),
    ).toBe('multiple_open_periods');
    expect(code(() => BranchHistory.fromPeriods([{ branchId: 'A', from: '2024-02-30', to: null }]))).toBe('invalid_date');
  });

  it('an open period followed by a later one is an overlap', () => {
    expect(
      code(() =>
        BranchHistory.fromPeriods([
          { branchId: 'A', from: '2024-01-01', to: null },
          { branchId: 'B', from: '2024-02-01', to: '2024-03-01' },
        ]),
      ),
    ).toBe('branch_periods_overlap');
  });

  it('refuses to join while in a branch, to transfer to the same branch, or to transfer with no open period', () => {
    const h = BranchHistory.empty().join('A', '2024-01-01');
    expect(code(() => h.join('B', '2024-02-01'))).toBe('already_in_branch');
    expect(code(() => h.transfer('A', '2024-02-01'))).toBe('same_branch_transfer');
    expect(code(() => BranchHistory.empty().transfer('A', '2024-02-01'))).toBe('no_open_branch_period');
  });

  it('refuses re-joining before the previous stay ended', () => {
    const h = BranchHistory.empty().join('A', '2024-01-01').leave('2024-06-01');
    expect(code(() => h.join('A', '2024-05-31'))).toBe('branch_periods_overlap');
    expect(h.join('B', '2024-06-01').toSnapshot()).toHaveLength(2);
  });

  it('a same-day transfer replaces the zero-day stay instead of recording an empty period', () => {
    const h = BranchHistory.empty().join('A', '2024-01-01').transfer('B', '2024-02-01').transfer('C', '2024-02-01');
    expect(h.toSnapshot()).toEqual([
      { branchId: 'A', from: '2024-01-01', to: '2024-02-01' },
      { branchId: 'C', from: '2024-02-01', to: null },
    ]);
    const back = BranchHistory.empty().join('A', '2024-01-01').transfer('B', '2024-02-01').transfer('A', '2024-02-01');
    expect(back.toSnapshot()).toEqual([{ branchId: 'A', from: '2024-01-01', to: null }]);
  });

  it('overlaps() returns the shared stretches per branch, clipped to the window', () => {
    const accused = BranchHistory.fromPeriods([
      { branchId: 'A', from: '2015-01-01', to: '2020-01-01' },
      { branchId: 'B', from: '2020-01-01', to: null },
    ]);
    const commissioner = BranchHistory.fromPeriods([
      { branchId: 'A', from: '2018-06-01', to: '2019-01-01' },
      { branchId: 'C', from: '2019-01-01', to: '2023-01-01' },
      { branchId: 'B', from: '2023-01-01', to: null },
    ]);
    expect(accused.overlaps(commissioner, '2018-07-01', '2024-07-01')).toEqual([
      { branchId: 'A', from: '2018-07-01', to: '2019-01-01' },
      { branchId: 'B', from: '2023-01-01', to: '2024-07-01' },
    ]);
    expect(accused.overlaps(commissioner, '2019-01-01', null)).toEqual([{ branchId: 'B', from: '2023-01-01', to: null }]);
    expect(accused.overlaps(commissioner, '2019-01-01', '2022-12-31')).toEqual([]);
  });

  // ---- properties --------------------------------------------------------------------------

  type Op = { kind: 'join' | 'transfer' | 'leave'; branch: string; gap: number };
  const opArb: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom<'join' | 'transfer' | 'leave'>('join', 'transfer', 'transfer', 'transfer', 'leave'),
    branch: fc.constantFrom('A', 'B', 'C', 'D'),
    gap: fc.integer({ min: -5, max: 60 }),
  });

  function run(ops: Op[]): { history: BranchHistory; leaves: number } {
    let h = BranchHistory.empty();
    let date = 0;
    let leaves = 0;
    for (const op of ops) {
      const on = day(Math.max(0, date + op.gap));
      try {
        if (op.kind === 'join') h = h.join(op.branch, on);
        else if (op.kind === 'transfer') h = h.transfer(op.branch, on);
        else {
          h = h.leave(on);
          leaves++;
        }
        date = Math.max(0, date + op.gap);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e; // refused operations leave the history as it was
      }
    }
    return { history: h, leaves };
  }

  function assertInvariants(periods: readonly BranchPeriod[], leaves: number) {
    let gaps = 0;
    periods.forEach((p, i) => {
      if (p.to !== null) expect(p.to > p.from).toBe(true);
      if (i < periods.length - 1) expect(p.to).not.toBeNull();
      if (i > 0) {
        const prev = periods[i - 1];
        expect(prev.to! <= p.from).toBe(true); // ordered, non-overlapping
        if (prev.to! < p.from) gaps++;
      }
    });
    // a gap can only come from leaving (resignation/expulsion) and joining again
    expect(gaps).toBeLessThanOrEqual(leaves);
  }

  it('property: any sequence of joins, transfers and leaves keeps periods ordered, non-overlapping, with at most one open, gap-free while a member', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const { history, leaves } = run(ops);
        assertInvariants(history.periods, leaves);
        // the stored form re-validates
        expect(BranchHistory.fromPeriods(history.toSnapshot()).toSnapshot()).toEqual(history.toSnapshot());
      }),
      { numRuns: 500 },
    );
  });

  it('property: transfers alone never create a gap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ branch: fc.constantFrom('A', 'B', 'C'), gap: fc.integer({ min: 0, max: 30 }) }), { maxLength: 30 }),
        (steps) => {
          let h = BranchHistory.empty().join('A', day(0));
          let d = 0;
          for (const s of steps) {
            d += s.gap;
            try {
              h = h.transfer(s.branch, day(d));
            } catch (e) {
              expect((e as DomainError).code).toBe('same_branch_transfer');
            }
          }
          const ps = h.periods;
          expect(ps[0].from).toBe(day(0));
          for (let i = 1; i < ps.length; i++) expect(ps[i].from).toBe(ps[i - 1].to);
          expect(ps[ps.length - 1].to).toBeNull();
        },
      ),
    );
  });

  it('property: branchAt and overlaps agree with a day-by-day reading', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 15 }),
        fc.array(opArb, { maxLength: 15 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        (opsA, opsB, wFrom, wLen) => {
          const a = run(opsA).history;
          const b = run(opsB).history;
          const overlaps = a.overlaps(b, day(wFrom), day(wFrom + wLen));
          const covered = (d: string) => overlaps.find((o) => o.from <= d && (o.to === null || d < o.to));
          const mismatches: string[] = [];
          for (let n = 0; n < 500; n += 1) {
            const d = days[n];
            const ba = a.branchAt(d);
            const naive = a.periods.find((p) => p.from <= d && (p.to === null || d < p.to))?.branchId ?? null;
            if (ba !== naive) mismatches.push(`branchAt ${d}`);
            const inWindow = n >= wFrom && n < wFrom + wLen;
            const shared = inWindow && ba !== null && ba === b.branchAt(d);
            const hit = covered(d);
            if (!!hit !== shared || (hit && hit.branchId !== ba)) mismatches.push(`overlap ${d}`);
          }
          expect(mismatches).toEqual([]);
          // symmetric
          expect(b.overlaps(a, day(wFrom), day(wFrom + wLen))).toEqual(overlaps);
        },
      ),
      { numRuns: 150 },
    );
  });
});
