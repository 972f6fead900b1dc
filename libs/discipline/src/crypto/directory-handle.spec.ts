import { randomBytes } from 'node:crypto';
import { deriveDirectoryKeys, openDirectoryHandle, sealDirectoryHandle, searcherTag } from './directory-handle';
import { KeyRing } from './key-ring';

const ring = KeyRing.create([{ keyId: 'k1', key: randomBytes(32) }], 'k1');
const other = KeyRing.create([{ keyId: 'k1', key: randomBytes(32) }], 'k1');
const keys = deriveDirectoryKeys(ring);
const MEMBER = '5b0c2d8e-7f43-4f4a-9a55-2b7d7a0e9a11';

describe('directory handles', () => {
  const handle = sealDirectoryHandle(keys, { memberId: MEMBER, searcher: 'id:alice', expiresAt: 2_000 });

  it('carry no member id, differ on every search, and open only for the searcher, before expiry, under the same key', () => {
    expect(handle).not.toContain(MEMBER);
    expect(Buffer.from(handle.slice(3), 'base64url').toString('latin1')).not.toContain(MEMBER);
    expect(sealDirectoryHandle(keys, { memberId: MEMBER, searcher: 'id:alice', expiresAt: 2_000 })).not.toEqual(handle);
    expect(openDirectoryHandle(keys, handle, 'id:alice', 1_999)).toBe(MEMBER);
    expect(openDirectoryHandle(keys, handle, 'id:bob', 1_999)).toBeNull();
    expect(openDirectoryHandle(keys, handle, 'id:alice', 2_000)).toBeNull();
    expect(openDirectoryHandle(deriveDirectoryKeys(other), handle, 'id:alice', 1_000)).toBeNull();
  });

  it('refuse anything altered or malformed', () => {
    const raw = Buffer.from(handle.slice(3), 'base64url');
    for (let i = 0; i < raw.length; i += 7) {
      const bent = Buffer.from(raw);
      bent[i] ^= 0x01;
      expect(openDirectoryHandle(keys, `h1.${bent.toString('base64url')}`, 'id:alice', 1_000)).toBeNull();
    }
    for (const bad of ['', 'h1.', 'h2.abc', MEMBER, 'x'.repeat(700)]) expect(openDirectoryHandle(keys, bad, 'id:alice', 1_000)).toBeNull();
  });

  it('count searchers by a keyed tag, never the id', () => {
    const tag = searcherTag(keys, 'id:alice');
    expect(tag).not.toContain('alice');
    expect(searcherTag(keys, 'id:alice')).toBe(tag);
    expect(searcherTag(deriveDirectoryKeys(other), 'id:alice')).not.toBe(tag);
  });
});
