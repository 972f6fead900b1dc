import { Timestamp, calendarDateOf } from './calendar';
import { CaseErrorCode, caseError } from './case.errors';

/** Random bytes from a cryptographic source (node:crypto's `randomBytes` fits). */
export type RandomSource = (byteCount: number) => Uint8Array;

/** A case reference people can read out and type: `CC-2026-7K3M-Q9XD`. */
export type CaseReference = string;

/**
 * Crockford's base 32: digits and capitals without I, L, O, U, so nothing is confused when a
 * reference is read aloud or copied by hand (normalization maps O→0 and I/L→1).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_RE = /^CC-(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})$/;

/**
 * A new case reference: the year of receipt and 40 random bits (8 base-32 characters) from the
 * injected random source. The reference is not a credential: who may see a case is decided by
 * `caseAccess`, so guessing one gives nothing but the same "not found" as a made-up one.
 */
export function generateCaseReference(receivedAt: Timestamp, random: RandomSource): CaseReference {
  const year = calendarDateOf(receivedAt).slice(0, 4);
  const bytes = random(5);
  if (!bytes || bytes.length < 5) {
    throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'The random source returned too few bytes.');
  }
  let value = 0;
  for (let i = 0; i < 5; i++) value = value * 256 + bytes[i];
  let chars = '';
  for (let i = 0; i < 8; i++) {
    chars = ALPHABET[value % 32] + chars;
    value = Math.floor(value / 32);
  }
  return `CC-${year}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * The canonical spelling of a reference someone typed (any case, spaces, O for 0, I or L for 1),
 * or `null` when it cannot be one.
 */
export function normalizeCaseReference(input: string): CaseReference | null {
  if (typeof input !== 'string') return null;
  const cleaned = input
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '')
    .replace(/[–—]/g, '-');
  const m = /^CC-?(\d{4})-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/.exec(cleaned);
  if (!m) return null;
  const fix = (s: string) => s.replace(/O/g, '0').replace(/[IL]/g, '1');
  const candidate = `CC-${m[1]}-${fix(m[2])}-${fix(m[3])}`;
  return REFERENCE_RE.test(candidate) ? candidate : null;
}

export function isCaseReference(value: unknown): value is CaseReference {
  return typeof value === 'string' && REFERENCE_RE.test(value);
}
