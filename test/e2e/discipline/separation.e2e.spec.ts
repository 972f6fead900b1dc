import { randomUUID } from 'node:crypto';
import { DisciplineModule } from '@org/discipline';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, fileAndTriage, signInAgain, type Signed, type World } from './support/discipline-world';

/**
 * S1: the Executive, the Central Committee, staff, a branch secretary — anyone without a role in a
 * case — list, count, search and guess case ids and references and learn nothing: every route
 * answers them byte for byte as it answers a case that does not exist (and as an unknown URL).
 */
describe('discipline S1: officers learn nothing about cases', () => {
  const clock = new FixedClock(new Date());
  let t: TestApp;
  let w: World;
  let reference: string;
  let caseId: string;
  let outsiders: [string, Signed][];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    w = await buildWorld(t);
    const filed = await fileAndTriage(t, w, complaint(w.respondent.id, { witnesses: [{ memberId: w.witness.id }], seriousness: { violence: true } }));
    reference = filed.reference;
    caseId = filed.id;
    // Make the case as visible as it gets: investigation begun (respondent informed), a deadline escalated.
    expect((await t.http().post(`/commission/cases/${reference}/investigation`).set(by(w, filed.panel[0]).auth)).status).toBe(200);
    clock.advance(80 * 3_600_000);
    expect((await DisciplineModule.runDeadlines(t.app)).escalations).toBeGreaterThan(0);
    await signInAgain(t, w);
    outsiders = [['EC member', w.ec], ['CC member', w.cc], ['staff', w.staff], ['branch secretary of the respondent', w.secretary], ['another member', w.bystander]];
  });
  afterAll(() => t.close());

  const keysFor = () => {
    const [, year, a, b] = /^CC-(\d{4})-(\w{4})-(\w{4})$/.exec(reference)!;
    return {
      'the real reference': reference,
      'the real reference, typed loosely': `cc ${year} ${a.toLowerCase()}${b.toLowerCase()}`,
      'the real case id': caseId,
      'a random uuid': randomUUID(),
      'a made-up reference': `CC-${year}-${b}-${a}`,
      'garbage': 'not-a-case',
    };
  };

  const routes = (key: string): { method: 'get' | 'post'; path: string; body?: object }[] => [
    { method: 'get', path: `/cases/${key}` },
    { method: 'get', path: `/cases/${key}/timeline` },
    { method: 'get', path: `/cases/${key}/audit-trail` },
    { method: 'post', path: `/cases/${key}/path`, body: { path: 'informal', consent: true } },
    { method: 'post', path: `/cases/${key}/withdraw` },
    { method: 'post', path: `/cases/${key}/participants`, body: { role: 'witness', person: { description: 'someone' } } },
    { method: 'post', path: `/cases/${key}/challenges`, body: { panelistId: randomUUID(), grounds: 'biased' } },
    { method: 'post', path: `/cases/${key}/informal-resolution/confirm` },
    { method: 'post', path: `/cases/${key}/ad-hoc-panel/nominations`, body: { nomineeId: randomUUID() } },
    { method: 'post', path: `/commission/cases/${key}/triage`, body: {} },
    { method: 'post', path: `/commission/cases/${key}/self-recusal`, body: { reason: 'x' } },
    { method: 'post', path: `/commission/cases/${key}/challenges/${randomUUID()}/votes`, body: { uphold: true } },
    { method: 'post', path: `/commission/cases/${key}/interim-decisions`, body: { outcome: 'no_measures', measures: [], reasons: 'x' } },
    { method: 'post', path: `/commission/cases/${key}/interim-decisions/${randomUUID()}/concur` },
    { method: 'post', path: `/commission/cases/${key}/investigation` },
    { method: 'post', path: `/commission/cases/${key}/informal-resolution`, body: { terms: 'x' } },
  ];

  it('the complainant, the respondent and the panel do see the case (the control)', async () => {
    expect((await t.http().get(`/cases/${reference}`).set(w.complainant.auth)).status).toBe(200);
    expect((await t.http().get(`/cases/${reference}`).set(w.respondent.auth)).status).toBe(200);
    const { snapshot } = await caseRow(t, reference);
    expect((await t.http().get(`/cases/${reference}`).set(by(w, snapshot.panel.seats[0].memberId).auth)).status).toBe(200);
  });

  it('every route answers each officer exactly as for a case that does not exist, and as an unknown URL', async () => {
    const unknownUrl = await t.http().get(`/no-such-route-${randomUUID()}`).set(w.ec.auth);
    expect(unknownUrl.status).toBe(404);
    for (const [who, person] of outsiders) {
      const keys = keysFor();
      const paths = routes('KEY');
      for (let i = 0; i < paths.length; i++) {
        const answers: Record<string, { status: number; text: string; type: string | undefined }> = {};
        for (const [label, key] of Object.entries(keys)) {
          const r = routes(encodeURIComponent(key))[i];
          const req = r.method === 'get' ? t.http().get(r.path) : t.http().post(r.path).send(r.body ?? {});
          const res = await req.set(person.auth);
          answers[label] = { status: res.status, text: res.text, type: res.headers['content-type'] };
        }
        for (const [label, a] of Object.entries(answers)) {
          expect({ who, route: `${paths[i].method.toUpperCase()} ${paths[i].path}`, key: label, ...a }).toEqual({
            who,
            route: `${paths[i].method.toUpperCase()} ${paths[i].path}`,
            key: label,
            status: 404,
            text: unknownUrl.text,
            type: unknownUrl.headers['content-type'],
          });
        }
      }
    }
    expect(JSON.parse(unknownUrl.text)).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found.' });
  });

  it('no list, count or search shows them the case', async () => {
    for (const [who, person] of outsiders) {
      for (const path of ['/cases/mine', '/commission/cases', '/commission/ad-hoc-requests']) {
        const res = await t.http().get(path).set(person.auth);
        expect({ who, path, status: res.status, body: res.body }).toEqual({ who, path, status: 200, body: [] });
        expect(res.text).not.toContain(reference);
        expect(res.text).not.toContain(caseId);
      }
      // The member directory is a directory of members: no case data, no count of anything.
      const dir = await t.http().get('/complaints/directory').query({ q: 'Mem' }).set(person.auth);
      expect(dir.status).toBe(200);
      expect(dir.text).not.toContain(reference);
      expect(dir.text).not.toContain(caseId);
      for (const row of dir.body) expect(Object.keys(row).sort()).toEqual(['branch', 'handle', 'name']);
    }
    // The complainant's own list does show it (the control).
    const mine = await t.http().get('/cases/mine').set(w.complainant.auth);
    expect(mine.body.map((c: { reference: string }) => c.reference)).toContain(reference);
  });

  it('they are never notified of the case', async () => {
    const ids = outsiders.map(([, p]) => p.id);
    const rows = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.feed_entries WHERE member_id = ANY($1::uuid[])`, [ids]);
    expect(rows[0].n).toBe(0);
    const mail = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE member_id = ANY($1::uuid[])`, [ids]);
    expect(mail[0].n).toBe(0);
  });

  it('takes no measurably different time for a real case and a made-up one', async () => {
    const time = async (key: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 25; i++) {
        const start = process.hrtime.bigint();
        await t.http().get(`/cases/${key}`).set(w.ec.auth);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return samples.sort((a, b) => a - b)[12];
    };
    await time(reference); // warm-up
    const fake = `CC-${new Date().getUTCFullYear()}-ZZZZ-ZZZZ`;
    const real = await time(reference);
    const made = await time(fake);
    expect(Math.abs(real - made)).toBeLessThan(Math.max(5, made * 0.5));
  });
});
