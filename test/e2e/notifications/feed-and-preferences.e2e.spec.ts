import { createNotificationsTestApp, type NotificationsTestApp } from './support/notifications-app';
import { sleep, waitFor } from './support/wait';

const OUTCOME = {
  respondentName: 'Sam Example',
  rule: 'Code of conduct 2.1 (harassment)',
  upheld: true,
  sanction: { kind: 'suspension' as const, suspendedUntil: '2027-05-01' },
  panelSanction: null,
  decidedOn: '2026-10-01',
  finalOn: '2026-11-01',
  panelVote: { uphold: 2, notUphold: 1 },
  appealOutcome: null,
};

describe('the member feed and email preferences', () => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode: 'direct' });
  });
  afterAll(() => t?.close());

  const feed = (auth: Record<string, string>, q = '') => t.http().get(`/me/notifications${q}`).set(auth);

  it('lists every notice a member was sent, newest first, with read/unread, and marks one read (audited)', async () => {
    const m = await t.make.signedInMember();
    await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: false, data: { title: 'First', text: 'one' } });
    await sleep(5);
    const second = await t.enqueue({ type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Ana' } });
    const res = await feed(m.auth);
    expect(res.status).toBe(200);
    expect(res.body.unreadCount).toBe(2);
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Welcome to Commons', 'First']);
    expect(res.body.items[0]).toMatchObject({ id: second.noticeId, type: 'welcome', read: false, readAt: null });
    expect(res.body.items[0].body).toContain('Control Commission');

    const read = await t.http().post(`/me/notifications/${second.noticeId}/read`).set(m.auth);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(second.noticeId);
    const again = await t.http().post(`/me/notifications/${second.noticeId}/read`).set(m.auth);
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = await feed(m.auth);
    expect(after.body.unreadCount).toBe(1);
    expect(after.body.items[0]).toMatchObject({ read: true, readAt: read.body.readAt });
    const unread = await feed(m.auth, '?unread=true');
    expect(unread.body.items.map((i: { title: string }) => i.title)).toEqual(['First']);
    const audit = await t.db.dataSource.query(`SELECT action, actor_id FROM audit.entries WHERE subject_id = $1 AND action = 'notification.read'`, [second.noticeId]);
    expect(audit).toEqual([{ action: 'notification.read', actor_id: m.id }]);
  });

  it('pages with a cursor', async () => {
    const m = await t.make.signedInMember();
    for (let i = 0; i < 5; i++) {
      await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: false, data: { title: `N${i}`, text: 'x' } });
      await sleep(3);
    }
    const p1 = await feed(m.auth, '?limit=2');
    expect(p1.body.items.map((i: { title: string }) => i.title)).toEqual(['N4', 'N3']);
    const p2 = await feed(m.auth, `?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((i: { title: string }) => i.title)).toEqual(['N2', 'N1']);
    const p3 = await feed(m.auth, `?limit=2&cursor=${p2.body.nextCursor}`);
    expect(p3.body.items.map((i: { title: string }) => i.title)).toEqual(['N0']);
    expect(p3.body.nextCursor).toBeNull();
    expect((await feed(m.auth, '?limit=500')).status).toBe(400);
    expect((await feed(m.auth, '?cursor=garbage')).body.code).toBe('invalid_cursor');
  });

  it("a member cannot read or mark another member's notice", async () => {
    const a = await t.make.signedInMember();
    const b = await t.make.signedInMember();
    const n = await t.enqueue({ type: 'announcement', recipient: { memberId: a.id }, essential: false, data: { title: 'For A only', text: 'x' } });
    const res = await t.http().post(`/me/notifications/${n.noticeId}/read`).set(b.auth);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('notification_not_found');
    expect(JSON.stringify((await feed(b.auth)).body)).not.toContain('For A only');
    expect((await t.http().get('/me/notifications')).status).toBe(401);
    expect((await t.http().post(`/me/notifications/not-a-uuid/read`).set(a.auth)).status).toBe(400);
  });

  it('preferences: non-essential email off → announcements reach the feed only; outcome notices, election notices and ballots are emailed and in the feed anyway', async () => {
    const m = await t.make.signedInMember();
    const get0 = await t.http().get('/me/notification-preferences').set(m.auth);
    expect(get0.status).toBe(200);
    expect(get0.body).toMatchObject({ emailNonEssential: true, emailConsent: true });
    expect(get0.body.alwaysEmailed).toEqual(expect.arrayContaining(['outcome-notice', 'election-notice', 'ballot', 'case-update']));
    expect(get0.body.alwaysInFeed).toEqual(expect.arrayContaining(['outcome-notice', 'election-notice', 'ballot']));

    const put = await t.http().put('/me/notification-preferences').set(m.auth).send({ emailNonEssential: false });
    expect(put.status).toBe(200);
    expect(put.body.emailNonEssential).toBe(false);
    expect((await t.http().get('/me/notification-preferences').set(m.auth)).body.emailNonEssential).toBe(false);
    const audit = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE subject_id = $1 AND action = 'preferences.changed'`, [m.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ emailNonEssential: false, before: true });

    const announcement = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: false, data: { title: 'Social', text: 'Picnic' } });
    const subs = await t.enqueue({ type: 'subs-reminder', recipient: { memberId: m.id }, essential: false, data: { arrearsMonths: 2, paidThrough: '2026-08-31' } });
    // A caller cannot make an outcome notice non-essential: the type is essential whatever it says.
    const outcome = await t.enqueue({ type: 'outcome-notice', recipient: { memberId: m.id }, essential: false, data: OUTCOME });
    const election = await t.enqueue({
      type: 'election-notice',
      recipient: { memberId: m.id },
      essential: false,
      data: { electionId: '3f1c2b9e-0a6d-4b8e-9d41-2f5e7c9a1b00', electionTitle: 'Central Committee 2027', stage: 'result', summary: 'Elected: A, B, C.' },
    });
    const ballot = await t.enqueue({
      type: 'ballot',
      recipient: { memberId: m.id },
      essential: false,
      data: { electionId: '3f1c2b9e-0a6d-4b8e-9d41-2f5e7c9a1b00', electionTitle: 'Central Committee 2027', votingClosesAt: '2027-01-10T18:00:00.000Z' },
    });
    expect(announcement.outboxIds).toEqual([]);
    expect(subs.outboxIds).toEqual([]);
    expect(outcome.outboxIds).toHaveLength(1);
    expect(election.outboxIds).toHaveLength(1);
    expect(ballot.outboxIds).toHaveLength(1);
    const items = (await feed(m.auth, '?limit=50')).body.items.map((i: { type: string }) => i.type);
    expect(items).toEqual(expect.arrayContaining(['announcement', 'subs-reminder', 'outcome-notice', 'election-notice', 'ballot']));
    await waitFor('the three essential emails', () => t.sink.accepted().filter((x) => x.to === m.email).length === 3);
    await sleep(300);
    const subjects = t.sink.accepted().filter((x) => x.to === m.email).map((x) => x.subject);
    expect(subjects.some((s) => s.startsWith('Outcome of a disciplinary case'))).toBe(true);
    expect(subjects.some((s) => /Social|subs/i.test(s))).toBe(false);

    await t.http().put('/me/notification-preferences').set(m.auth).send({ emailNonEssential: true });
    const back = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: false, data: { title: 'Social 2', text: 'x' } });
    expect(back.outboxIds).toHaveLength(1);
  });

  it('without consent to email, only essential email is sent; the feed still gets everything', async () => {
    const m = await t.make.signedInMember();
    await t.db.dataSource.query(`UPDATE membership.members SET email_consent = false WHERE id = $1`, [m.id]);
    const a = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: false, data: { title: 'x', text: 'x' } });
    const b = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'Branch AGM', text: 'x' } });
    expect(a.outboxIds).toEqual([]);
    expect(b.outboxIds).toHaveLength(1);
    expect((await feed(m.auth)).body.items).toHaveLength(2);
    expect((await t.http().get('/me/notification-preferences').set(m.auth)).body.emailConsent).toBe(false);
  });

  it('validates the preference body and refuses accounts without a member record', async () => {
    const m = await t.make.signedInMember();
    const bad = await t.http().put('/me/notification-preferences').set(m.auth).send({ emailNonEssential: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    const extra = await t.http().put('/me/notification-preferences').set(m.auth).send({ emailNonEssential: true, other: 1 });
    expect(extra.status).toBe(400);
    const email = `acct-${Date.now()}@test.localhost`;
    await t.make.account(null, email);
    const token = await t.make.login(email);
    const res = await t.http().get('/me/notification-preferences').set({ Authorization: `Bearer ${token}` });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('no_member_record');
  });

  it('a dedupe key writes a message once', async () => {
    const m = await t.make.signedInMember();
    const first = await t.enqueue({ type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Bo' }, dedupeKey: `welcome:${m.id}` });
    const second = await t.enqueue({ type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Bo' }, dedupeKey: `welcome:${m.id}` });
    expect(second).toMatchObject({ noticeId: first.noticeId, outboxIds: first.outboxIds, duplicate: true });
    expect((await feed(m.auth)).body.items).toHaveLength(1);
  });

  it('nothing is written when the caller’s transaction rolls back', async () => {
    const m = await t.make.signedInMember();
    await expect(
      t.ds.transaction(async (mgr) => {
        await t.outbox.enqueue(mgr, { type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Cy' } });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect((await feed(m.auth)).body.items).toHaveLength(0);
    const rows = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE member_id = $1`, [m.id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses to write outside a transaction', async () => {
    const m = await t.make.member();
    await expect(t.outbox.enqueue(t.ds.manager, { type: 'welcome', recipient: { memberId: m.id }, essential: true, data: { firstName: 'Di' } })).rejects.toThrow(/inside the transaction/);
  });
});
