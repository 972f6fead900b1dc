import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { CryptoErrorCode, cryptoError } from './crypto.errors';

export const KEY_BYTES = 32;
const KEY_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** A master key (key-encryption key) with the id recorded next to everything it wraps. */
export interface MasterKey {
  readonly keyId: string;
  readonly key: Uint8Array;
}

/** A new random 256-bit key (for a master key, e.g. `DISCIPLINE_KEY`, or a data key). */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Decodes a base64 (or base64url) key and checks it is 32 bytes; the error never echoes it. */
export function decodeKey(encoded: string): Buffer {
  const text = typeof encoded === 'string' ? encoded.trim() : '';
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw cryptoError(CryptoErrorCode.InvalidKey, `A discipline key must be ${KEY_BYTES} random bytes, base64-encoded (44 characters).`);
  }
  return key;
}

/**
 * A short, non-secret identifier of a key, to show in logs and configuration checks ("which key
 * is this?"): the first 16 bytes of SHA-256 over a label and the key, hex, in groups of 4.
 * It reveals nothing usable about a random 256-bit key.
 */
export function keyFingerprint(key: Uint8Array): string {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw cryptoError(CryptoErrorCode.InvalidKey, `A discipline key must be ${KEY_BYTES} bytes.`);
  }
  const hex = createHash('sha256').update('discipline/key-fingerprint/v1\0').update(key).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(':');
}

/**
 * The master keys the discipline context is given (loading them from `DISCIPLINE_KEY` or a key
 * file is the infrastructure's job), with exactly one active key: new data keys are wrapped
 * under it, older keys stay to unwrap until rotation has re-wrapped everything. Key material is
 * never serialized or printed.
 */
export class KeyRing {
  readonly #keys: Map<string, Buffer>;

  private constructor(
    keys: Map<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    this.#keys = keys;
  }

  static create(keys: readonly MasterKey[], activeKeyId: string): KeyRing {
    const map = new Map<string, Buffer>();
    const seen = new Set<string>();
    for (const k of keys ?? []) {
      if (!k || typeof k.keyId !== 'string' || !KEY_ID_RE.test(k.keyId)) {
        throw cryptoError(CryptoErrorCode.InvalidKeyRing, 'A key id must be 1 to 64 letters, digits, "-" or "_".');
      }
      if (!(k.key instanceof Uint8Array) || k.key.length !== KEY_BYTES) {
        throw cryptoError(CryptoErrorCode.InvalidKey, `Key "${k.keyId}" must be ${KEY_BYTES} bytes.`, { keyId: k.keyId });
      }
      if (map.has(k.keyId)) throw cryptoError(CryptoErrorCode.InvalidKeyRing, `Key id "${k.keyId}" appears twice.`, { keyId: k.keyId });
      const fp = keyFingerprint(k.key);
      if (seen.has(fp)) throw cryptoError(CryptoErrorCode.InvalidKeyRing, 'The same key appears under two ids.', { keyId: k.keyId });
      seen.add(fp);
      map.set(k.keyId, Buffer.from(k.key));
    }
    if (!map.has(activeKeyId)) {
      throw cryptoError(CryptoErrorCode.InvalidKeyRing, 'The active key must be one of the keys in the ring.', { activeKeyId });
    }
    return new KeyRing(map, activeKeyId);
  }

  /** The key with this id; refused when the ring does not hold it. */
  keyFor(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (!key) throw cryptoError(CryptoErrorCode.UnknownKey, `The key "${keyId}" is not in the key ring.`, { keyId });
    return key;
  }

  get activeKey(): Buffer {
    return this.keyFor(this.activeKeyId);
  }

  keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  fingerprints(): { keyId: string; fingerprint: string; active: boolean }[] {
    return [...this.#keys.entries()].map(([keyId, key]) => ({ keyId, fingerprint: keyFingerprint(key), active: keyId === this.activeKeyId }));
  }

  toJSON(): unknown {
    return { activeKeyId: this.activeKeyId, keys: this.keyIds() };
  }

  [inspect.custom](): string {
    return `KeyRing(active: ${this.activeKeyId}, keys: ${this.keyIds().join(', ')})`;
  }
}
