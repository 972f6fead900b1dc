import { outboxIdOf } from '@org/notifications';
import { createNotificationsTestApp, messageIdOf, MODES, RedisForTests, type NotificationsTestApp } from './support/notifications-app';
import { waitFor } from './support/wait';

/**
 * The delivery rules, the same in both transports: the in-process dispatcher (no REDIS_URL) and
 * bull workers (REDIS_URL), each against a real SMTP server (in-process, parsed back).
 */
const redis = new RedisForTests();
afterAll(() => redis.close());

describe.each(MODES)('delivery rules — %s transport', (mode) => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode, redisUrl: mode === 'queue' ? await redis.start() : null });
  });
  afterAll(() => t?.close());

  /** The invariant of every scenario: nothing lost — delivered + permanently failed = rows. */
  afterEach(async () => {
    const c = await waitFor('every outbox row delivered or failed', async () => {
      const c = await t.counts();
      return c.pending === 0 ? c : null;
    });
    expect(c.sent + c.failed).toBe(c.total);
  });

  it('a password reset is written in the request, sent afterwards, and its link works once', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    const before = Date.now();
    const res = await t.http().post('/auth/password-reset').send({ email: m.email });
    expect(res.status).toBe(202);
    expect(Date.now() - before).toBeLessThan(2000);
    const mail = await waitFor('the reset email', () => t.sink.accepted().find((x) => x.to === m.email));
    const [row] = await t.db.dataSource.query(`SELECT o.id, o.status, n.data FROM notifications.outbox o JOIN notifications.notices n ON n.id = o.notice_id WHERE o.to_address = $1`, [m.email]);
    // The Message-ID is derived from the outbox row.
    expect(mail.messageId).toBe(messageIdOf(row.id, t.config));
    expect(outboxIdOf(mail.messageId)).toBe(row.id);
    expect(mail.subject).toContain('Reset your password');
    const link = /https?:\/\/\S+reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    // The stored copy no longer holds the secret link.
    await waitFor('the row marked sent', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [row.id]))[0].status === 'sent');
    const [stored] = await t.db.dataSource.query(`SELECT data, scrubbed_at FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id WHERE o.id = $1`, [row.id]);
    expect(JSON.stringify(stored.data)).not.toContain(link![1]);
    expect(stored.scrubbed_at).not.toBeNull();
    const confirm = await t.http().post('/auth/password-reset/confirm').send({ token: link![1], newPassword: 'a-brand-new-password' });
    expect(confirm.status).toBe(200);
    expect((await t.http().post('/auth/login').send({ email: m.email, password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('SMTP 421 is retried later with backoff and then delivered, always with the same Message-ID', async () => {
    const m = await t.make.member();
    t.sink.reply = ({ to, attempt }) => (to === m.email && attempt <= 2 ? { code: 421, message: 'Service not available, try again later' } : 'accept');
    const { outboxIds } = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'Branch meeting', text: 'Thursday at 7.' } });
    expect(outboxIds).toHaveLength(1);
    await waitFor('delivery after two 421s', () => t.sink.accepted().some((x) => x.to === m.email));
    const tries = t.sink.received.filter((x) => x.to === m.email);
    expect(tries.map((x) => x.reply)).toEqual([421, 421, 250]);
    expect(new Set(tries.map((x) => x.messageId))).toEqual(new Set([messageIdOf(outboxIds[0], t.config)]));
    // Backoff: base 150 ms then 300 ms, ±20 %, plus polling — never immediately.
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(110);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(230);
    await waitFor('row sent', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'sent');
    const [row] = await t.db.dataSource.query(`SELECT status, attempts FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(row).toEqual({ status: 'sent', attempts: 3 });
    t.sink.reply = () => 'accept';
  });

  it('SMTP 421 for ever: gives up after the attempt limit, and the message is listed as failed', async () => {
    const m = await t.make.member();
    t.sink.reply = ({ to }) => (to === m.email ? { code: 421, message: 'Too busy' } : 'accept');
    const { outboxIds } = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'T', text: 'x' } });
    const row = await waitFor('failed after 4 attempts', async () => {
      const [r] = await t.db.dataSource.query(`SELECT status, attempts, last_reply_code FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
      return r.status === 'failed' ? r : null;
    });
    expect(row).toMatchObject({ attempts: 4, last_reply_code: 421 });
    expect(t.sink.received.filter((x) => x.to === m.email)).toHaveLength(4);
    t.sink.reply = () => 'accept';
  });

  it('SMTP 550 fails permanently at once and shows in the dead-letter list (recipient and type, no content)', async () => {
    const m = await t.make.member();
    t.sink.reply = ({ to }) => (to === m.email ? { code: 550, message: 'Mailbox unavailable' } : 'accept');
    const { outboxIds } = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'Secret plans', text: 'Private words in the body' } });
    await waitFor('failed', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'failed');
    const [row] = await t.db.dataSource.query(`SELECT attempts, last_reply_code FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(row).toEqual({ attempts: 1, last_reply_code: 550 });
    expect(t.sink.received.filter((x) => x.to === m.email)).toHaveLength(1);

    const operator = await t.make.signedInMember();
    await t.make.mandate(operator.id, 'STAFF', { role: 'staff' });
    const list = await t.http().get('/operations/dead-letters').set(operator.auth);
    expect(list.status).toBe(200);
    const entry = list.body.items.find((i: { outboxId: string }) => i.outboxId === outboxIds[0]);
    expect(entry).toMatchObject({ type: 'announcement', confidential: false, recipient: { memberId: m.id, email: m.email }, attempts: 1, lastReplyCode: 550 });
    expect(JSON.stringify(list.body)).not.toMatch(/Secret plans|Private words/);
    t.sink.reply = () => 'accept';
  });

  it('the dead-letter list is refused to members without a STAFF mandate, and to the EC', async () => {
    const plain = await t.make.signedInMember();
    const ec = await t.make.signedInMember();
    await t.make.mandate(ec.id, 'EC');
    expect((await t.http().get('/operations/dead-letters').set(plain.auth)).status).toBe(403);
    expect((await t.http().get('/operations/dead-letters').set(ec.auth)).status).toBe(403);
    expect((await t.http().get('/operations/dead-letters')).status).toBe(401);
  });

  it('any 5xx reply (here 553) fails permanently after one attempt', async () => {
    const m = await t.make.member();
    t.sink.reply = ({ to }) => (to === m.email ? { code: 553, message: 'Requested action not taken: mailbox name not allowed' } : 'accept');
    const { outboxIds } = await t.enqueue({ type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Ana' } });
    await waitFor('failed', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'failed');
    const [row] = await t.db.dataSource.query(`SELECT attempts, last_reply_code FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(row).toEqual({ attempts: 1, last_reply_code: 553 });
    t.sink.reply = () => 'accept';
  });
});
