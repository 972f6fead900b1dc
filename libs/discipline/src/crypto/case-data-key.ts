import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { CryptoErrorCode, authenticationFailed, cryptoError } from './crypto.errors';
import { KEY_BYTES, KeyRing } from './key-ring';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
export function fromB64url(text: string, what: string): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) {
    throw cryptoError(CryptoErrorCode.Malformed, `${what} is not in the expected format.`);
  }
  return Buffer.from(text, 'base64url');
}

/**
 * A case's data key, unwrapped in memory. Bound to its case: the cipher built from it puts the
 * case id in the associated data of everything it seals. Never serialized or printed.
 */
export class CaseDataKey {
  readonly #key: Buffer;

  constructor(
    readonly caseId: string,
    readonly dataKeyId: string,
    key: Uint8Array,
  ) {
    if (typeof caseId !== 'string' || caseId.length === 0) throw cryptoError(CryptoErrorCode.InvalidKey, 'A data key needs its case id.');
    if (!ID_RE.test(dataKeyId)) throw cryptoError(CryptoErrorCode.InvalidKey, 'A data key id must be 1 to 64 letters, digits, "-" or "_".');
    if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
      throw cryptoError(CryptoErrorCode.InvalidKey, `A data key must be ${KEY_BYTES} bytes.`);
    }
    this.#key = Buffer.from(key);
  }

  /** For `CaseCipher` only. */
  keyBytes(): Buffer {
    return this.#key;
  }

  toJSON(): unknown {
    return { caseId: this.caseId, dataKeyId: this.dataKeyId };
  }

  [inspect.custom](): string {
    return `CaseDataKey(${this.caseId}, ${this.dataKeyId})`;
  }
}

/**
 * Wrapped data key format (a string stored beside the case):
 *   k1.<masterKeyId>.<dataKeyId>.<iv>.<tag>.<ciphertext>      (base64url parts)
 * AES-256-GCM under the master key, with associated data binding the format version, the case
 * id, the data key id and the master key id, so a wrapped key copied to another case, or
 * relabelled with another key id, does not unwrap.
 */
const wrapAad = (caseId: string, dataKeyId: string, masterKeyId: string): Buffer =>
  Buffer.from(JSON.stringify(['discipline/data-key', 'k1', caseId, dataKeyId, masterKeyId]), 'utf8');

function wrap(ring: KeyRing, caseId: string, dataKeyId: string, dataKey: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.activeKey, iv);
  cipher.setAAD(wrapAad(caseId, dataKeyId, ring.activeKeyId));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return ['k1', ring.activeKeyId, dataKeyId, b64url(iv), b64url(cipher.getAuthTag()), b64url(ct)].join('.');
}

interface ParsedWrappedKey {
  readonly masterKeyId: string;
  readonly dataKeyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ct: Buffer;
}

function parseWrapped(wrapped: string): ParsedWrappedKey {
  const parts = typeof wrapped === 'string' ? wrapped.split('.') : [];
  if (parts.length !== 6 || parts[0] !== 'k1' || !ID_RE.test(parts[1]) || !ID_RE.test(parts[2])) {
    throw cryptoError(CryptoErrorCode.Malformed, 'A wrapped data key is not in the k1 format.');
  }
  const iv = fromB64url(parts[3], 'A wrapped data key');
  const tag = fromB64url(parts[4], 'A wrapped data key');
  const ct = fromB64url(parts[5], 'A wrapped data key');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ct.length !== KEY_BYTES) {
    throw cryptoError(CryptoErrorCode.Malformed, 'A wrapped data key has parts of the wrong length.');
  }
  return { masterKeyId: parts[1], dataKeyId: parts[2], iv, tag, ct };
}

/** A fresh random data key for a new case, and its wrapped form to store. */
export function createCaseKey(ring: KeyRing, caseId: string): { readonly dataKey: CaseDataKey; readonly wrapped: string } {
  const dataKeyId = b64url(randomBytes(12));
  const key = randomBytes(KEY_BYTES);
  const dataKey = new CaseDataKey(caseId, dataKeyId, key);
  return { dataKey, wrapped: wrap(ring, caseId, dataKeyId, key) };
}

/** Unwraps a case's stored data key; fails if altered, moved to another case, or the master key is missing. */
export function unwrapCaseKey(ring: KeyRing, caseId: string, wrapped: string): CaseDataKey {
  const p = parseWrapped(wrapped);
  const decipher = createDecipheriv('aes-256-gcm', ring.keyFor(p.masterKeyId), p.iv);
  decipher.setAAD(wrapAad(caseId, p.dataKeyId, p.masterKeyId));
  decipher.setAuthTag(p.tag);
  let key: Buffer;
  try {
    key = Buffer.concat([decipher.update(p.ct), decipher.final()]);
  } catch {
    throw authenticationFailed('A wrapped data key');
  }
  return new CaseDataKey(caseId, p.dataKeyId, key);
}

/** The id of the master key a wrapped data key is under. */
export function wrappingKeyId(wrapped: string): string {
  return parseWrapped(wrapped).masterKeyId;
}

/** Whether a wrapped data key still needs re-wrapping under the ring's active key. */
export function needsRewrap(ring: KeyRing, wrapped: string): boolean {
  return wrappingKeyId(wrapped) !== ring.activeKeyId;
}

/**
 * Key rotation: re-wraps a case's data key under the ring's active master key. The data key
 * (and its id) stay the same, so no content is re-encrypted. Already under the active key →
 * returned unchanged (the rotation job can be re-run safely).
 */
export function rewrapCaseKey(ring: KeyRing, caseId: string, wrapped: string): string {
  if (!needsRewrap(ring, wrapped)) return wrapped;
  const dataKey = unwrapCaseKey(ring, caseId, wrapped);
  return wrap(ring, caseId, dataKey.dataKeyId, dataKey.keyBytes());
}
