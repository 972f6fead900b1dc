import { createHmac, hkdfSync } from 'node:crypto';
import { CryptoErrorCode, cryptoError } from './crypto.errors';
import { KEY_BYTES, KeyRing } from './key-ring';

/** HKDF label: a matching key can never equal, or be used as, a key-encryption key. */
export const MATCHING_KEY_INFO = 'discipline/respondent-matching/hmac-sha256/v1';
const MATCHING_KEY_SALT = 'org.commons.discipline';

export interface MatchingKey {
  /** The master key it was derived from; stored beside index entries made with it. */
  readonly masterKeyId: string;
  readonly key: Buffer;
}

/**
 * The key of the respondent-matching index (S10), derived with HKDF-SHA256 from a master key
 * (default: the active one) under its own info label. Index entries made with it stay
 * comparable only with entries made with the same master key: when the master key rotates,
 * keep the old key in the ring until the index has been rebuilt (see crypto/README.md).
 */
export function deriveMatchingKey(ring: KeyRing, masterKeyId: string = ring.activeKeyId): MatchingKey {
  const key = Buffer.from(hkdfSync('sha256', ring.keyFor(masterKeyId), MATCHING_KEY_SALT, MATCHING_KEY_INFO, KEY_BYTES));
  return { masterKeyId, key };
}

/**
 * The matching index entry for a respondent: HMAC-SHA256(matching key, member id), base64url.
 * Only member ids are hashed — never names or free text. Ids are trimmed and lower-cased
 * (UUIDs are case-insensitive), so the same member always gives the same entry.
 */
export function respondentMatchHash(matchingKey: MatchingKey, memberId: string): string {
  const id = typeof memberId === 'string' ? memberId.trim().toLowerCase() : '';
  if (!id) throw cryptoError(CryptoErrorCode.Malformed, 'A respondent match needs a member id.');
  return createHmac('sha256', matchingKey.key).update(id, 'utf8').digest('base64url');
}
