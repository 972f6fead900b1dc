/**
 * A receipt code: 80 random bits written as 16 Crockford base-32 characters in groups of four
 * (`K7QX-3M9P-T2WD-8HZA`). It is shown once to the voter, stored only with the ballot (never
 * with the voter), and published with the ballot, so the voter can check theirs was counted.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new RangeError('a receipt code needs 10 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person may type: any case, with or without dashes, O for 0, I/L for 1. */
export function normalizeReceiptCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 16) return null;
  const code = compact.match(/.{4}/g)!.join('-');
  return PATTERN.test(code) ? code : null;
}
