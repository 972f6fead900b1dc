import fc from 'fast-check';
import { formatUnits, mulDivCeil, mulDivFloor, parseUnits } from './fixed-point.arithmetic';

describe('fixed-point arithmetic', () => {
  it('formats and parses units', () => {
    expect(formatUnits(132200000, 5)).toBe('1322.00000');
    expect(formatUnits(1, 9)).toBe('0.000000001');
    expect(formatUnits(-150, 2)).toBe('-1.50');
    expect(formatUnits(42, 0)).toBe('42');
    expect(parseUnits('806.07214', 5)).toBe(80607214n);
    expect(parseUnits('1.2345678', 5)).toBe(123456n); // extra places truncated
    expect(() => parseUnits('1,5', 5)).toThrow(RangeError);
  });

  it('parseUnits ∘ formatUnits is the identity (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (v, places) => expect(parseUnits(formatUnits(v, places), places)).toBe(v)));
  });

  it('mulDivFloor and mulDivCeil are exact, also past 2^53 (property against BigInt)', () => {
    const big = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), big, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, b, d) => {
        const exact = (BigInt(a) * BigInt(b)) / BigInt(d);
        const floor = mulDivFloor(a, b, d);
        const ceil = mulDivCeil(a, b, d);
        if (exact <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(BigInt(floor)).toBe(exact);
          expect(BigInt(ceil)).toBe((BigInt(a) * BigInt(b)) % BigInt(d) === 0n ? exact : exact + 1n);
        }
      }),
    );
  });
});
