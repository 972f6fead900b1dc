import fc from 'fast-check';
import { ballotOrder } from './ballot-order';

describe('ballot order (drawn by lot, published seed)', () => {
  it('is a permutation of the candidates, the same for the same seed whatever order they are given in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 12 }), fc.string(), (ids, seed) => {
        const order = ballotOrder(seed, ids);
        expect([...order].sort()).toEqual([...ids].sort());
        expect(ballotOrder(seed, [...ids].reverse())).toEqual(order);
      }),
    );
  });

  it('depends on the seed: over many seeds, each of 4 candidates comes first about as often as the others, and the alphabetical order is no more likely than any other', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const first = new Map<string, number>();
    let alphabetical = 0;
    for (let i = 0; i < 2400; i++) {
      const order = ballotOrder(`seed-${i}`, ids);
      first.set(order[0], (first.get(order[0]) ?? 0) + 1);
      if (order.join('') === 'abcd') alphabetical++;
    }
    for (const id of ids) expect(first.get(id)).toBeGreaterThan(500);
    // 1 in 24 orders: about 100 of 2400.
    expect(alphabetical).toBeLessThan(160);
  });
});
