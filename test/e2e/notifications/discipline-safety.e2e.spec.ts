import Redis from 'ioredis';
import { createNotificationsTestApp, MODES, RedisForTests, type NotificationsTestApp } from './support/notifications-app';
import { waitFor } from './support/wait';

/**
 * Discipline safety (S1, S11): a message about a case carries no case content — not in the
 * email, not in the queue payload, not in the stored row, not in the dead-letter list. Only
 * "there is something new in your case; sign in to read it" and a link.
 */
const redis = new RedisForTests();
afterAll(() => redis.close());

const CASE_CONTENT = ['harass', 'complain', 'respondent', 'witness', 'statement', 'panel', 'Case 2026', 'CCOM-'];

describe('case updates carry no case content', () => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode: 'direct' });
  });
  afterAll(() => t?.close());

  it('the type accepts no content fields, at compile time and at run time', async () => {
    const m = await t.make.member();
    await expect(
      t.enqueue({
        type: 'case-update',
        recipient: { memberId: m.id },
        essential: true,
        // @ts-expect-error — a case update has no fields at all; this line must stay a type error.
        data: { summary: 'The respondent denied harassing the complainant' },
      }),
    ).rejects.toMatchObject({ code: 'notification_invalid' });
    await expect(
      t.enqueue({ type: 'case-update', recipient: { memberId: m.id }, essential: true, data: { caseId: '3f1c2b9e-0a6d-4b8e-9d41-2f5e7c9a1b00' } as never }),
    ).rejects.toMatchObject({ code: 'notification_invalid' });
    const rows = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.notices WHERE type = 'case-update'`);
    expect(rows[0].n).toBe(0);
  });

  it('the email says only that there is something new, with a link; the stored row holds nothing else', async () => {
    const m = await t.make.signedInMember();
    const { noticeId, outboxIds } = await t.enqueue({ type: 'case-update', recipient: { memberId: m.id }, essential: true, data: {} });
    const mail = await waitFor('the case-update email', () => t.sink.accepted().find((x) => x.to === m.email));
    expect(mail.subject).toBe('There is something new in your case — Commons');
    expect(mail.text.trim()).toBe(
      [
        'There is something new in your case. Sign in to read it.',
        `Sign in to read it: ${t.config.publicUrl}/me/cases`,
        '--',
        'Commons. This message says only that something changed; what changed is visible only after signing in.',
      ].join('\n\n'),
    );
    for (const word of CASE_CONTENT) {
      expect(mail.text.toLowerCase()).not.toContain(word.toLowerCase());
      expect(mail.html.toLowerCase()).not.toContain(word.toLowerCase());
    }
    const [stored] = await t.db.dataSource.query(`SELECT type, data FROM notifications.notices WHERE id = $1`, [noticeId]);
    expect(stored).toEqual({ type: 'case-update', data: {} });
    expect(outboxIds).toHaveLength(1);
    const feed = await t.http().get('/me/notifications').set(m.auth);
    expect(feed.body.items[0]).toMatchObject({ type: 'case-update', title: 'There is something new in your case', body: 'There is something new in your case. Sign in to read it.', link: `${t.config.publicUrl}/me/cases` });
  });

  it('a failed case update is listed for operators without its recipient or the server’s reply text', async () => {
    const m = await t.make.member();
    t.sink.reply = ({ to }) => (to === m.email ? { code: 550, message: `5.1.1 <${m.email}>: Recipient address rejected` } : 'accept');
    const { outboxIds } = await t.enqueue({ type: 'case-update', recipient: { memberId: m.id }, essential: true, data: {} });
    await waitFor('failed', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'failed');
    t.sink.reply = () => 'accept';
    const operator = await t.make.signedInMember();
    await t.make.mandate(operator.id, 'STAFF', { role: 'staff' });
    const list = await t.http().get('/operations/dead-letters').set(operator.auth);
    const entry = list.body.items.find((i: { outboxId: string }) => i.outboxId === outboxIds[0]);
    expect(entry).toMatchObject({ type: 'case-update', confidential: true, recipient: null, lastError: null, lastReplyCode: 550 });
    expect(JSON.stringify(list.body)).not.toContain(m.email);
    expect(JSON.stringify(list.body)).not.toContain(m.id);
  });

  it('a confirmation code (e.g. before filing a complaint) is scrubbed once sent, and its failures name nobody', async () => {
    const address = `someone-${Date.now()}@elsewhere.example`;
    const sent = await t.enqueue({ type: 'confirmation-code', recipient: { email: address }, essential: true, data: { code: '493817', validMinutes: 15 } });
    const mail = await waitFor('the code email', () => t.sink.accepted().find((x) => x.to === address));
    expect(mail.text).toContain('Your confirmation code is 493817.');
    expect(mail.subject).toBe('Your confirmation code — Commons');
    await waitFor('sent', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [sent.outboxIds[0]]))[0].status === 'sent');
    const [stored] = await t.db.dataSource.query(`SELECT data FROM notifications.notices WHERE id = $1`, [sent.noticeId]);
    expect(stored.data).toEqual({ validMinutes: 15 });

    const other = `other-${Date.now()}@elsewhere.example`;
    t.sink.reply = ({ to }) => (to === other ? { code: 550, message: `5.1.1 <${other}> unknown` } : 'accept');
    const failed = await t.enqueue({ type: 'confirmation-code', recipient: { email: other }, essential: true, data: { code: '111222', validMinutes: 15 } });
    await waitFor('failed', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [failed.outboxIds[0]]))[0].status === 'failed');
    t.sink.reply = () => 'accept';
    const [scrubbed] = await t.db.dataSource.query(`SELECT data FROM notifications.notices WHERE id = $1`, [failed.noticeId]);
    expect(scrubbed.data).toEqual({ validMinutes: 15 });
    const operator = await t.make.signedInMember();
    await t.make.mandate(operator.id, 'STAFF', { role: 'staff' });
    const list = await t.http().get('/operations/dead-letters').set(operator.auth);
    expect(list.body.items.find((i: { outboxId: string }) => i.outboxId === failed.outboxIds[0])).toMatchObject({ type: 'confirmation-code', confidential: true, recipient: null });
    expect(JSON.stringify(list.body)).not.toContain(other);
  });
});

(MODES.includes('queue') ? describe : describe.skip)('the queue payload (queue transport)', () => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    // No worker: the jobs stay in Redis where the test can read them.
    t = await createNotificationsTestApp({ mode: 'queue', redisUrl: await redis.start(), worker: false });
  });
  afterAll(() => t?.close());

  it('a queued job is the outbox row id and nothing else — for every type', async () => {
    const m = await t.make.member();
    const caseUpdate = await t.enqueue({ type: 'case-update', recipient: { memberId: m.id }, essential: true, data: {} });
    const announcement = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'Private title', text: 'Private text' } });
    const client = new Redis(t.config.redisUrl as string);
    try {
      const jobs = await waitFor('both jobs queued', async () => {
        const keys = (await client.keys(`commons:${t.settings.queueName}:*`)).filter((k) => /:[0-9a-f-]{36}:\d+$/.test(k));
        return keys.length >= 2 ? keys : null;
      });
      const payloads = await Promise.all(jobs.map((k) => client.hget(k, 'data')));
      const data = payloads.map((p) => JSON.parse(p as string));
      expect(data).toEqual(expect.arrayContaining([{ outboxId: caseUpdate.outboxIds[0] }, { outboxId: announcement.outboxIds[0] }]));
      for (const d of data) expect(Object.keys(d)).toEqual(['outboxId']);
      expect(payloads.join(' ')).not.toMatch(/Private|@/);
    } finally {
      client.disconnect();
    }
  });
});
