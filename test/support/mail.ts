import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestApp } from './test-app';

/**
 * The emails the test app has written as files (no SMTP_URL: the embedded default), decoded
 * enough to search: headers and the quoted-printable text part.
 */
function writtenMails(t: Pick<TestApp, 'db'>): string[] {
  const dir = path.join(t.db.config.dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
}

/**
 * The newest confirmation code for `address`: from its outbox message while it waits to be sent
 * (with REDIS_URL a worker process sends it, and tests run none), else from the email written once
 * sent — sending scrubs the code from the database.
 */
export async function confirmationCodeSentTo(t: Pick<TestApp, 'db'>, address: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const to = new RegExp(`^To: .*${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'im');
  for (;;) {
    const [pending] = await t.db.dataSource.query(
      `SELECT n.data->>'code' AS code FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id
        WHERE n.type = 'confirmation-code' AND lower(o.to_address) = lower($1) ORDER BY n.created_at DESC LIMIT 1`,
      [address],
    );
    if (pending?.code) return pending.code;
    for (const mail of writtenMails(t)) {
      const code = to.test(mail) ? /Your confirmation code is (\d{6})\./.exec(mail)?.[1] : undefined;
      if (code) return code;
    }
    if (Date.now() > deadline) throw new Error(`No confirmation code was emailed to ${address} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The token of the newest application-confirmation link sent to `address`: from its outbox
 * message while it waits to be sent, else from the email written once sent (sending scrubs it).
 */
export async function applicationTokenSentTo(t: Pick<TestApp, 'db'>, address: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const to = new RegExp(`^To: .*${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'im');
  for (;;) {
    const [pending] = await t.db.dataSource.query(
      `SELECT n.data->>'confirmUrl' AS url FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id
        WHERE n.type = 'application-confirmation' AND lower(o.to_address) = lower($1) ORDER BY n.created_at DESC LIMIT 1`,
      [address],
    );
    const fromDb = pending?.url ? new URL(pending.url).searchParams.get('token') : null;
    if (fromDb) return fromDb;
    for (const mail of writtenMails(t)) {
      const token = to.test(mail) ? /confirm-application\?token=([A-Za-z0-9_-]+)/.exec(mail)?.[1] : undefined;
      if (token) return token;
    }
    if (Date.now() > deadline) throw new Error(`No application confirmation link was emailed to ${address} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The types of the messages written to the outbox for `address` (sent or not); messages written at the same instant come in no set order. */
export async function messageTypesSentTo(t: Pick<TestApp, 'db'>, address: string): Promise<string[]> {
  const rows: { type: string }[] = await t.db.dataSource.query(
    `SELECT n.type FROM notifications.outbox o JOIN notifications.notices n ON n.id = o.notice_id WHERE lower(o.to_address) = lower($1) ORDER BY n.created_at, o.id`,
    [address],
  );
  return rows.map((r) => r.type);
}
