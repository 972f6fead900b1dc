import fc from 'fast-check';
import { DomainError, SeededRandom } from '@org/kernel';
import { ApportionmentMethod, BranchRoll, apportion } from './apportionment';

const seatsOf = (method: ApportionmentMethod, seats: number, rolls: number[], minimumPerBranch = 0) =>
  apportion({ seats, method, minimumPerBranch, branches: rolls.map((rollSize, i) => ({ branchId: `b${i}`, rollSize })) }).allocations.map((a) => a.seats);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const rollsArb = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0));
const methodArb = fc.constantFrom<ApportionmentMethod>('largest-remainder', 'sainte-lague');

describe('apportion', () => {
  it('Hare and Sainte-Laguë differ as expected on a textbook case', () => {
    expect(seatsOf('largest-remainder', 7, [53000, 24000, 23000])).toEqual([4, 2, 1]);
    expect(seatsOf('sainte-lague', 7, [53000, 24000, 23000])).toEqual([3, 2, 2]);
  });

  it('honours the statutory minimum', () => {
    expect(seatsOf('largest-remainder', 10, [1000, 10, 10], 2)).toEqual([6, 2, 2]);
    expect(seatsOf('sainte-lague', 10, [1000, 10, 10], 2)).toEqual([6, 2, 2]);
    // a branch with an empty roll, if listed, still gets the minimum
    expect(seatsOf('largest-remainder', 5, [100, 0], 1)).toEqual([4, 1]);
  });

  it('refuses when the seats cannot cover the minimum for every branch', () => {
    const e = errorOf(() => seatsOf('sainte-lague', 5, [10, 10, 10], 2));
    expect([e.kind, e.code]).toEqual(['unprocessable', 'too_few_seats_for_minimum']);
    expect(e.message).toContain('needs 6');
  });

  it('refuses bad input', () => {
    expect(errorOf(() => seatsOf('sainte-lague', 0, [10])).code).toBe('invalid_seat_count');
    expect(errorOf(() => seatsOf('sainte-lague', 2.5, [10])).code).toBe('invalid_seat_count');
    expect(errorOf(() => seatsOf('sainte-lague', 3, [10, -1])).code).toBe('invalid_roll_size');
    expect(errorOf(() => seatsOf('sainte-lague', 3, [10, 1.5])).code).toBe('invalid_roll_size');
    expect(errorOf(() => seatsOf('sainte-lague', 3, [0, 0])).code).toBe('empty_roll');
    expect(errorOf(() => seatsOf('sainte-lague', 3, [])).code).toBe('empty_roll');
    expect(
      errorOf(() =>
        apportion({
          seats: 3,
          method: 'largest-remainder',
          branches: [
            { branchId: 'x', rollSize: 1 },
            { branchId: 'x', rollSize: 2 },
          ],
        }),
      ).code,
    ).toBe('duplicate_branch');
  });

  it('breaks ties by larger roll, then branch id, and reports the tie', () => {
    const r = apportion({
      seats: 1,
      method: 'largest-remainder',
      branches: [
        { branchId: 'zeta', rollSize: 50 },
        { branchId: 'alpha', rollSize: 50 },
      ],
    });
    expect(r.allocations).toEqual([
      { branchId: 'zeta', rollSize: 50, seats: 0 },
      { branchId: 'alpha', rollSize: 50, seats: 1 },
    ]);
    expect(r.tie).toEqual({ contenders: ['alpha', 'zeta'], awarded: ['alpha'], rule: 'larger-roll-then-id' });
    // equal Sainte-Laguë averages 30/1 = 90/3: the larger roll wins the last seat
    const s = apportion({
      seats: 2,
      method: 'sainte-lague',
      branches: [
        { branchId: 'a', rollSize: 30 },
        { branchId: 'b', rollSize: 90 },
      ],
    });
    expect(s.allocations.map((x) => x.seats)).toEqual([0, 2]);
    expect(s.tie).toEqual({ contenders: ['b', 'a'], awarded: ['b'], rule: 'larger-roll-then-id' });
    expect(apportion({ seats: 7, method: 'sainte-lague', branches: [{ branchId: 'a', rollSize: 53 }, { branchId: 'b', rollSize: 24 }] }).tie).toBeNull();
  });

  it('ties can be left to a reproducible lot', () => {
    const branches: BranchRoll[] = ['a', 'b', 'c', 'd'].map((branchId) => ({ branchId, rollSize: 10 }));
    const draw = (seed: string) => apportion({ seats: 1, method: 'sainte-lague', branches, tieBreak: { lot: new SeededRandom(seed) } });
    expect(draw('congress-2025').allocations).toEqual(draw('congress-2025').allocations);
    expect(draw('congress-2025').tie?.rule).toBe('lot');
    const winners = new Set(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((s) => draw(s).tie!.awarded[0]));
    expect(winners.size).toBeGreaterThan(1);
  });

  // ---- documented paradoxes of largest remainder ---------------------------------------------

  it('documents the Alabama paradox of Hare: one more seat in total costs a branch a seat', () => {
    expect(seatsOf('largest-remainder', 10, [6, 6, 2])).toEqual([4, 4, 2]);
    expect(seatsOf('largest-remainder', 11, [6, 6, 2])).toEqual([5, 5, 1]);
    // Sainte-Laguë is house-monotone: the extra seat only adds
    expect(seatsOf('sainte-lague', 10, [6, 6, 2])).toEqual([5, 4, 1]);
    expect(seatsOf('sainte-lague', 11, [6, 6, 2])).toEqual([5, 5, 1]);
  });

  it('documents the population paradox of Hare: a branch growing faster than another loses a seat to it', () => {
    // b0 grows 3 → 4 (+33%), b1 grows 10 → 13 (+30%): b0 loses its seat to b1.
    expect(seatsOf('largest-remainder', 3, [3, 10, 9])).toEqual([1, 1, 1]);
    expect(seatsOf('largest-remainder', 3, [4, 13, 9])).toEqual([0, 2, 1]);
  });

  // ---- properties -----------------------------------------------------------------------------

  it('property: seats always sum to N and every branch gets at least the minimum', () => {
    fc.assert(
      fc.property(rollsArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 }), methodArb, (rolls, min, extra, method) => {
        const seats = rolls.length * min + Math.max(1, extra);
        const out = seatsOf(method, seats, rolls, min);
        expect(out.reduce((a, b) => a + b, 0)).toBe(seats);
        for (const s of out) expect(s).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: the result does not depend on the order branches are listed in', () => {
    fc.assert(
      fc.property(rollsArb, fc.integer({ min: 1, max: 40 }), methodArb, fc.integer(), (rolls, seats, method, seed) => {
        const branches = rolls.map((rollSize, i) => ({ branchId: `b${i}`, rollSize }));
        const shuffled = new SeededRandom(String(seed)).shuffle(branches);
        const byId = (r: ReturnType<typeof apportion>) => Object.fromEntries(r.allocations.map((a) => [a.branchId, a.seats]));
        expect(byId(apportion({ seats, method, branches: shuffled }))).toEqual(byId(apportion({ seats, method, branches })));
      }),
      { numRuns: 500 },
    );
  });

  it('property (Sainte-Laguë, guaranteed for divisor methods): a branch whose roll alone grows never loses a seat', () => {
    fc.assert(
      fc.property(rollsArb, fc.nat(), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 50 }), (rolls, pick, growth, min, extra) => {
        const i = pick % rolls.length;
        const seats = rolls.length * min + extra;
        const grown = rolls.map((r, j) => (j === i ? r + growth : r));
        expect(seatsOf('sainte-lague', seats, grown, min)[i]).toBeGreaterThanOrEqual(seatsOf('sainte-lague', seats, rolls, min)[i]);
      }),
      { numRuns: 1000 },
    );
  });

  it('property (Sainte-Laguë, house monotone): one more seat in total never costs any branch a seat', () => {
    fc.assert(
      fc.property(rollsArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 60 }), (rolls, min, extra) => {
        const seats = rolls.length * min + extra;
        const before = seatsOf('sainte-lague', seats, rolls, min);
        const after = seatsOf('sainte-lague', seats + 1, rolls, min);
        before.forEach((s, j) => expect(after[j]).toBeGreaterThanOrEqual(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('property (Hare without a minimum): every branch gets its quota rounded down or up', () => {
    fc.assert(
      fc.property(rollsArb, fc.integer({ min: 1, max: 80 }), (rolls, seats) => {
        const total = rolls.reduce((a, b) => a + b, 0);
        seatsOf('largest-remainder', seats, rolls).forEach((s, j) => {
          const q = (seats * rolls[j]) / total;
          expect(s).toBeGreaterThanOrEqual(Math.floor(q));
          expect(s).toBeLessThanOrEqual(Math.ceil(q));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('property (Hare without a minimum, N fixed): a branch whose roll alone grows never loses a seat', () => {
    // Holds for Hamilton with others' rolls fixed: each branch that overtakes it on remainders
    // has lost a whole seat, which frees one more remainder seat. The paradox needs two rolls to move.
    fc.assert(
      fc.property(rollsArb, fc.nat(), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 50 }), (rolls, pick, growth, seats) => {
        const i = pick % rolls.length;
        const grown = rolls.map((r, j) => (j === i ? r + growth : r));
        expect(seatsOf('largest-remainder', seats, grown)[i]).toBeGreaterThanOrEqual(seatsOf('largest-remainder', seats, rolls)[i]);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles an organization-sized input (1,000 branches, 2,000 seats)', () => {
    const branches = Array.from({ length: 1000 }, (_, i) => ({ branchId: `br${String(i).padStart(4, '0')}`, rollSize: 20 + ((i * 7919) % 400) }));
    for (const method of ['largest-remainder', 'sainte-lague'] as const) {
      const r = apportion({ seats: 2000, branches, method, minimumPerBranch: 1 });
      expect(r.allocations.reduce((a, b) => a + b.seats, 0)).toBe(2000);
      expect(r.allocations.every((a) => a.seats >= 1)).toBe(true);
    }
  });
});
