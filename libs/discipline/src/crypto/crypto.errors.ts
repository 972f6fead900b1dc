import { DomainError } from '@org/kernel';

/**
 * Cryptographic failures. They are server-side faults (`unavailable`): the person reading a
 * case is told the content cannot be shown, never why; operators see the code. Messages never
 * include key material, plaintext or ciphertext.
 */
export const CryptoErrorCode = {
  InvalidKey: 'discipline.crypto.invalid_key',
  InvalidKeyRing: 'discipline.crypto.invalid_key_ring',
  UnknownKey: 'discipline.crypto.unknown_key',
  Malformed: 'discipline.crypto.malformed',
  AuthenticationFailed: 'discipline.crypto.authentication_failed',
} as const;

export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];

export function cryptoError(code: CryptoErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('unavailable', code, message, details);
}

export const authenticationFailed = (what: string): DomainError =>
  cryptoError(
    CryptoErrorCode.AuthenticationFailed,
    `${what} failed authentication: it was altered, or it belongs to another case or field, or to another key.`,
  );
