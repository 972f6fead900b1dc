import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { NotificationsRuntime } from '@org/notifications';
import { createNotificationsTestApp, type NotificationsTestApp } from './support/notifications-app';
import { waitFor } from './support/wait';

/**
 * The embedded default: no SMTP_URL and no REDIS_URL. The API sends from the outbox itself and
 * each email becomes an `.eml` file under DATA_DIR/mail, named after its outbox row.
 */
describe('embedded default: in-process dispatcher writing .eml files', () => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode: 'direct', smtp: false });
  });
  afterAll(() => t?.close());

  it('runs the direct dispatcher with the file transport when neither SMTP_URL nor REDIS_URL is set', () => {
    expect(t.app.get(NotificationsRuntime).mode).toEqual({ transport: 'files', queue: false, dispatcher: 'direct', consuming: false });
  });

  it('writes the reset email to DATA_DIR/mail/<outbox id>.eml with its Message-ID', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    expect((await t.http().post('/auth/password-reset').send({ email: m.email })).status).toBe(202);
    // The reset is written after the answer (the same answer time for any address).
    const row = await waitFor('the outbox row', async () => (await t.db.dataSource.query(`SELECT id FROM notifications.outbox WHERE to_address = $1`, [m.email]))[0]);
    const file = path.join(t.config.dataDir, 'mail', `${row.id}.eml`);
    await waitFor('the .eml file', () => fs.existsSync(file));
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.messageId).toBe(`<outbox-${row.id}@commons.localhost>`);
    expect(mail.subject).toContain('Reset your password');
    expect((mail.to as { text: string }).text).toBe(m.email);
    expect(mail.text).toMatch(/reset-password\?token=/);
    await waitFor('the row marked sent', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [row.id]))[0].status === 'sent');
    expect(t.sink.received).toHaveLength(0);
  });

  it('readiness checks only the database when there is no Redis', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ database: 'ok' });
  });
});
