/**
 * How two records of a person are compared when nobody typed them the same way: the one set of
 * normalization rules for the member import's probable duplicates and the disciplinary
 * context's rejoin fingerprints (S9). Plain functions, no keys: hashing is the caller's business.
 */

const fold = (s: string) =>
  s
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Letters only, accents and case dropped, words sorted ("Schmidt, Anna-María" = "anna maria schmidt"). */
export function normalizePersonName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  return fold(name)
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Digits only, compared on the last 9, so that "+44 20 7946 0100", "0044 20 7946 0100" and
 * "020 7946 0100" are one number. Fewer than 6 digits is no phone.
 */
export function normalizePhone(phone: string | null | undefined): string {
  if (typeof phone !== 'string') return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '';
  return digits.length > 9 ? digits.slice(-9) : digits;
}

const ADDRESS_WORDS: Record<string, string> = {
  street: 'st',
  strasse: 'str',
  road: 'rd',
  avenue: 'ave',
  flat: 'apt',
  apartment: 'apt',
  lane: 'ln',
  drive: 'dr',
  place: 'pl',
  square: 'sq',
};

/** Letters and digits, accents and case dropped, common words abbreviated; fewer than two words is no address. */
export function normalizePostalAddress(address: string | null | undefined): string {
  if (typeof address !== 'string') return '';
  const words = fold(address)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w);
  return words.length >= 2 ? words.join(' ') : '';
}

export function normalizeEmailAddress(email: string | null | undefined): string {
  if (typeof email !== 'string') return '';
  const e = email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(e) ? e : '';
}

/** A person as compared: raw values in, the keys under which two records count as the same person out. */
export interface PersonFacts {
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
}

export type ProbableMatchReason = 'name+date_of_birth' | 'name+phone' | 'name+address';

/**
 * The keys of a probable match: the normalized name together with the date of birth, the phone
 * or the postal address. A name alone is never a key (namesakes exist).
 */
export function probableMatchKeys(p: PersonFacts): { reason: ProbableMatchReason; key: string }[] {
  const name = normalizePersonName(p.name);
  if (!name) return [];
  const out: { reason: ProbableMatchReason; key: string }[] = [];
  const dob = typeof p.dateOfBirth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.dateOfBirth.trim()) ? p.dateOfBirth.trim() : '';
  if (dob) out.push({ reason: 'name+date_of_birth', key: `${name}|${dob}` });
  const phone = normalizePhone(p.phone);
  if (phone) out.push({ reason: 'name+phone', key: `${name}|${phone}` });
  const address = normalizePostalAddress(p.postalAddress);
  if (address) out.push({ reason: 'name+address', key: `${name}|${address}` });
  return out;
}
