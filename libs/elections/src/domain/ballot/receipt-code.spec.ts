import fc from 'fast-check';
import { normalizeReceiptCode, receiptCodeFromBytes } from './receipt-code';

describe('receipt codes', () => {
  it('encode 80 bits as four groups of four and read back whatever a person types', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = receiptCodeFromBytes(bytes);
        expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
        expect(normalizeReceiptCode(code)).toBe(code);
        expect(normalizeReceiptCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
    expect(normalizeReceiptCode('too-short')).toBeNull();
  });
  it('distinct bytes give distinct codes', () => {
    expect(receiptCodeFromBytes(new Uint8Array(10))).not.toBe(receiptCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])));
  });
});
