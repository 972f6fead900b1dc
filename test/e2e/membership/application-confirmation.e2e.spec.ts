import { PendingApplicationsScheduler } from '@org/membership';
import { FixedClock } from '@org/platform';
import { applicationTokenSentTo, messageTypesSentTo } from '../../support/mail';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * `POST /applications` is public: an application reaches the branch secretary only once the
 * applicant has confirmed their e-mail address with the single-use link sent to it; unconfirmed
 * applications expire; applications are limited per client and per e-mail address (429 with
 * `Retry-After`). Clients are told apart by `X-Forwarded-For`, trusted here from loopback only.
 */
const saved = { TRUST_PROXY: process.env.TRUST_PROXY };

describe('membership: an application is confirmed by e-mail before a secretary sees it', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-03-10T10:00:00Z'));
  let client = 0;
  const nextClient = () => `198.51.100.${(client++ % 250) + 1}`;
  const apply = (body: Record<string, unknown>, from = nextClient()) => t.http().post('/applications').set('x-forwarded-for', from).send({ branchId: branch, ...body });
  const confirm = (token: string) => t.http().post('/applications/confirm').send({ token });
  const waiting = async () => (await t.http().get('/members').query({ status: 'applicant' }).set(secretary.auth)).body.items.map((x: { lastName: string }) => x.lastName);
  const inRegister = async (email: string) => Number((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.members WHERE lower(email) = lower($1)`, [email]))[0].n);

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    branch = await t.make.branch('Confirmation branch');
    secretary = await f.secretary(branch);
  });
  afterAll(async () => {
    await t.close();
    if (saved.TRUST_PROXY === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved.TRUST_PROXY;
  });

  it('an application is not in the register until the applicant opens the link; the link works once', async () => {
    const res = await apply({ firstName: 'Clara', lastName: 'Confirmer', email: 'Clara.Confirmer@example.org' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: expect.stringMatching(/Check your e-mail/), expiresAt: '2026-03-12T10:00:00.000Z' });
    expect(res.body.memberId).toBeUndefined();
    expect(await inRegister('clara.confirmer@example.org')).toBe(0);
    expect(await waiting()).not.toContain('Confirmer');

    const token = await applicationTokenSentTo(t, 'clara.confirmer@example.org');
    // Only the token's hash is stored.
    const stored = await t.db.dataSource.query(`SELECT token_hash FROM membership.pending_applications WHERE email = 'clara.confirmer@example.org'`);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);

    const ok = await confirm(token);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'applicant', memberNumber: expect.stringMatching(/^M\d+$/) });
    expect(await waiting()).toContain('Confirmer');
    const detail = (await t.http().get(`/members/${ok.body.memberId}`).set(secretary.auth)).body;
    expect(detail).toMatchObject({ email: 'clara.confirmer@example.org', status: 'applicant' });
    expect(await t.db.dataSource.query(`SELECT 1 FROM membership.pending_applications WHERE email = 'clara.confirmer@example.org'`)).toEqual([]);

    const again = await confirm(token);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'application_link_invalid', details: { field: 'token' } });
    expect(await inRegister('clara.confirmer@example.org')).toBe(1);
  });

  it('the caller gets the same 202 whatever the address; an address of a member or an account is told so, and nothing is kept', async () => {
    const member = await t.make.member({ branchId: branch, email: 'already.member@example.org' });
    await t.db.dataSource.query(`INSERT INTO identity.accounts (email) VALUES ('staff.account@example.org')`);
    const fresh = await apply({ firstName: 'Nina', lastName: 'Newcomer', email: 'nina.newcomer@example.org' });
    const asMember = await apply({ firstName: 'Someone', lastName: 'Else', email: 'Already.Member@example.org' });
    const asAccount = await apply({ firstName: 'Someone', lastName: 'Else', email: 'staff.account@example.org' });
    for (const res of [fresh, asMember, asAccount]) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual(fresh.body);
    }
    expect(await messageTypesSentTo(t, 'nina.newcomer@example.org')).toEqual(['application-confirmation']);
    for (const address of ['already.member@example.org', 'staff.account@example.org']) {
      expect(await messageTypesSentTo(t, address)).toEqual(['membership-exists']);
      expect(await t.db.dataSource.query(`SELECT 1 FROM membership.pending_applications WHERE email = $1`, [address])).toEqual([]);
    }
    // The message carries nothing: no secret, no name.
    const [{ data }] = await t.db.dataSource.query(
      `SELECT n.data FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id WHERE n.type = 'membership-exists' AND lower(o.to_address) = 'already.member@example.org'`,
    );
    expect(data).toEqual({});
    expect(await inRegister('already.member@example.org')).toBe(1);
    expect((await t.http().get(`/members/${member.id}`).set(secretary.auth)).body.firstName).not.toBe('Someone');
    // Refusals that do not depend on the address stay.
    const nowhere = await apply({ firstName: 'X', email: 'already.member@example.org', branchId: '00000000-0000-4000-8000-000000000000' });
    expect(nowhere.status).toBe(404);
  });

  it('an account whose member is a former member does not hold the address; a current member\'s account does, whatever the register\'s address', async () => {
    // Asked of identity (whose accounts use the address), the statuses read in the register.
    const former = await t.make.member({ branchId: null, status: 'resigned', email: 'former.member@example.org' });
    await t.db.dataSource.query(`INSERT INTO identity.accounts (email, member_id) VALUES ('former.member@example.org', $1)`, [former.id]);
    const current = await t.make.member({ branchId: branch, email: 'register.address@example.org' });
    await t.db.dataSource.query(`INSERT INTO identity.accounts (email, member_id) VALUES ('Sign.In.Address@example.org', $1)`, [current.id]);
    expect((await apply({ firstName: 'Fiona', lastName: 'Former', email: 'former.member@example.org' })).status).toBe(202);
    expect((await apply({ firstName: 'Someone', lastName: 'Else', email: 'sign.in.address@example.org' })).status).toBe(202);
    expect(await messageTypesSentTo(t, 'former.member@example.org')).toEqual(['application-confirmation']);
    expect(await messageTypesSentTo(t, 'sign.in.address@example.org')).toEqual(['membership-exists']);
  });

  it('an unconfirmed application expires: its link no longer works and the kept copy is deleted', async () => {
    expect((await apply({ firstName: 'Eve', lastName: 'Expired', email: 'eve.expired@example.org' })).status).toBe(202);
    const token = await applicationTokenSentTo(t, 'eve.expired@example.org');
    clock.advance(48 * 3600_000 + 1000);
    const late = await confirm(token);
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('application_link_invalid');
    expect(await inRegister('eve.expired@example.org')).toBe(0);
    // The next application clears expired ones.
    expect((await apply({ firstName: 'Next', lastName: 'Applicant', email: 'next.applicant@example.org' })).status).toBe(202);
    expect(await t.db.dataSource.query(`SELECT 1 FROM membership.pending_applications WHERE email = 'eve.expired@example.org'`)).toEqual([]);
  });

  it('expired unconfirmed applications are deleted on a schedule too, without waiting for another application', async () => {
    const kept = async (email: string) => (await t.db.dataSource.query(`SELECT 1 FROM membership.pending_applications WHERE email = $1`, [email])).length;
    expect((await apply({ firstName: 'Olga', lastName: 'Old', email: 'olga.old@example.org' })).status).toBe(202);
    clock.advance(47 * 3600_000);
    expect((await apply({ firstName: 'Yuri', lastName: 'Young', email: 'yuri.young@example.org' })).status).toBe(202);
    clock.advance(3600_000 + 1000);
    const [{ expired }] = await t.db.dataSource.query(`SELECT count(*)::int AS expired FROM membership.pending_applications WHERE expires_at <= $1`, [clock.now()]);
    expect(expired).toBeGreaterThanOrEqual(1);
    const scheduler = t.app.get(PendingApplicationsScheduler);
    expect(await scheduler.sweep()).toBe(expired);
    expect(await kept('olga.old@example.org')).toBe(0);
    expect(await kept('yuri.young@example.org')).toBe(1);
    expect(await scheduler.sweep()).toBe(0);
  });

  it('an online application needs an e-mail address; a made-up token is refused', async () => {
    const none = await apply({ firstName: 'No', lastName: 'Address' });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('email');
    const bad = await confirm('x'.repeat(43));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('application_link_invalid');
  });

  it('applications are limited per client (10 an hour) and per e-mail address (3 an hour): 429 with Retry-After', async () => {
    const from = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await apply({ firstName: 'Spam', lastName: `Client ${i}`, email: `spam-${i}@example.org` }, from)).status);
    expect(statuses).toEqual(Array(10).fill(202));
    const over = await apply({ firstName: 'Spam', lastName: 'Client 10', email: 'spam-10@example.org' }, from);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('too_many_attempts');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await apply({ firstName: 'Other', lastName: 'Client', email: 'other.client@example.org' })).status).toBe(202);

    const mailbox = 'flooded.mailbox@example.org';
    const perAddress: number[] = [];
    for (let i = 0; i < 4; i++) perAddress.push((await apply({ firstName: 'Flood', lastName: `N${i}`, email: mailbox })).status);
    expect(perAddress).toEqual([202, 202, 202, 429]);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications.outbox o JOIN notifications.notices x ON x.id = o.notice_id WHERE x.type = 'application-confirmation' AND lower(o.to_address) = $1`,
      [mailbox],
    );
    expect(n).toBe(3);
  });
});
