import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Clock } from '@org/platform';
import { createWorker } from '../../apps/worker/src/bootstrap';
import type { TestApp } from './test-app';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Quoted-printable bytes → UTF-8 text. */
const qp = (s: string): string => Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/** Headers with their encoded words (`=?UTF-8?Q?…?=`, folded) decoded, and the quoted-printable parts. */
function decodeMail(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw
    .slice(0, split)
    .replace(/\?=\r?\n[ \t]+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, w: string) => qp(w.replace(/_/g, ' ')))
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, w: string) => Buffer.from(w, 'base64').toString('utf8'));
  return `${head}${qp(raw.slice(split))}`;
}

/** The e-mails written to the mail folder (no SMTP_URL), quoted-printable decoded. */
export function mailsTo(t: Pick<TestApp, 'db'>, address: string): string[] {
  const dir = path.join(t.db.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  const to = new RegExp(`^To: .*${escape(address)}`, 'im');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort((a, b) => fs.statSync(path.join(dir, a)).mtimeMs - fs.statSync(path.join(dir, b)).mtimeMs)
    .map((f) => decodeMail(fs.readFileSync(path.join(dir, f), 'utf8')))
    .filter((mail) => to.test(mail));
}

/**
 * The newest link labelled `label` e-mailed to `address`, read from the mail folder once the
 * in-process dispatcher has sent it (sending scrubs the link from the database).
 */
export async function linkMailedTo(t: Pick<TestApp, 'db'>, address: string, label: 'Activate your account' | 'Confirm this address', timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const re = new RegExp(`${escape(label)}: (\\S+)`);
  for (;;) {
    const found = mailsTo(t, address)
      .map((m) => re.exec(m)?.[1])
      .filter((x): x is string => !!x);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`No "${label}" link was e-mailed to ${address} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many "Activate your account" links went to `address` (waits until at least `atLeast`). */
export async function activationLinksTo(t: Pick<TestApp, 'db'>, address: string, atLeast: number, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const links = mailsTo(t, address)
      .map((m) => /Activate your account: (\S+)/.exec(m)?.[1])
      .filter((x): x is string => !!x);
    if (links.length >= atLeast || Date.now() > deadline) return links;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const tokenOf = (link: string): string => new URL(link).searchParams.get('token') as string;

/**
 * With REDIS_URL the API only queues e-mails and a worker process sends them: start one in-process
 * (writing to the same mail folder), as a deployment runs one. Without Redis the API sends itself
 * and this returns null.
 */
export async function startMailWorker(t: Pick<TestApp, 'db'>, clock?: Clock): Promise<INestApplicationContext | null> {
  if (!t.db.config.redisUrl) return null;
  return createWorker({ config: t.db.config, embedded: t.db.embedded, clock });
}
