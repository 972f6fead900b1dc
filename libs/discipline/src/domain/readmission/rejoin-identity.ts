import { normalizeEmailAddress, probableMatchKeys, type PersonFacts } from '@org/kernel';

/**
 * S9: how a person who may rejoin only by a readmission decision is recognised when they apply
 * again under another e-mail address: by their e-mail alone, or by their name **together with**
 * their date of birth, phone or postal address (a name alone is never enough: namesakes exist).
 * The values are normalized by the kernel's `person-match` rules (the same ones the member
 * import uses for probable duplicates); `crypto/rejoin-fingerprint.ts` turns each into a keyed
 * hash, and only those hashes are ever stored.
 */
export interface RejoinIdentity extends PersonFacts {
  email?: string | null;
}

export type RejoinFingerprintKind = 'email' | 'name_dob' | 'name_phone' | 'name_address';

/** What gets hashed: the kind and the normalized value (versioned, so a rule change is a new kind of entry). */
export interface RejoinFingerprintSource {
  kind: RejoinFingerprintKind;
  value: string;
}

const KIND = { 'name+date_of_birth': 'name_dob', 'name+phone': 'name_phone', 'name+address': 'name_address' } as const;

/** Every value this person can be recognised by (none when there is no usable name and no e-mail). */
export function rejoinFingerprintSources(p: RejoinIdentity): RejoinFingerprintSource[] {
  const out: RejoinFingerprintSource[] = [];
  const email = normalizeEmailAddress(p.email);
  if (email) out.push({ kind: 'email', value: `v1|email|${email}` });
  for (const k of probableMatchKeys(p)) out.push({ kind: KIND[k.reason], value: `v1|${KIND[k.reason]}|${k.key}` });
  return out;
}
