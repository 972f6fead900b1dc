/**
 * S9: how a person who may rejoin only by a readmission decision is recognised when they apply
 * again under another e-mail address. The identifying values are normalized here (plain rules,
 * no keys); `crypto/rejoin-fingerprint.ts` turns each normalized value into a keyed hash, and
 * only those hashes are ever stored — never a name, date, phone or address.
 *
 * A person is recognised by their e-mail alone, or by their name **together with** their date of
 * birth, phone or postal address (a name alone is never enough: namesakes exist).
 */
export interface RejoinIdentity {
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  email?: string | null;
}

export type RejoinFingerprintKind = 'email' | 'name_dob' | 'name_phone' | 'name_address';

/** What gets hashed: the kind and the normalized value (versioned, so a rule change is a new kind of entry). */
export interface RejoinFingerprintSource {
  kind: RejoinFingerprintKind;
  value: string;
}

const strip = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Letters only, accents and case dropped, words sorted ("Schmidt, Anna-Maria" = "anna maria schmidt"). */
export function normalizePersonName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  const words = strip(name)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/['-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.sort().join(' ');
}

/**
 * Digits only, compared on the last 9 digits, so that "+44 20 7946 0100", "0044 20 7946 0100"
 * and "020 7946 0100" are the same number. Fewer than 6 digits is no phone.
 */
export function normalizePhone(phone: string | null | undefined): string {
  if (typeof phone !== 'string') return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '';
  return digits.length > 9 ? digits.slice(-9) : digits;
}

const ADDRESS_WORDS: Record<string, string> = { street: 'st', strasse: 'str', road: 'rd', avenue: 'ave', flat: 'apt', apartment: 'apt', lane: 'ln', drive: 'dr', place: 'pl', square: 'sq' };

/** Letters and digits, accents and case dropped, common words abbreviated, one space between. */
export function normalizePostalAddress(address: string | null | undefined): string {
  if (typeof address !== 'string') return '';
  const words = strip(address)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w);
  return words.length >= 2 ? words.join(' ') : '';
}

export function normalizeEmail(email: string | null | undefined): string {
  if (typeof email !== 'string') return '';
  const e = email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(e) ? e : '';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every value this person can be recognised by (none when there is no usable name and no e-mail). */
export function rejoinFingerprintSources(p: RejoinIdentity): RejoinFingerprintSource[] {
  const out: RejoinFingerprintSource[] = [];
  const email = normalizeEmail(p.email);
  if (email) out.push({ kind: 'email', value: `v1|email|${email}` });
  const name = normalizePersonName(p.name);
  if (!name) return out;
  const dob = typeof p.dateOfBirth === 'string' && ISO_DATE.test(p.dateOfBirth.trim()) ? p.dateOfBirth.trim() : '';
  if (dob) out.push({ kind: 'name_dob', value: `v1|name_dob|${name}|${dob}` });
  const phone = normalizePhone(p.phone);
  if (phone) out.push({ kind: 'name_phone', value: `v1|name_phone|${name}|${phone}` });
  const address = normalizePostalAddress(p.postalAddress);
  if (address) out.push({ kind: 'name_address', value: `v1|name_address|${name}|${address}` });
  return out;
}
