import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, caseRow, complaint, fileAndTriage, type World } from './support/discipline-world';

/**
 * S3 shortfall: two commissioners and no alternate cannot fill a panel of three; the draw takes
 * both and asks the Appeals Committee for the third seat; the committee members cleared for the
 * case are told, and a nominee backed by a majority of them is seated. An EC member cannot be
 * appointed (S2).
 */
describe('discipline S3: the Appeals Committee fills what the draw could not', () => {
  let t: TestApp;
  let w: World;
  let c: { reference: string; id: string; duty: string; panel: string[] };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t, { commissioners: 2, alternates: 0 });
    c = await fileAndTriage(t, w, complaint(w.respondent.id));
  });
  afterAll(() => t.close());

  it('draws the two cleared commissioners and requests one ad-hoc seat', async () => {
    expect([...c.panel].sort()).toEqual(w.commissioners.map((x) => x.id).sort());
    const { snapshot } = await caseRow(t, c.reference);
    expect(snapshot.stage).toBe('triaged');
    expect(snapshot.panel.adHocSeatsRequested).toBe(1);
    const [draw] = await t.db.dataSource.query(`SELECT shortfall, outcome FROM discipline.panel_draws WHERE case_id = $1`, [c.id]);
    expect(draw).toEqual({ shortfall: 1, outcome: 'needs_ad_hoc_panel' });
  });

  it('tells the cleared Appeals Committee members, and lists the request only for them', async () => {
    for (const a of w.appeals) {
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE member_id = $1`, [a.id]);
      expect(n).toBe(1);
      const list = await t.http().get('/commission/ad-hoc-requests').set(a.auth);
      expect(list.body).toEqual([expect.objectContaining({ reference: c.reference, seatsToFill: 1 })]);
    }
    expect((await t.http().get('/commission/ad-hoc-requests').set(w.ec.auth)).body).toEqual([]);
  });

  it('refuses an EC member as ad-hoc panelist, and seats a nominee backed by a majority', async () => {
    const [a1, a2] = w.appeals;
    const ec = await t.http().post(`/cases/${c.reference}/ad-hoc-panel/nominations`).set(a1.auth).send({ nomineeId: w.ec.id });
    expect(ec.status).toBe(422);
    expect(ec.body.code).toBe('discipline.ad_hoc_nomination_refused');
    expect((await t.http().post(`/cases/${c.reference}/ad-hoc-panel/nominations`).set(w.cc.auth).send({ nomineeId: w.bystander.id })).status).toBe(404);
    const first = await t.http().post(`/cases/${c.reference}/ad-hoc-panel/nominations`).set(a1.auth).send({ nomineeId: w.bystander.id });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ appointed: [], seatsStillToFill: 1, stage: 'triaged' });
    const second = await t.http().post(`/cases/${c.reference}/ad-hoc-panel/nominations`).set(a2.auth).send({ nomineeId: w.bystander.id });
    expect(second.body).toMatchObject({ appointed: [w.bystander.id], seatsStillToFill: 0, stage: 'panel_seated' });
    const { snapshot } = await caseRow(t, c.reference);
    expect(snapshot.panel.seats.find((s: { source: string }) => s.source === 'ad_hoc').memberId).toBe(w.bystander.id);
    const seen = await t.http().get(`/cases/${c.reference}`).set(w.bystander.auth);
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe('panelist');
  });
});
