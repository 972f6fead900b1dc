import { DemoClock } from '../../../apps/api/src/seed/demo-clock';
import { seedDemoIfEmpty, type DemoAccount } from '../../../apps/api/src/seed/demo-seed';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * The demo organization at first start shows the headline features: a decided and published
 * outcome notice, three commissioners with demo logins on one panel (a finding can be decided in
 * the browser), an open election a demo voter can vote in, a congress with its delegates, and its
 * code of conduct, which the welcome of every member admitted carries.
 */
describe('the demo organization at first start', () => {
  let t: TestApp;
  let accounts: DemoAccount[];
  const clock = new DemoClock();
  const tokens = new Map<string, string>();
  const as = async (role: string): Promise<{ Authorization: string }> => {
    if (!tokens.has(role)) {
      const a = accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo login for ${role}: ${accounts.map((x) => x.role).join(', ')}`);
      const res = await t.http().post('/auth/login').send({ email: a.email, password: a.password });
      if (res.status !== 200) throw new Error(`login ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(role, res.body.accessToken);
    }
    return { Authorization: `Bearer ${tokens.get(role)}` };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    accounts = (await seedDemoIfEmpty(t.app, t.db.config))!.accounts;
  }, 300_000);
  afterAll(() => t?.close());

  it('is seeded in the present: the clock the seed moved back runs at system time again', () => {
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('shows a decided outcome that every member can read as a published notice', async () => {
    const res = await t.http().get('/outcomes').set(await as('member'));
    expect(res.status).toBe(200);
    const list = Array.isArray(res.body) ? res.body : (res.body.items ?? res.body.outcomes);
    expect(list.length).toBeGreaterThanOrEqual(1);
    const one = await t.http().get(`/outcomes/${list[0].id ?? list[0].outcomeId}`).set(await as('member'));
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).toContain('Code of conduct §4');
  });

  it('has three commissioners with demo logins on one panel, and they can decide a finding', async () => {
    const panels = await Promise.all(['commissioner', 'commissioner-2', 'commissioner-3'].map(async (r) => (await t.http().get('/commission/cases').set(await as(r))).body));
    const refs = panels.map((cases: { reference: string }[]) => new Set(cases.map((c) => c.reference)));
    const shared = [...refs[0]].filter((r) => refs[1].has(r) && refs[2].has(r));
    expect(shared.length).toBeGreaterThanOrEqual(1);
    const three = ['commissioner', 'commissioner-2', 'commissioner-3'].map((r) => accounts.find((a) => a.role === r)!.memberId).sort();
    let reference = '';
    let view: { body: any } = { body: null };
    for (const ref of shared) {
      const v = await t.http().get(`/cases/${ref}`).set(await as('commissioner'));
      if (v.status === 200 && v.body.stage === 'investigating' && JSON.stringify((v.body.panel ?? []).map((x: { memberId: string }) => x.memberId).sort()) === JSON.stringify(three)) {
        reference = ref;
        view = v;
        break;
      }
    }
    expect(reference).not.toBe('');
    const respondentId = view.body.complaint.respondents[0].memberId;
    const opened = await t.http().post(`/cases/${reference}/findings`).set(await as('commissioner')).send({ respondentId });
    expect(opened.status).toBe(201);
    for (const r of ['commissioner', 'commissioner-2', 'commissioner-3']) {
      const vote = await t.http().post(`/cases/${reference}/findings/${opened.body.findingId}/votes`).set(await as(r)).send({ verdict: 'not_uphold' });
      expect(vote.status).toBe(201);
    }
    const decided = await t
      .http()
      .post(`/cases/${reference}/findings/${opened.body.findingId}/decision`)
      .set(await as('commissioner-2'))
      .send({ rule: 'Code of conduct §4', reasons: 'The panel found the account not borne out by the witnesses heard.' });
    expect(decided.status).toBe(201);
  });

  it('has an open election the demo member can vote in', async () => {
    const list = (await t.http().get('/elections').set(await as('member'))).body as { id: string; status: string; purpose: string; title: string }[];
    const open = list.filter((e) => e.status === 'voting' && e.purpose === 'body');
    expect(open.length).toBeGreaterThanOrEqual(1);
    const detail = (await t.http().get(`/elections/${open[0].id}`).set(await as('member'))).body;
    expect(detail.candidates.filter((c: { status: string }) => c.status === 'nominated').length).toBeGreaterThanOrEqual(3);
    const ranking = detail.candidates.filter((c: { status: string }) => c.status === 'nominated').map((c: { id: string }) => c.id);
    const cast = await t.http().post(`/elections/${open[0].id}/ballots`).set(await as('member')).send({ ranking });
    expect(cast.status).toBe(201);
    expect(cast.body.receipt ?? cast.body.receiptCode).toBeTruthy();
  });

  it('publishes its code of conduct as version 1: every member is asked to acknowledge it, and the welcome of a member admitted in the demo carries it (S14)', async () => {
    const code = await t.http().get('/me/code-of-conduct').set(await as('member'));
    expect(code.status).toBe(200);
    expect(code.body).toMatchObject({ version: 1, title: 'Code of Conduct', acknowledgedAt: null });
    // The rule the demo's published outcome applies is in it, and so is how to raise something privately.
    expect(code.body.text).toContain('§4 Respect for every member');
    expect(code.body.text).toContain('Control Commission');
    const [published] = await t.db.dataSource.query(`SELECT actor_kind, actor_id FROM audit.entries WHERE action = 'code-of-conduct.published'`);
    expect(published.actor_kind).toBe('member');

    const secretary = accounts.find((a) => a.role === 'branch-secretary')!;
    const applied = await new MembershipFactories(t).applyConfirmed({ branchId: secretary.branchId, firstName: 'Wren', lastName: 'Newcomer', email: 'wren.newcomer@example.org', emailConsent: true });
    expect(applied.status).toBe(201);
    const admitted = await t.http().post(`/members/${applied.body.memberId}/admit`).set(await as('branch-secretary')).send({});
    expect(admitted.status).toBe(200);
    const [welcome] = await t.db.dataSource.query(`SELECT n.data || jsonb_build_object('codeOfConductText', t.body) AS data FROM notifications.notices n JOIN notifications.notice_texts t ON t.digest = n.text_digest WHERE n.type = 'welcome' AND n.dedupe_key = $1`, [`welcome:${applied.body.memberId}`]);
    expect(welcome.data.codeOfConduct).toEqual({ version: 1, title: 'Code of Conduct' });
    expect(welcome.data.codeOfConductText).toContain('Harassment, intimidation, threats and discrimination');
    expect(welcome.data.commissioners.length).toBeGreaterThanOrEqual(3);
  });

  it('has a congress with its delegates elected in every branch', async () => {
    const list = (await t.http().get('/elections').set(await as('member'))).body as { purpose: string; status: string; congressId: string | null }[];
    const delegateElections = list.filter((e) => e.purpose === 'delegates');
    expect(delegateElections.length).toBeGreaterThanOrEqual(15);
    expect(delegateElections.every((e) => e.status === 'published')).toBe(true);
    const congress = (await t.http().get(`/congresses/${delegateElections[0].congressId}`).set(await as('member'))).body;
    expect(congress.delegateSeats).toBe(40);
    expect(congress.delegates.length).toBeGreaterThanOrEqual(delegateElections.length);
  });
});
