import fc from 'fast-check';
import { CellKind, hiddenCellsAreAmbiguous, protectFamily, protectTable, singleCount, suppressionThreshold } from './small-cell-suppression.policy';

const same = (a: readonly CellKind[], b: readonly CellKind[] | null) => b !== null && a.every((k, i) => k === b[i]);

/**
 * What a reader who knows the total, the shown cells and this algorithm can learn: every table
 * of the same size and total, with the same shown cells, that the algorithm would display the
 * same way. Returns, for each hidden cell, the set of values it could have.
 */
function possibleValues(values: readonly number[], threshold: number): Map<number, Set<number>> {
  const kinds = protectTable(values, threshold);
  const result = new Map<number, Set<number>>();
  if (!kinds) return result;
  const hidden = kinds.flatMap((k, i) => (k === 'shown' ? [] : [i]));
  hidden.forEach((i) => result.set(i, new Set()));
  const remainder = hidden.reduce((a, i) => a + values[i], 0);
  const alt = [...values];
  const walk = (j: number, left: number): void => {
    if (j === hidden.length - 1) {
      alt[hidden[j]] = left;
      if (same(kinds, protectTable(alt, threshold))) hidden.forEach((i) => result.get(i)!.add(alt[i]));
      return;
    }
    for (let x = 0; x <= left; x++) {
      alt[hidden[j]] = x;
      walk(j + 1, left - x);
    }
  };
  if (hidden.length) walk(0, remainder);
  return result;
}

describe('small-cell suppression', () => {
  it('shows 0 and counts from the threshold, hides 1..threshold−1 as "<3" without the number', () => {
    expect(singleCount(0, 3)).toEqual({ kind: 'count', value: 0, display: '0' });
    expect(singleCount(1, 3)).toEqual({ kind: 'small', display: '<3' });
    expect(singleCount(2, 3)).toEqual({ kind: 'small', display: '<3' });
    expect(singleCount(3, 3)).toEqual({ kind: 'count', value: 3, display: '3' });
    expect(singleCount(4, 5)).toEqual({ kind: 'small', display: '<5' });
    expect(JSON.stringify(singleCount(2, 3))).not.toMatch(/2/);
  });

  it('refuses a threshold under 3', () => {
    expect(() => suppressionThreshold(2)).toThrow(/at least 3/);
    expect(suppressionThreshold(3)).toBe(3);
  });

  it('withholds a complementary cell so that a small one cannot be taken from the total', () => {
    // 1 + 5 + 40 = 46: publishing 5 and 40 with the total would reveal the 1.
    expect(protectTable([1, 5, 40], 3)).toEqual(['small', 'withheld', 'shown']);
    const family = protectFamily(46, [[1, 5, 40]], 3);
    expect(family.total).toEqual({ kind: 'count', value: 46, display: '46' });
    expect(family.tables[0].map((c) => c.display)).toEqual(['<3', 'withheld', '40']);
  });

  it('withholds the whole family when the population is small, or when a table cannot be protected', () => {
    const small = protectFamily(2, [[0, 2, 0], [1, 1]], 3);
    expect(small.masked).toBe(true);
    expect(small.total.display).toBe('<3');
    expect(small.tables.flat().every((c) => c.kind === 'withheld')).toBe(true);
    // 1 + 1 + 1 = 3: "<3, <3, <3" with a total of 3 means three ones.
    expect(protectTable([1, 1, 1], 3)).toBeNull();
    const family = protectFamily(3, [[1, 1, 1], [3, 0]], 3);
    expect(family.total).toEqual({ kind: 'withheld', display: 'withheld' });
    expect(family.tables.flat().every((c) => c.kind === 'withheld')).toBe(true);
  });

  it('primary suppression alone would leak (the reason for the rest)', () => {
    // With only "<3" for the 1, the 1 is 6 − 5.
    expect(hiddenCellsAreAmbiguous([1, 5], ['small', 'shown'], 3)).toBe(false);
  });

  it('no published table lets a reader work out a suppressed cell exactly (exhaustive, small tables)', () => {
    for (const threshold of [3, 4]) {
      for (let a = 0; a <= 7; a++)
        for (let b = 0; b <= 7; b++)
          for (let c = 0; c <= 7; c++) {
            for (const [cell, vals] of possibleValues([a, b, c], threshold)) {
              if (vals.size < 2) throw new Error(`cell ${cell} of [${a},${b},${c}] (t=${threshold}) is recoverable`);
            }
          }
    }
  });

  it('no published table lets a reader work out a suppressed cell exactly (property, larger tables)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 })), { minLength: 2, maxLength: 5 }),
        (threshold, values) => {
          for (const vals of possibleValues(values, threshold).values()) expect(vals.size).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never shows a count between 1 and threshold−1 in any table or total (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }), (t, values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const family = protectFamily(total, [values, [total]], t);
        for (const cell of [family.total, ...family.tables.flat()]) {
          if (cell.kind === 'count') expect(cell.value === 0 || cell.value >= t).toBe(true);
          else expect(cell).not.toHaveProperty('value');
        }
      }),
    );
  });
});
