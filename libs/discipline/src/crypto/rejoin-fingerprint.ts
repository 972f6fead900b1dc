import { createHmac, hkdfSync } from 'node:crypto';
import { KEY_BYTES, KeyRing } from './key-ring';

/** HKDF label of the rejoin fingerprint key: it can never equal, or be used as, another key. */
export const REJOIN_KEY_INFO = 'discipline/rejoin-fingerprint/hmac-sha256/v1';
const SALT = 'org.commons.discipline';

export interface RejoinFingerprintKey {
  readonly masterKeyId: string;
  readonly key: Buffer;
}

/**
 * The key of the rejoin fingerprints (S9), derived like the matching key (HKDF-SHA256 from a
 * master key, its own info label). Fingerprints made under one master key match only those made
 * under the same one: keep the old master key in the ring after a rotation (see README.md).
 */
export function deriveRejoinFingerprintKey(ring: KeyRing, masterKeyId: string = ring.activeKeyId): RejoinFingerprintKey {
  return { masterKeyId, key: Buffer.from(hkdfSync('sha256', ring.keyFor(masterKeyId), SALT, REJOIN_KEY_INFO, KEY_BYTES)) };
}

/** HMAC-SHA256 of one normalized identifying value, base64url. The value itself is never stored. */
export function rejoinFingerprint(key: RejoinFingerprintKey, normalizedValue: string): string {
  return createHmac('sha256', key.key).update(normalizedValue, 'utf8').digest('base64url');
}
