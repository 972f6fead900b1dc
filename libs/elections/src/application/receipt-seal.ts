import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { receiptCodeFromBytes } from '../domain';

/**
 * Receipts and retried casts. The receipt code is random and stored only with the ballot. For a
 * cast sent with an `Idempotency-Key`, the participation row keeps (a) a hash of the key, to
 * recognize the retry, and (b) the receipt **sealed with the key** (AES-256-GCM under a key
 * derived from it), so a retry can be answered with the same receipt while the database — which
 * never sees the Idempotency-Key itself — holds nothing that pairs the voter with a receipt.
 * Clients should send a random key (a UUID): a guessable key would let someone holding the
 * database unseal the receipt.
 */
export const newReceiptCode = (): string => receiptCodeFromBytes(randomBytes(10));

const derive = (purpose: string, electionId: string, memberId: string, key: string): Buffer =>
  createHash('sha256').update(`commons-elections-${purpose}-v1\n${electionId}\n${memberId}\n${key}`).digest();

export const idempotencyKeyHash = (electionId: string, memberId: string, key: string): string => derive('idempotency', electionId, memberId, key).toString('hex');

export function sealReceipt(electionId: string, memberId: string, key: string, receipt: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive('receipt-seal', electionId, memberId, key), iv);
  const body = Buffer.concat([cipher.update(receipt, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unsealReceipt(electionId: string, memberId: string, key: string, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', derive('receipt-seal', electionId, memberId, key), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Delegate credentials: a random code shown once to the delegate; only its hash is stored. */
export const newCredentialCode = (): string => receiptCodeFromBytes(randomBytes(10));
export const credentialHash = (congressId: string, code: string): string => createHash('sha256').update(`commons-credential-v1\n${congressId}\n${code}`).digest('hex');
