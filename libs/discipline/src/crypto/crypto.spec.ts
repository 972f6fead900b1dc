import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { DomainError } from '@org/kernel';
import { CaseCipher } from './case-cipher';
import { CaseDataKey, createCaseKey, needsRewrap, rewrapCaseKey, unwrapCaseKey, wrappingKeyId } from './case-data-key';
import { CryptoErrorCode } from './crypto.errors';
import { keyAgreement, masterKeyCheck } from './key-check';
import { KeyRing, decodeKey, generateKey, keyFingerprint } from './key-ring';
import { deriveMatchingKey, respondentMatchHash } from './respondent-matching-key';

function expectCode(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    return e as DomainError;
  }
  throw new Error(`expected ${code}`);
}

const K1 = generateKey();
const K2 = generateKey();
const ring1 = KeyRing.create([{ keyId: 'k1', key: K1 }], 'k1');
const ring12 = KeyRing.create([{ keyId: 'k1', key: K1 }, { keyId: 'k2', key: K2 }], 'k2');
const ring2 = KeyRing.create([{ keyId: 'k2', key: K2 }], 'k2');
const CANARY = 'CANARY-7c1e: he cornered me after the branch meeting';

describe('keys', () => {
  it('generates distinct 32-byte keys', () => {
    expect(K1).toHaveLength(32);
    expect(K1.equals(K2)).toBe(false);
  });

  it('fingerprints keys stably, distinctly, without revealing them', () => {
    expect(keyFingerprint(K1)).toBe(keyFingerprint(Buffer.from(K1)));
    expect(keyFingerprint(K1)).not.toBe(keyFingerprint(K2));
    expect(keyFingerprint(K1)).toMatch(/^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
    expect(keyFingerprint(K1).replace(/:/g, '')).not.toContain(K1.toString('hex').slice(0, 8));
  });

  it('decodes a base64 DISCIPLINE_KEY and refuses a wrong length without echoing it', () => {
    expect(decodeKey(K1.toString('base64')).equals(K1)).toBe(true);
    expect(decodeKey(K1.toString('base64url')).equals(K1)).toBe(true);
    const short = generateKey().subarray(0, 31).toString('base64');
    const e = expectCode(() => decodeKey(short), CryptoErrorCode.InvalidKey);
    expect(e.message).not.toContain(short);
  });

  it('validates the key ring and never prints key material', () => {
    expectCode(() => KeyRing.create([{ keyId: 'k1', key: K1.subarray(0, 16) }], 'k1'), CryptoErrorCode.InvalidKey);
    expectCode(() => KeyRing.create([{ keyId: 'k1', key: K1 }, { keyId: 'k1', key: K2 }], 'k1'), CryptoErrorCode.InvalidKeyRing);
    expectCode(() => KeyRing.create([{ keyId: 'k1', key: K1 }, { keyId: 'k9', key: K1 }], 'k1'), CryptoErrorCode.InvalidKeyRing);
    expectCode(() => KeyRing.create([{ keyId: 'k1', key: K1 }], 'k2'), CryptoErrorCode.InvalidKeyRing);
    expectCode(() => KeyRing.create([{ keyId: 'bad.id', key: K1 }], 'bad.id'), CryptoErrorCode.InvalidKeyRing);
    const printed = JSON.stringify(ring12) + inspect(ring12) + JSON.stringify(unwrapCaseKey(ring1, 'c', createCaseKey(ring1, 'c').wrapped)) + inspect(createCaseKey(ring1, 'c').dataKey);
    for (const k of [K1, K2]) {
      expect(printed).not.toContain(k.toString('base64'));
      expect(printed).not.toContain(k.toString('hex'));
    }
    expect(ring12.fingerprints()).toEqual([
      { keyId: 'k1', fingerprint: keyFingerprint(K1), active: false },
      { keyId: 'k2', fingerprint: keyFingerprint(K2), active: true },
    ]);
  });
});

describe('envelope encryption', () => {
  it('seals and opens text; the stored form holds no plaintext and differs each time', () => {
    const { dataKey, wrapped } = createCaseKey(ring1, 'case-1');
    const cipher = new CaseCipher(dataKey);
    const sealed = cipher.seal('complaint.narrative', CANARY);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('CANARY');
    expect(Buffer.from(sealed.split('.')[4], 'base64url').toString('latin1')).not.toContain('CANARY');
    expect(cipher.seal('complaint.narrative', CANARY)).not.toBe(sealed);
    expect(new CaseCipher(unwrapCaseKey(ring1, 'case-1', wrapped)).open('complaint.narrative', sealed)).toBe(CANARY);
    expect(cipher.open('x', cipher.seal('x', ''))).toBe('');
  });

  it('a ciphertext moved to another case fails to open, even under the same key bytes', () => {
    const { dataKey } = createCaseKey(ring1, 'case-1');
    const sealed = new CaseCipher(dataKey).seal('statement:st-1', CANARY);
    const sameBytesOtherCase = new CaseDataKey('case-2', dataKey.dataKeyId, dataKey.keyBytes());
    expectCode(() => new CaseCipher(sameBytesOtherCase).open('statement:st-1', sealed), CryptoErrorCode.AuthenticationFailed);
    const otherCase = createCaseKey(ring1, 'case-2').dataKey;
    expectCode(() => new CaseCipher(otherCase).open('statement:st-1', sealed), CryptoErrorCode.AuthenticationFailed);
  });

  it('a ciphertext moved to another field fails to open', () => {
    const cipher = new CaseCipher(createCaseKey(ring1, 'case-1').dataKey);
    const sealed = cipher.seal('message:m-1', CANARY);
    expectCode(() => cipher.open('message:m-2', sealed), CryptoErrorCode.AuthenticationFailed);
  });

  it('any altered byte of iv, tag or ciphertext fails with a clear error (property)', () => {
    const cipher = new CaseCipher(createCaseKey(ring1, 'case-1').dataKey);
    const sealed = cipher.seal('f', CANARY);
    const parts = sealed.split('.');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (part, pos, flip) => {
        const bytes = Buffer.from(parts[part], 'base64url');
        bytes[pos % bytes.length] ^= flip;
        const tampered = [...parts.slice(0, part), bytes.toString('base64url'), ...parts.slice(part + 1)].join('.');
        const e = expectCode(() => cipher.open('f', tampered), CryptoErrorCode.AuthenticationFailed);
        expect(e.message).toMatch(/altered/);
        expect(e.message).not.toContain('CANARY');
      }),
      { numRuns: 100 },
    );
    expectCode(() => cipher.open('f', 'v2.' + sealed.slice(3)), CryptoErrorCode.Malformed);
    expectCode(() => cipher.open('f', sealed.split('.').slice(0, 4).join('.')), CryptoErrorCode.Malformed);
    expectCode(() => cipher.open('f', sealed.replace(/\.([^.]+)$/, '.!!!')), CryptoErrorCode.Malformed);
  });

  it('seals files in the binary layout with the same bindings', () => {
    const cipher = new CaseCipher(createCaseKey(ring1, 'case-1').dataKey);
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(CANARY)]);
    const sealed = cipher.sealBytes('evidence:ev-1', file);
    expect(sealed.subarray(0, 3)).toEqual(Buffer.from([0x44, 0x53, 0x01]));
    expect(sealed.includes(Buffer.from('CANARY'))).toBe(false);
    expect(cipher.openBytes('evidence:ev-1', sealed).equals(file)).toBe(true);
    expectCode(() => cipher.openBytes('evidence:ev-2', sealed), CryptoErrorCode.AuthenticationFailed);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expectCode(() => cipher.openBytes('evidence:ev-1', tampered), CryptoErrorCode.AuthenticationFailed);
    expectCode(() => cipher.openBytes('evidence:ev-1', Buffer.from('nope')), CryptoErrorCode.Malformed);
  });

  it('a wrapped data key moved to another case, or relabelled, does not unwrap', () => {
    const { wrapped } = createCaseKey(ring12, 'case-1');
    expect(wrapped.startsWith('k1.k2.')).toBe(true);
    expectCode(() => unwrapCaseKey(ring12, 'case-2', wrapped), CryptoErrorCode.AuthenticationFailed);
    expectCode(() => unwrapCaseKey(ring12, 'case-1', wrapped.replace(/^k1\.k2\./, 'k1.k1.')), CryptoErrorCode.AuthenticationFailed);
    expectCode(() => unwrapCaseKey(ring1, 'case-1', wrapped), CryptoErrorCode.UnknownKey);
    expectCode(() => unwrapCaseKey(ring12, 'case-1', 'garbage'), CryptoErrorCode.Malformed);
  });
});

describe('key rotation', () => {
  it('re-wraps data keys under the new master key without re-encrypting content', () => {
    const { dataKey, wrapped } = createCaseKey(ring1, 'case-1');
    const sealed = new CaseCipher(dataKey).seal('complaint.narrative', CANARY);
    expect(needsRewrap(ring12, wrapped)).toBe(true);
    const rewrapped = rewrapCaseKey(ring12, 'case-1', wrapped);
    expect(wrappingKeyId(rewrapped)).toBe('k2');
    expect(needsRewrap(ring12, rewrapped)).toBe(false);
    expect(rewrapCaseKey(ring12, 'case-1', rewrapped)).toBe(rewrapped); // idempotent
    // The old master key can now be retired: the very same sealed content opens under k2 alone.
    const reopened = unwrapCaseKey(ring2, 'case-1', rewrapped);
    expect(reopened.dataKeyId).toBe(dataKey.dataKeyId);
    expect(new CaseCipher(reopened).open('complaint.narrative', sealed)).toBe(CANARY);
    expectCode(() => unwrapCaseKey(ring2, 'case-1', wrapped), CryptoErrorCode.UnknownKey);
  });
});

describe('respondent matching key', () => {
  const mk = deriveMatchingKey(ring1);

  it('is derived with its own label: not the master key, and not an HMAC under it', () => {
    expect(mk.key).toHaveLength(32);
    expect(mk.key.equals(K1)).toBe(false);
    const direct = createHmac('sha256', K1).update('member-42').digest('base64url');
    expect(respondentMatchHash(mk, 'member-42')).not.toBe(direct);
    expect(deriveMatchingKey(ring1).key.equals(mk.key)).toBe(true);
    expect(deriveMatchingKey(ring12, 'k2').key.equals(mk.key)).toBe(false);
    expect(deriveMatchingKey(ring12, 'k1').key.equals(mk.key)).toBe(true);
  });

  it('gives the same entry for the same member id, and different ones otherwise', () => {
    expect(respondentMatchHash(mk, 'Member-42 ')).toBe(respondentMatchHash(mk, 'member-42'));
    expect(respondentMatchHash(mk, 'member-42')).not.toBe(respondentMatchHash(mk, 'member-43'));
    expectCode(() => respondentMatchHash(mk, '  '), CryptoErrorCode.Malformed);
  });
});

describe('master key check (every process on one database holds the same key)', () => {
  it('is an HMAC of a fixed label keyed with the key, never the key itself', () => {
    const check = masterKeyCheck(K1);
    expect(check).toBe(createHmac('sha256', K1).update('commons/discipline/master-key-check/v1').digest('hex'));
    expect(check).not.toContain(K1.toString('hex'));
    expect(masterKeyCheck(K2)).not.toBe(check);
  });

  it('agrees on the same active key, follows a rotation from a key still held, refuses a ring without the recorded key', () => {
    expect(keyAgreement(masterKeyCheck(K1), ring1)).toEqual({ kind: 'agreed' });
    expect(keyAgreement(masterKeyCheck(K1), ring12)).toEqual({ kind: 'rotated', fromKeyId: 'k1' });
    expect(keyAgreement(masterKeyCheck(K2), ring12)).toEqual({ kind: 'agreed' });
    expect(keyAgreement(masterKeyCheck(K2), ring1)).toEqual({ kind: 'refused' });
    expect(keyAgreement(masterKeyCheck(K1), ring2)).toEqual({ kind: 'refused' });
  });
});
