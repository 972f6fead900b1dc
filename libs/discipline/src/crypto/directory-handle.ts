import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { KEY_BYTES, KeyRing } from './key-ring';

/** HKDF labels: the directory's keys can never equal, or be used as, any other key. */
const HANDLE_KEY_INFO = 'discipline/directory-handle/aes-256-gcm/v1';
const SEARCHER_KEY_INFO = 'discipline/directory-searcher/hmac-sha256/v1';
const SALT = 'org.commons.discipline';
const VERSION = 'h1';

export interface DirectoryKeys {
  readonly masterKeyId: string;
  readonly handle: Buffer;
  readonly searcher: Buffer;
}

/** The complaints directory's keys, derived from the active master key. */
export function deriveDirectoryKeys(ring: KeyRing, masterKeyId: string = ring.activeKeyId): DirectoryKeys {
  const master = ring.keyFor(masterKeyId);
  return {
    masterKeyId,
    handle: Buffer.from(hkdfSync('sha256', master, SALT, HANDLE_KEY_INFO, KEY_BYTES)),
    searcher: Buffer.from(hkdfSync('sha256', master, SALT, SEARCHER_KEY_INFO, KEY_BYTES)),
  };
}

/**
 * Who searched, as the directory's budget counts it: a keyed hash, never the account id itself
 * (a list of who looked people up in the complaints directory would itself reveal something).
 */
export function searcherTag(keys: DirectoryKeys, searcher: string): string {
  return createHmac('sha256', keys.searcher).update(searcher, 'utf8').digest('base64url');
}

/**
 * An opaque handle for one directory answer: the member id, sealed with who searched and until
 * when it may be used (AES-256-GCM, a fresh IV each time — the same member gives a different
 * handle on every search, so handles cannot be collected to count or track members).
 */
export function sealDirectoryHandle(keys: DirectoryKeys, content: { memberId: string; searcher: string; expiresAt: number }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.handle, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const ct = Buffer.concat([cipher.update(JSON.stringify({ m: content.memberId, s: searcherTag(keys, content.searcher), e: content.expiresAt }), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
}

/** The member id behind a handle, if it is genuine, was given to this searcher and has not expired; otherwise null. */
export function openDirectoryHandle(keys: DirectoryKeys, handle: string, searcher: string, now: number): string | null {
  if (typeof handle !== 'string' || !handle.startsWith(`${VERSION}.`) || handle.length > 600) return null;
  try {
    const raw = Buffer.from(handle.slice(VERSION.length + 1), 'base64url');
    if (raw.length < 29) return null;
    const decipher = createDecipheriv('aes-256-gcm', keys.handle, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(raw.subarray(12, 28));
    const body = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as { m: string; s: string; e: number };
    if (body.s !== searcherTag(keys, searcher) || !(body.e > now)) return null;
    return body.m;
  } catch {
    return null;
  }
}
