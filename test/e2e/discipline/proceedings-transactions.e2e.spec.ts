import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DISCIPLINE_CONNECTION } from '@org/platform';
import { caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, providerNamed, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * Every use case, query and job of the proceedings (investigation, findings, appeals, independence,
 * publication, matching, transparency, readmission) opens its transactions through the context's
 * own transaction port (`DisciplineTransactions`), like intake, triage and panels do — none on
 * the discipline connection's data source directly. The test watches the data source: each
 * transaction opened on it must be opened by the port.
 */
describe('discipline: the proceedings run their transactions through the context’s transaction port', () => {
  let t: ProceedingsApp;
  let org: Org;
  const opened: { viaPort: boolean; stack: string }[] = [];

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    const ds = t.app.get<DataSource>(getDataSourceToken(DISCIPLINE_CONNECTION), { strict: false });
    const port = providerNamed<{ transaction: (work: unknown) => Promise<unknown> }>(t, 'DisciplineDb');
    let inPort = 0;
    const portTransaction = port.transaction.bind(port);
    port.transaction = (work: unknown) => {
      // The port calls the data source synchronously, before it returns its promise.
      inPort++;
      try {
        return portTransaction(work);
      } finally {
        inPort--;
      }
    };
    const dsTransaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
    (ds as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
      opened.push({ viaPort: inPort > 0, stack: new Error().stack?.split('\n').slice(2, 6).join('\n') ?? '' });
      return dsTransaction(...args);
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('opens no transaction on the discipline data source except through the port, from filing to appeal, publication and the jobs', async () => {
    const c = await caseUnderInvestigation(t, org);
    const before = opened.length;

    // Investigation: a statement asked for, an interview, evidence, messages.
    expect((await t.http().post(`/cases/${c.reference}/statements/requests`).set(c.panel[0].auth).send({ personId: org.respondent.id })).status).toBe(201);
    expect((await t.http().get(`/cases/${c.reference}/statements`).set(c.panel[0].auth)).status).toBe(200);
    const interview = await t
      .http()
      .post(`/cases/${c.reference}/interviews`)
      .set(c.panel[0].auth)
      .send({ personId: org.witness.id, scheduledFor: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), topics: ['What you saw on 2 February'] });
    expect(interview.status).toBe(201);
    expect((await t.http().get(`/cases/${c.reference}/interviews`).set(c.panel[0].auth)).status).toBe(200);
    const evidence = await t
      .http()
      .post(`/cases/${c.reference}/evidence`)
      .set(org.complainant.auth)
      .send({ fileName: 'notes.txt', contentBase64: Buffer.from('what I wrote down that evening').toString('base64') });
    expect(evidence.status).toBe(201);
    expect((await t.http().get(`/cases/${c.reference}/evidence`).set(c.panel[0].auth)).status).toBe(200);
    expect((await t.http().post(`/cases/${c.reference}/messages`).set(org.complainant.auth).send({ text: 'One more thing for the panel.' })).status).toBe(201);
    expect((await t.http().get(`/cases/${c.reference}/messages`).set(c.panel[0].auth)).status).toBe(200);

    // A finding, an appeal, and a refused attempt to alter the finding (audited).
    const findingId = await decide(t, org, c, { sanction: { kind: 'warning' } });
    expect((await t.http().get(`/cases/${c.reference}/findings`).set(org.respondent.auth)).status).toBe(200);
    const lodged = await t
      .http()
      .post(`/cases/${c.reference}/appeals`)
      .set(org.respondent.auth)
      .send({ findingId, grounds: [{ ground: 'procedural_error', text: 'I was not heard before the decision.' }] });
    expect(lodged.status).toBe(201);
    expect((await t.http().get(`/cases/${c.reference}/appeals`).set(org.respondent.auth)).status).toBe(200);
    expect((await t.http().put(`/findings/${findingId}`).set(org.ec.auth).send({})).status).toBe(403);

    // Outcome notices, published outcomes, matching, the transparency report, readmission.
    expect((await t.http().get(`/cases/${c.reference}/outcome-notices`).set(c.panel[0].auth)).status).toBe(200);
    expect((await t.http().get('/outcomes').set(org.outsider.auth)).status).toBe(200);
    expect((await t.http().get(`/cases/${c.reference}/matching`).set(org.complainant.auth)).status).toBe(200);
    expect([200, 404]).toContain((await t.http().get('/transparency-report').set(org.outsider.auth)).status);
    expect((await t.http().get(`/readmission/${org.respondent.id}`).set(org.commissioners[0].auth)).status).toBeLessThan(500);

    // The scheduled jobs.
    await t.jobs.finality();
    await t.jobs.publication();
    await t.jobs.matching();
    t.clock.advance(200 * DAY);
    await providerNamed<{ publishDue(now?: Date): Promise<unknown> }>(t, 'TransparencyReportQuery').publishDue(t.clock.now());

    const during = opened.slice(before);
    expect(during.length).toBeGreaterThan(20);
    expect(during.filter((o) => !o.viaPort).map((o) => o.stack)).toEqual([]);
  });
});
