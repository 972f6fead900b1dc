/**
 * Invitations: how a member who has an account but no password gets in. An e-mailed link works
 * once, for 14 days; a printed letter carries a one-time code that works once, for 30 days, and
 * stops working after five wrong tries. A new invitation replaces every earlier one.
 */
export const INVITATION_LINK_DAYS = 14;
export const INVITATION_LETTER_DAYS = 30;
export const LETTER_CODE_MAX_FAILURES = 5;

export type InvitationKind = 'link' | 'letter';

export const expiryOf = (kind: InvitationKind, issuedAt: Date): Date =>
  new Date(issuedAt.getTime() + (kind === 'link' ? INVITATION_LINK_DAYS : INVITATION_LETTER_DAYS) * 86_400_000);

/** Letter codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX. */
export const LETTER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function letterCodeFrom(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += LETTER_CODE_ALPHABET[bytes[i] % LETTER_CODE_ALPHABET.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/** What a member types from the letter: case, spaces and dashes do not matter. */
export const normalizeLetterCode = (typed: string): string => {
  const s = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}` : s;
};

/** Member statuses whose accounts may be activated and invited: a member, or an applicant admitted later. */
export const INVITABLE_STATUSES: readonly string[] = ['active', 'lapsed', 'suspended'];
