import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MandateService } from '@org/identity';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, file, fileAndTriage, type World } from './support/discipline-world';

/**
 * S4: nobody but the complainant chooses or changes the path — not the respondent, not the
 * panel, not the duty commissioner, not an officer; the respondent cannot open an informal
 * resolution. S2: a sitting EC member cannot be given a commission seat.
 */
describe('discipline S4: the complainant chooses the path; S2: the commission is independent', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('only the complainant can change the path; the respondent cannot open informal resolution', async () => {
    const c = await fileAndTriage(t, w, complaint(w.respondent.id));
    const panelist = by(w, c.panel[0]);
    expect((await t.http().post(`/commission/cases/${c.reference}/investigation`).set(panelist.auth)).status).toBe(200);
    const toInformal = { path: 'informal', consent: true };

    // The respondent (informed now) tries to steer the case into "mediation": refused.
    const resp = await t.http().post(`/cases/${c.reference}/path`).set(w.respondent.auth).send(toInformal);
    expect(resp.status).toBe(403);
    expect(resp.body.code).toBe('discipline.path_reserved_to_complainant');
    // The panel cannot either, nor propose informal terms on a formal case.
    const byPanel = await t.http().post(`/cases/${c.reference}/path`).set(panelist.auth).send(toInformal);
    expect(byPanel.status).toBe(403);
    const terms = await t.http().post(`/commission/cases/${c.reference}/informal-resolution`).set(panelist.auth).send({ terms: 'Apologise and move on.' });
    expect(terms.status).toBe(403);
    // Officers get "not found".
    for (const officer of [w.ec, w.cc, w.secretary]) {
      expect((await t.http().post(`/cases/${c.reference}/path`).set(officer.auth).send(toInformal)).status).toBe(404);
    }
    expect((await caseRow(t, c.reference)).snapshot.path).toBe('formal');

    // Informal needs the complainant's explicit consent…
    const noConsent = await t.http().post(`/cases/${c.reference}/path`).set(w.complainant.auth).send({ path: 'informal' });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.code).toBe('discipline.informal_requires_consent');
    // …and with it, the complainant may choose it, and go back to formal at any time.
    const ok = await t.http().post(`/cases/${c.reference}/path`).set(w.complainant.auth).send(toInformal);
    expect(ok.status).toBe(200);
    expect(ok.body.path).toBe('informal');
    const back = await t.http().post(`/cases/${c.reference}/path`).set(w.complainant.auth).send({ path: 'formal' });
    expect(back.body.path).toBe('formal');
    const timeline = await t.http().get(`/cases/${c.reference}/timeline`).set(w.complainant.auth);
    expect(timeline.body.filter((e: { kind: string }) => e.kind === 'PathChanged').map((e: { data: unknown }) => e.data)).toEqual([
      { from: 'formal', to: 'informal' },
      { from: 'informal', to: 'formal' },
    ]);
  });

  it('before the panel begins, the respondent does not even learn the case exists', async () => {
    const reference = await file(t, w.complainant, complaint(w.respondent.id));
    const res = await t.http().post(`/cases/${reference}/path`).set(w.respondent.auth).send({ path: 'informal', consent: true });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found.' });
  });

  it('on the informal path, only the complainant\u2019s confirmation resolves the case', async () => {
    const c = await fileAndTriage(t, w, complaint(w.respondent.id, { path: 'informal', informalConsent: true }));
    const panelist = by(w, c.panel[0]);
    expect((await t.http().post(`/commission/cases/${c.reference}/informal-resolution`).set(panelist.auth).send({ terms: 'A written apology.' })).status).toBe(200);
    expect((await t.http().post(`/cases/${c.reference}/informal-resolution/confirm`).set(panelist.auth)).status).toBe(403);
    const view = await t.http().get(`/cases/${c.reference}`).set(w.complainant.auth);
    expect(view.body.informalResolution.terms).toBe('A written apology.');
    const done = await t.http().post(`/cases/${c.reference}/informal-resolution/confirm`).set(w.complainant.auth);
    expect(done.status).toBe(200);
    expect(done.body.stage).toBe('resolved_informally');
  });

  it('refuses a commission seat to a sitting EC member (S2), whoever asks', async () => {
    const ec = await t.make.member({ branchId: w.quiet });
    await t.make.mandate(ec.id, 'EC', { startsOn: '2024-01-01' });
    const ccom = await t.make.body('CCOM');
    const mandates = t.app.get(MandateService);
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const attempt = (source: { kind: 'election' | 'founding' | 'appointment'; ref: string; electedBodyId?: string }) =>
      ds.transaction((m) =>
        mandates.create(m, { memberId: ec.id, bodyId: ccom, role: 'member', startsOn: '2026-01-01', endsOn: null, source, actor: { id: null, kind: 'system' } }),
      );
    await expect(attempt({ kind: 'election', ref: 'congress-2026', electedBodyId: ccom })).rejects.toMatchObject({ code: 'incompatible_mandate' });
    await expect(attempt({ kind: 'appointment', ref: 'EC minute 7' })).rejects.toMatchObject({ code: 'independent_body_seat' });
    // Through the API, the EC appointing a commissioner is refused too.
    const res = await t.http().post(`/bodies/${ccom}/mandates`).set(w.ec.auth).send({ memberId: w.bystander.id, role: 'member', startsOn: '2026-01-01', decisionRef: 'EC minute 8' });
    expect(res.status).toBe(403);
    const held = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM identity.mandates WHERE body_id = $1 AND member_id = ANY($2::uuid[])`, [ccom, [ec.id, w.bystander.id]]);
    expect(held[0].n).toBe(0);
  });
});
