import { seedDemoIfEmpty } from '../../../apps/api/src/seed/demo-seed';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Issue 5, item 10: the demo organization holds cases in several stages; the demo commissioner
 * sits on panels, the demo member is a complainant — and the demo officers see none of it.
 */
describe('discipline demo data', () => {
  let t: TestApp;
  let accounts: { email: string; password: string; role: string; memberId: string | null }[];
  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedDemoIfEmpty(t.app, t.db.config);
    accounts = seeded!.accounts;
  }, 240_000);
  afterAll(() => t.close());

  const login = async (role: string) => {
    const a = accounts.find((x) => x.role === role)!;
    const res = await t.http().post('/auth/login').send({ email: a.email, password: a.password });
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };

  it('has cases in several stages, the commissioner on panels and the member as complainant', async () => {
    const stages = (await t.db.dataSource.query(`SELECT DISTINCT stage FROM discipline.cases`)).map((r: { stage: string }) => r.stage).sort();
    expect(stages).toEqual(expect.arrayContaining(['closed_record_only', 'investigating', 'panel_seated', 'received']));
    const commissioner = await t.http().get('/commission/cases').set(await login('commissioner'));
    expect(commissioner.body.length).toBeGreaterThanOrEqual(1);
    const mine = await t.http().get('/cases/mine').set(await login('member'));
    expect(mine.body).toEqual([expect.objectContaining({ role: 'complainant' })]);
    const view = await t.http().get(`/cases/${mine.body[0].reference}`).set(await login('member'));
    expect(view.status).toBe(200);
    for (const role of ['ec-member', 'cc-member', 'branch-secretary']) {
      const auth = await login(role);
      expect((await t.http().get(`/cases/${mine.body[0].reference}`).set(auth)).status).toBe(404);
      expect((await t.http().get('/commission/cases').set(auth)).body).toEqual([]);
    }
  });
});
