import { createHmac } from 'node:crypto';
import type { KeyRing } from './key-ring';

const KEY_CHECK_LABEL = 'commons/discipline/master-key-check/v1';

/**
 * The value by which processes sharing one database agree on the discipline master key:
 * HMAC-SHA256 keyed with the master key over a fixed label, hex. It is recorded in the database
 * (not a secret, but never logged either) and reveals nothing usable about the key.
 */
export function masterKeyCheck(key: Uint8Array): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL, 'utf8').digest('hex');
}

/** What a starting process does, given the key check the database records and its own ring. */
export type KeyAgreement =
  /** Nothing recorded yet, or recorded the same active key: start. */
  | { kind: 'agreed' }
  /** The ring holds the recorded key, but another key is active: a rotation; record the active one. */
  | { kind: 'rotated'; fromKeyId: string }
  /** The ring does not hold the key the others use: refuse to start. */
  | { kind: 'refused' };

export function keyAgreement(recorded: string, ring: KeyRing): KeyAgreement {
  if (recorded === masterKeyCheck(ring.activeKey)) return { kind: 'agreed' };
  const held = ring.keyIds().find((id) => masterKeyCheck(ring.keyFor(id)) === recorded);
  return held ? { kind: 'rotated', fromKeyId: held } : { kind: 'refused' };
}
