import { InvitationNotifier } from '@org/identity';
import { OutboxInvitationNotifier } from '@org/notifications';
import { FixedClock } from '@org/platform';
import { activationLinksTo, linkMailedTo, mailsTo, startMailWorker, tokenOf } from '../../support/invitations';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status,email_consent';
const DAY = 86_400_000;

/** A switch a test flips to make the next welcome fail, inside the admitting transaction. */
const failures = { nextWelcome: false };

describe('member accounts: opened on admission and import, invitations, activation, welcome (S14), address change, end of access', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startMailWorker>>;
  let f: MembershipFactories;
  let branch: string;
  let branchCode: string;
  let otherBranch: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  let otherSecretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  let ecChair: Awaited<ReturnType<TestApp['make']['signedInMember']>>;
  const clock = new FixedClock(new Date('2026-06-01T10:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      overrides: [
        {
          provide: InvitationNotifier,
          inject: [OutboxInvitationNotifier],
          useFactory: (real: OutboxInvitationNotifier) =>
            Object.assign(Object.create(real), {
              welcome: async (...args: Parameters<OutboxInvitationNotifier['welcome']>) => {
                if (failures.nextWelcome) {
                  failures.nextWelcome = false;
                  throw new Error('simulated failure while writing the welcome');
                }
                return real.welcome(...args);
              },
            }),
        },
      ],
    });
    worker = await startMailWorker(t, clock);
    f = new MembershipFactories(t);
    branch = await t.make.branch('Accounts branch');
    otherBranch = await t.make.branch('Other branch');
    [{ code: branchCode }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [branch]);
    secretary = await f.secretary(branch);
    otherSecretary = await f.secretary(otherBranch);
    ecChair = await t.make.signedInMember({ branchId: otherBranch });
    await t.make.mandate(ecChair.id, 'EC', { role: 'chair' });
    const commissioner = await t.make.member({ branchId: otherBranch, firstName: 'Clara', lastName: 'Commissioner' });
    await t.make.mandate(commissioner.id, 'CCOM', { startsOn: '2025-01-01' });
    const published = await t
      .http()
      .post('/code-of-conduct/versions')
      .set(ecChair.auth)
      .send({ title: 'Code of Conduct 2026', text: 'We treat each other with respect.\n\nHarassment is never acceptable.' });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 1 });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  /**
   * An applicant: online, confirmed from the address (POST /applications, then the e-mailed link);
   * without an address, as the secretary records a paper application (straight into the register).
   */
  const apply = async (firstName: string, email?: string): Promise<string> => {
    if (email) {
      const confirmed = await f.applyConfirmed({ branchId: branch, firstName, lastName: 'Newcomer', email, emailConsent: true });
      expect(confirmed.status).toBe(201);
      return confirmed.body.memberId as string;
    }
    const { id } = await t.make.member({ status: 'applicant', firstName, lastName: 'Newcomer', joinedOn: '2026-05-01', periods: [] });
    await t.db.dataSource.query(`UPDATE membership.members SET email = NULL, joined_on = NULL, application_branch_id = $2 WHERE id = $1`, [id, branch]);
    return id;
  };
  const admit = (id: string) => t.http().post(`/members/${id}/admit`).set(secretary.auth).send({});
  const accountsOf = async (memberId: string) => t.db.dataSource.query(`SELECT id, email, password_hash FROM identity.accounts WHERE member_id = $1`, [memberId]);
  const activate = (body: Record<string, unknown>) => t.http().post('/auth/activate').send(body);

  it('admit → account without a password, invitation and welcome mailed → activate → sign in → acknowledge the code of conduct', async () => {
    const id = await apply('Ana', 'ana.newcomer@example.org');
    expect(await accountsOf(id)).toEqual([]);
    expect((await admit(id)).status).toBe(200);
    const [account] = await accountsOf(id);
    expect(account).toMatchObject({ email: 'ana.newcomer@example.org', password_hash: null });
    // Only the hash of the link's token is stored.
    const link = await linkMailedTo(t, 'ana.newcomer@example.org', 'Activate your account');
    expect(link).toMatch(/^http:\/\/localhost:3000\/activate\?token=/);
    const stored = await t.db.dataSource.query(`SELECT secret_hash, expires_at FROM identity.invitations WHERE member_id = $1`, [id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].secret_hash).not.toContain(tokenOf(link));
    expect(new Date(stored[0].expires_at).toISOString()).toBe('2026-06-15T10:00:00.000Z');
    // The welcome: the code's text, how to raise something privately, who sits on the commission.
    const welcome = mailsTo(t, 'ana.newcomer@example.org').find((m) => /Subject: Welcome/.test(m)) ?? (await waitForMail('ana.newcomer@example.org', /Subject: Welcome/));
    expect(welcome).toContain('Harassment is never acceptable.');
    expect(welcome).toContain('Control Commission');
    expect(welcome).toContain('Clara Commissioner');

    // Signing in before activation fails like any wrong password.
    expect((await t.http().post('/auth/login').send({ email: 'ana.newcomer@example.org', password: 'ana-new-password-1' })).status).toBe(401);
    const activated = await activate({ token: tokenOf(link), password: 'ana-new-password-1' });
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ accessToken: expect.any(String), expiresAt: expect.any(String) });
    const me = await t.http().get('/me').set({ Authorization: `Bearer ${activated.body.accessToken}` });
    expect(me.body).toMatchObject({ memberId: id, memberStatus: 'active', branchId: branch });
    // The link works once.
    const again = await activate({ token: tokenOf(link), password: 'another-password-1' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('invitation_invalid');

    const login = await t.http().post('/auth/login').send({ email: 'ana.newcomer@example.org', password: 'ana-new-password-1' });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const code = await t.http().get('/me/code-of-conduct').set(auth);
    expect(code.body).toMatchObject({ version: 1, title: 'Code of Conduct 2026', acknowledgedAt: null });
    const ack = await t.http().post('/me/code-of-conduct/acknowledgements').set(auth).send({ version: 1 });
    expect(ack.status).toBe(200);
    const ack2 = await t.http().post('/me/code-of-conduct/acknowledgements').set(auth).send({ version: 1 });
    expect(ack2.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect((await t.http().get('/me/code-of-conduct').set(auth)).body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    const rows = await t.db.dataSource.query(`SELECT version FROM identity.code_of_conduct_acknowledgements WHERE member_id = $1`, [id]);
    expect(rows).toEqual([{ version: 1 }]);
  });

  const waitForMail = async (address: string, re: RegExp): Promise<string> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const hit = mailsTo(t, address).find((m) => re.test(m));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no mail matching ${re} to ${address}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('acknowledgements: officers see the share per branch; only the branch’s own secretary sees who has not acknowledged', async () => {
    const agg = await t.http().get('/code-of-conduct/acknowledgements').set(ecChair.auth);
    expect(agg.status).toBe(200);
    const mine = agg.body.branches.find((b: { branchId: string }) => b.branchId === branch);
    expect(mine.acknowledged).toBeGreaterThanOrEqual(1);
    expect(mine.share).toBeCloseTo(mine.acknowledged / mine.members, 3);
    expect(JSON.stringify(agg.body)).not.toMatch(/Newcomer|memberId/);
    const list = await t.http().get(`/branches/${branch}/code-of-conduct/not-acknowledged`).set(secretary.auth);
    expect(list.status).toBe(200);
    expect(list.body.members.map((m: { memberId: string }) => m.memberId)).toContain(secretary.id);
    expect(list.body.members.some((m: { name: string }) => m.name === 'Ana Newcomer')).toBe(false);
    // Another branch's secretary, the EC and a plain member: refused.
    expect((await t.http().get(`/branches/${branch}/code-of-conduct/not-acknowledged`).set(otherSecretary.auth)).status).toBe(404);
    expect((await t.http().get(`/branches/${branch}/code-of-conduct/not-acknowledged`).set(ecChair.auth)).status).toBe(403);
    const plain = await t.make.signedInMember({ branchId: branch });
    expect((await t.http().get('/code-of-conduct/acknowledgements').set(plain.auth)).status).toBe(403);
    // Publishing needs the EC chair or secretary.
    expect((await t.http().post('/code-of-conduct/versions').set(plain.auth).send({ title: 'x', text: 'y' })).status).toBe(403);
  });

  it('a failure while admitting leaves no account; the retry opens exactly one', async () => {
    const id = await apply('Rollo', 'rollo@example.org');
    failures.nextWelcome = true;
    expect((await admit(id)).status).toBe(500);
    expect(await accountsOf(id)).toEqual([]);
    const [m] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [id]);
    expect(m.status).toBe('applicant');
    expect((await admit(id)).status).toBe(200);
    expect((await admit(id)).status).toBe(409);
    expect(await accountsOf(id)).toHaveLength(1);
    expect(await t.db.dataSource.query(`SELECT 1 FROM identity.invitations WHERE member_id = $1`, [id])).toHaveLength(1);
  });

  it('a new invitation: the same answer for a known and an unknown address; the new link replaces the old one', async () => {
    const id = await apply('Resa', 'resa@example.org');
    await admit(id);
    const first = await linkMailedTo(t, 'resa@example.org', 'Activate your account');
    const known = await t.http().post('/auth/invitations/resend').send({ email: 'Resa@example.org' });
    const unknown = await t.http().post('/auth/invitations/resend').send({ email: 'nobody-here@example.org' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const links = await activationLinksTo(t, 'resa@example.org', 2);
    expect(links).toHaveLength(2);
    expect(mailsTo(t, 'nobody-here@example.org')).toEqual([]);
    const second = links.find((l) => l !== first) as string;
    expect((await activate({ token: tokenOf(first), password: 'resa-password-1' })).body.code).toBe('invitation_invalid');
    expect((await activate({ token: tokenOf(second), password: 'resa-password-1' })).status).toBe(200);
    // The secretary's resend answers the same whether or not anything was sent; another branch's secretary gets "not found".
    const bySecretary = await t.http().post(`/members/${id}/invitation`).set(secretary.auth).send({});
    expect(bySecretary.status).toBe(202);
    expect((await t.http().post(`/members/${id}/invitation`).set(otherSecretary.auth).send({})).status).toBe(404);
    expect(await activationLinksTo(t, 'resa@example.org', 3, 1000)).toHaveLength(2);
  });

  it('a member without an e-mail address: the secretary prints a letter with a one-time code that activates the account', async () => {
    const id = await apply('Lettie');
    const admitted = await admit(id);
    expect(admitted.status).toBe(200);
    const [account] = await accountsOf(id);
    expect(account).toMatchObject({ email: null, password_hash: null });
    const [{ register_number: number }] = await t.db.dataSource.query(`SELECT register_number FROM membership.members WHERE id = $1`, [id]);
    expect((await t.http().post(`/members/${id}/invitation-letter/print`).set(otherSecretary.auth).send({})).status).toBe(404);
    const printed = await t.http().post(`/members/${id}/invitation-letter/print`).set(secretary.auth).send({});
    expect(printed.status).toBe(200);
    expect(printed.headers['content-type']).toMatch(/text\/html/);
    const code = /class="code">([^<]+)</.exec(printed.text)?.[1] as string;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(printed.text).toContain(number);
    // A wrong code is refused; the right one (typed loosely) activates and signs in.
    const wrong = await activate({ code: 'AAAA-BBBB-CCCC', memberNumber: number, password: 'lettie-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('invitation_invalid');
    const ok = await activate({ code: code.toLowerCase().replace(/-/g, ' '), memberNumber: number.toLowerCase(), password: 'lettie-password-1' });
    expect(ok.status).toBe(200);
    expect((await t.http().get('/me').set({ Authorization: `Bearer ${ok.body.accessToken}` })).body.memberId).toBe(id);
    expect((await activate({ code, memberNumber: number, password: 'lettie-password-2' })).status).toBe(400);
    // Five wrong codes withdraw a letter.
    const id2 = await apply('Lotte');
    await admit(id2);
    const letter = await t.http().post(`/members/${id2}/invitation-letter`).set(secretary.auth).send({});
    for (let i = 0; i < 5; i++) await activate({ code: 'AAAA-BBBB-CCCC', memberNumber: letter.body.memberNumber, password: 'lotte-password-1' });
    expect((await activate({ code: letter.body.code, memberNumber: letter.body.memberNumber, password: 'lotte-password-1' })).status).toBe(400);
  });

  it('import → accounts opened and invitations queued, written in batches, progress visible to whoever ran the import', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `Imp${i},Orted,imp${i}@example.org,,${branchCode},2020-01-01,active,yes`);
    rows.push(`Noaddr,Orted,,,${branchCode},2020-01-01,active,`);
    const res = await t.http().post('/members/import?mode=apply').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from([HEADER, ...rows].join('\n')));
    expect(res.status).toBe(200);
    const batchId = res.body.batchId as string;
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM identity.accounts a JOIN membership.members m ON m.id = a.member_id WHERE m.import_batch_id = $1 AND a.password_hash IS NULL`,
      [batchId],
    );
    expect(n).toBe(61);
    const progress = async () => (await t.http().get(`/imports/${batchId}/invitations`).set(secretary.auth)).body;
    const first = await progress();
    expect(first).toMatchObject({ batchId, members: 61 });
    expect(first.queued + first.sent + first.failed + first.withoutEmail).toBe(61);
    // Only the officer who ran it sees it.
    expect((await t.http().get(`/imports/${batchId}/invitations`).set(otherSecretary.auth)).status).toBe(404);
    const deadline = Date.now() + 30_000;
    let p = first;
    while (!(p.done && p.sent === 60) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      p = await progress();
    }
    expect(p).toMatchObject({ members: 61, queued: 0, sent: 60, failed: 0, withoutEmail: 1, done: true });
    const link = await linkMailedTo(t, 'imp7@example.org', 'Activate your account');
    expect((await activate({ token: tokenOf(link), password: 'imported-password-1' })).status).toBe(200);
    // Applying the same file again opens nothing new.
    const again = await t.http().post('/members/import?mode=apply').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from([HEADER, ...rows].join('\n')));
    expect(again.body.alreadyApplied).toBe(true);
    const [{ c }] = await t.db.dataSource.query(`SELECT count(*)::int AS c FROM identity.invitations WHERE batch_ref = $1`, [batchId]);
    expect(c).toBe(61);
  });

  it('a change of address is confirmed from the new address, the old one is told; sign-in then uses the new one', async () => {
    const id = await apply('Eddie', 'eddie.old@example.org');
    await admit(id);
    const token = (await activate({ token: tokenOf(await linkMailedTo(t, 'eddie.old@example.org', 'Activate your account')), password: 'eddie-password-1' })).body.accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    expect((await t.http().post('/me/email-change').set(auth).send({ email: 'eddie.new@example.org' })).status).toBe(202);
    const confirm = await linkMailedTo(t, 'eddie.new@example.org', 'Confirm this address');
    const told = await waitForMail('eddie.old@example.org', /being changed/);
    expect(told).toContain('eddie.new@example.org');
    expect(told).not.toContain('confirm-email?token');
    // Nothing changes before the confirmation.
    expect((await t.http().post('/auth/login').send({ email: 'eddie.old@example.org', password: 'eddie-password-1' })).status).toBe(200);
    const confirmed = await t.http().post('/auth/email-change/confirm').send({ token: tokenOf(confirm) });
    expect(confirmed.status).toBe(200);
    expect((await t.http().post('/auth/email-change/confirm').send({ token: tokenOf(confirm) })).status).toBe(400);
    expect((await t.http().post('/auth/login').send({ email: 'eddie.old@example.org', password: 'eddie-password-1' })).status).toBe(401);
    expect((await t.http().post('/auth/login').send({ email: 'eddie.new@example.org', password: 'eddie-password-1' })).status).toBe(200);
    const [m] = await t.db.dataSource.query(`SELECT email FROM membership.members WHERE id = $1`, [id]);
    expect(m.email).toBe('eddie.new@example.org');
  });

  it('resigning or lapsing ends every session at once; a former member can sign in again (what S1 leaves them)', async () => {
    const r = await t.make.signedInMember({ branchId: branch });
    const other = await t.http().post('/auth/login').send({ email: r.email, password: 'test-password-123' });
    expect((await t.http().post('/me/resign').set(r.auth).send({})).status).toBe(200);
    expect((await t.http().get('/me').set(r.auth)).status).toBe(401);
    expect((await t.http().get('/me').set({ Authorization: `Bearer ${other.body.accessToken}` })).status).toBe(401);
    const back = await t.make.login(r.email);
    const me = await t.http().get('/me').set({ Authorization: `Bearer ${back}` });
    expect(me.body).toMatchObject({ memberStatus: 'resigned', mandates: [] });
    expect((await t.http().get('/me/code-of-conduct').set({ Authorization: `Bearer ${back}` })).status).toBe(200);
    expect((await t.http().post('/me/code-of-conduct/acknowledgements').set({ Authorization: `Bearer ${back}` }).send({ version: 1 })).status).toBe(403);

    const l = await t.make.signedInMember({ branchId: branch });
    const { MembershipRegisterPort } = await import('@org/dues');
    const port = t.app.get(MembershipRegisterPort, { strict: false });
    await t.db.dataSource.transaction((m) => port.applyStanding(m, { lapse: [l.id], reinstate: [] }, { on: clock.today(), at: clock.now().toISOString() }));
    expect((await t.http().get('/me').set(l.auth)).status).toBe(401);
  });

  it('an invitation link expires after 14 days', async () => {
    const id = await apply('Tardy', 'tardy@example.org');
    await admit(id);
    const link = await linkMailedTo(t, 'tardy@example.org', 'Activate your account');
    clock.advance(14 * DAY + 1000);
    const late = await activate({ token: tokenOf(link), password: 'tardy-password-1' });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('invitation_invalid');
    expect(late.body.message).toMatch(/Ask for a new invitation/);
  });
});
