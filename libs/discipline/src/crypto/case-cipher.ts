import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CaseDataKey, b64url, fromB64url } from './case-data-key';
import { CryptoErrorCode, authenticationFailed, cryptoError } from './crypto.errors';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FIELD_RE = /^[A-Za-z0-9_.:/-]{1,128}$/;
const BINARY_MAGIC = Buffer.from('DS', 'latin1');
const BINARY_VERSION = 1;

/**
 * Seals and opens the content of one case (narratives, statements, messages, attachments)
 * with AES-256-GCM under the case's data key. Every sealed value binds, as associated data, the
 * format version, the case id, the field name and the data key id: a ciphertext moved to another
 * case or another field fails to open, as does any altered byte.
 *
 * Text format (for columns):   v1.<dataKeyId>.<iv>.<tag>.<ciphertext>     (base64url parts)
 * Binary format (for files):   "DS" | 0x01 | len(dataKeyId) (1 byte) | dataKeyId (ASCII)
 *                              | iv (12) | tag (16) | ciphertext
 * A fresh random 96-bit IV per value. Field names are chosen by the code, e.g.
 * "complaint.narrative", "statement:<id>", "message:<id>", "evidence:<id>".
 */
export class CaseCipher {
  constructor(private readonly dataKey: CaseDataKey) {}

  get caseId(): string {
    return this.dataKey.caseId;
  }

  private aad(field: string): Buffer {
    if (typeof field !== 'string' || !FIELD_RE.test(field)) {
      throw cryptoError(CryptoErrorCode.Malformed, 'A sealed field name must be 1 to 128 letters, digits or ._:/-');
    }
    return Buffer.from(JSON.stringify(['discipline/sealed', 'v1', this.dataKey.caseId, field, this.dataKey.dataKeyId]), 'utf8');
  }

  private encrypt(field: string, plaintext: Uint8Array): { iv: Buffer; tag: Buffer; ct: Buffer } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey.keyBytes(), iv);
    cipher.setAAD(this.aad(field));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { iv, tag: cipher.getAuthTag(), ct };
  }

  private decrypt(field: string, dataKeyId: string, iv: Buffer, tag: Buffer, ct: Buffer): Buffer {
    if (dataKeyId !== this.dataKey.dataKeyId) {
      throw authenticationFailed('A sealed value');
    }
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw cryptoError(CryptoErrorCode.Malformed, 'A sealed value has parts of the wrong length.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.dataKey.keyBytes(), iv);
    decipher.setAAD(this.aad(field));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ct), decipher.final()]);
    } catch {
      throw authenticationFailed('A sealed value');
    }
  }

  seal(field: string, plaintext: string): string {
    if (typeof plaintext !== 'string') throw cryptoError(CryptoErrorCode.Malformed, 'Only text can be sealed with seal(); use sealBytes() for files.');
    const { iv, tag, ct } = this.encrypt(field, Buffer.from(plaintext, 'utf8'));
    return ['v1', this.dataKey.dataKeyId, b64url(iv), b64url(tag), b64url(ct)].join('.');
  }

  open(field: string, sealed: string): string {
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    if (parts.length !== 5 || parts[0] !== 'v1') {
      throw cryptoError(CryptoErrorCode.Malformed, 'A sealed value is not in the v1 format.');
    }
    const [, dataKeyId, iv, tag, ct] = parts;
    return this.decrypt(field, dataKeyId, fromB64url(iv, 'A sealed value'), fromB64url(tag, 'A sealed value'), fromB64url(ct, 'A sealed value')).toString('utf8');
  }

  sealBytes(field: string, plaintext: Uint8Array): Buffer {
    const { iv, tag, ct } = this.encrypt(field, plaintext);
    const id = Buffer.from(this.dataKey.dataKeyId, 'ascii');
    return Buffer.concat([BINARY_MAGIC, Buffer.from([BINARY_VERSION, id.length]), id, iv, tag, ct]);
  }

  openBytes(field: string, sealed: Uint8Array): Buffer {
    const b = Buffer.from(sealed);
    if (b.length < 4 || !b.subarray(0, 2).equals(BINARY_MAGIC) || b[2] !== BINARY_VERSION) {
      throw cryptoError(CryptoErrorCode.Malformed, 'A sealed file is not in the expected format.');
    }
    const idLength = b[3];
    const ivAt = 4 + idLength;
    if (b.length < ivAt + IV_BYTES + TAG_BYTES) throw cryptoError(CryptoErrorCode.Malformed, 'A sealed file is truncated.');
    const dataKeyId = b.subarray(4, ivAt).toString('ascii');
    return this.decrypt(
      field,
      dataKeyId,
      b.subarray(ivAt, ivAt + IV_BYTES),
      b.subarray(ivAt + IV_BYTES, ivAt + IV_BYTES + TAG_BYTES),
      b.subarray(ivAt + IV_BYTES + TAG_BYTES),
    );
  }
}
