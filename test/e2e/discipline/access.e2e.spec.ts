import { randomUUID } from 'node:crypto';
import { caseUnderInvestigation, createProceedingsApp, decide, organization, person, type FiledCase, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

const NOT_FOUND = { statusCode: 404, code: 'not_found', message: 'Not found.' };

/**
 * S1 for the investigation, finding, appeal and publication routes: EC, CC, staff, a branch secretary and any other member — and a
 * commissioner who is not on the panel — get exactly what they get for a case that does not
 * exist, on every route; the officer channel and the refusal routes give everyone one same answer.
 */
describe('discipline: nobody without a role learns anything of a case', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;
  let findingId: string;
  let outsiders: [string, Person][];

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    c = await caseUnderInvestigation(t, org);
    findingId = await decide(t, org, c, { sanction: { kind: 'warning' } });
    const cc = await person(t, { branchId: org.branches.others, firstName: 'Central', lastName: 'Committeeperson' });
    await t.make.mandate(cc.id, 'CC', { startsOn: '2025-01-01' });
    const staff = await person(t, { branchId: org.branches.others, firstName: 'Paid', lastName: 'Organiser' });
    await t.make.mandate(staff.id, 'STAFF', { role: 'staff', startsOn: '2025-01-01' });
    const secretary = await person(t, { branchId: org.branches.respondents, firstName: 'Branch', lastName: 'Secretary' });
    await t.make.mandate(secretary.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: org.branches.respondents, startsOn: '2025-01-01' });
    const offPanel = org.commissioners.find((x) => !c.panel.some((p) => p.id === x.id))!;
    outsiders = [
      ['EC', org.ec],
      ['CC', cc],
      ['staff', staff],
      ['branch secretary', secretary],
      ['member', org.outsider],
      ['commissioner not on the panel', offPanel],
    ];
  });

  afterAll(async () => {
    await t?.close();
  });

  const routes = (ref: string, finding: string): [string, string, Record<string, unknown>?][] => [
    ['get', `/cases/${ref}/findings`],
    ['post', `/cases/${ref}/findings`, { respondentId: randomUUID() }],
    ['post', `/cases/${ref}/findings/${finding}/votes`, { verdict: 'not_uphold' }],
    ['post', `/cases/${ref}/findings/${finding}/decision`, { rule: '§1', reasons: 'r' }],
    ['get', `/cases/${ref}/appeals`],
    ['post', `/cases/${ref}/appeals`, { findingId: finding, grounds: [{ ground: 'procedural_error', text: 'x' }] }],
    ['post', `/cases/${ref}/appeals/${randomUUID()}/decision`, { outcome: 'uphold', reasons: 'r' }],
    ['post', `/cases/${ref}/appeals/${randomUUID()}/votes`, { outcome: 'uphold', reasons: 'r' }],
    ['get', `/cases/${ref}/outcome-notices`],
    ['post', `/cases/${ref}/outcome-notices/${randomUUID()}/comments`, { text: 'x' }],
    ['put', `/cases/${ref}/outcome-notices/${randomUUID()}/wording`, { wording: 'x' }],
    ['post', `/cases/${ref}/outcome-notices/${randomUUID()}/delay`, { until: '2026-12-01T00:00:00Z', reason: 'x' }],
    ['get', `/cases/${ref}/statements`],
    ['post', `/cases/${ref}/statements`, { text: 'x' }],
    ['post', `/cases/${ref}/statements/requests`, { personId: randomUUID() }],
    ['post', `/cases/${ref}/statements/${randomUUID()}/addenda`, { text: 'x' }],
    ['get', `/cases/${ref}/interviews`],
    ['post', `/cases/${ref}/interviews`, { personId: randomUUID(), scheduledFor: '2026-12-01T10:00:00Z', topics: ['x'] }],
    ['put', `/cases/${ref}/interviews/${randomUUID()}/support-person`, { supportPerson: null }],
    ['get', `/cases/${ref}/evidence`],
    ['get', `/cases/${ref}/evidence/${randomUUID()}`],
    ['post', `/cases/${ref}/evidence`, { fileName: 'a.txt', contentBase64: Buffer.from('hello').toString('base64') }],
    ['get', `/cases/${ref}/messages`],
    ['post', `/cases/${ref}/messages/${randomUUID()}/disclose`],
    ['get', `/cases/${ref}/matching`],
    ['put', `/cases/${ref}/matching/opt-in`, { optedIn: true }],
    ['post', `/cases/${ref}/matching/contact-consent`],
    ['get', `/cases/${ref}/linked-reports`],
  ];

  it('answers every route exactly as for a case that does not exist', async () => {
    const send = (who: Person, [method, url, body]: [string, string, Record<string, unknown>?]) => {
      const req = (t.http() as any)[method](url).set(who.auth);
      return body ? req.send(body) : req;
    };
    const real = routes(c.reference, findingId);
    const ghost = routes('CC-2026-NOPE-NOPE', randomUUID());
    const ghostById = routes(randomUUID(), randomUUID());
    for (const [role, who] of outsiders) {
      for (let i = 0; i < real.length; i++) {
        const a = await send(who, real[i]);
        const b = await send(who, ghost[i]);
        const d = await send(who, ghostById[i]);
        if (a.status !== 404 || JSON.stringify(a.body) !== JSON.stringify(NOT_FOUND)) {
          throw new Error(`${role}: ${real[i][0].toUpperCase()} ${real[i][1]} answered ${a.status} ${JSON.stringify(a.body)}`);
        }
        expect(b.body).toEqual(a.body);
        expect(d.body).toEqual(a.body);
      }
    }
    // Also by case id, not only by reference.
    const byId = await t.http().get(`/cases/${c.caseId}/findings`).set(org.ec.auth);
    expect(byId.body).toEqual(NOT_FOUND);
    // And the people of the case do get in.
    expect((await t.http().get(`/cases/${c.caseId}/findings`).set(org.complainant.auth)).status).toBe(200);
    expect((await t.http().get(`/cases/${c.reference}/findings`).set(c.panel[2].auth)).status).toBe(200);
  });

  it('gives every outsider the same answer on the officer channel and the refusal routes', async () => {
    const ec = await t.http().post(`/cases/${c.reference}/messages`).set(org.ec.auth).send({ text: 'a word to the panel' });
    const ecGhost = await t.http().post(`/cases/CC-2026-NOPE-NOPE/messages`).set(org.ec.auth).send({ text: 'a word to the panel' });
    expect([ec.status, ecGhost.status]).toEqual([202, 202]);
    expect(ec.body).toEqual(ecGhost.body);
    for (const [, who] of outsiders) {
      const a = await t.http().post(`/cases/${c.reference}/findings/${findingId}/annul`).set(who.auth).send({});
      const b = await t.http().post(`/cases/CC-2026-NOPE-NOPE/findings/${randomUUID()}/annul`).set(who.auth).send({});
      expect(a.status).toBe(403);
      expect(b.body).toEqual(a.body);
    }
  });
});
