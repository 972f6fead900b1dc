import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { byId, caseUnderInvestigation, createProceedingsApp, decide, organization, type FiledCase, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S1: a commissioner who is not on a case cannot tell a real case reference from an unknown one —
 * not by the answer (a plain 404 either way, tested elsewhere) and not by the time the answer
 * takes. The structural check: both paths run the very same SQL statements, in the same order
 * (only the parameters differ), so there is no extra work to time.
 */
describe('discipline: a real reference and an unknown one cost the same', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;
  let outsider: Person;
  let recording: string[] | null = null;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    c = await caseUnderInvestigation(t, org);
    await decide(t, org, c, { sanction: { kind: 'warning' } }); // a finding to load (and open) too
    const [{ duty_commissioner_id }] = await t.db.dataSource.query(`SELECT duty_commissioner_id FROM discipline.cases WHERE id = $1`, [c.caseId]);
    const onCase = new Set([...c.panel.map((p) => p.id), duty_commissioner_id]);
    outsider = org.commissioners.find((p) => !onCase.has(p.id))!;
    expect(byId(org, outsider.id)).toBe(outsider);
    // Every statement about cases sent to the database by any connection of the app, while
    // recording (the in-process mail worker's statements, which run on their own timer, are not).
    const sources = new Set([t.app.get<DataSource>(getDataSourceToken()), t.app.get<DataSource>(getDataSourceToken('discipline'))]);
    for (const ds of sources) {
      const logger = ds.logger;
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (query, parameters, runner) => {
        const sql = query.replace(/\s+/g, ' ').trim();
        if (/\b(discipline|audit|restrictions)\./.test(sql)) recording?.push(sql);
        return original(query, parameters, runner);
      };
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const unknown = () => {
    const [, year] = c.reference.split('-');
    return `CC-${year}-ZZZZ-ZZZZ`;
  };

  const statementsOf = async (path: string) => {
    recording = [];
    const r = await t.http().get(path).set(outsider.auth);
    const seen = recording;
    recording = null;
    return { status: r.status, body: r.body, statements: seen };
  };

  const ROUTES = ['/cases/{ref}', '/cases/{ref}/timeline', '/cases/{ref}/findings', '/cases/{ref}/statements', '/cases/{ref}/interviews', '/cases/{ref}/messages', '/cases/{ref}/evidence', '/cases/{ref}/appeals', '/cases/{ref}/matching', '/cases/{ref}/linked-reports'];

  it.each(ROUTES)('GET %s runs the same statements for a real case the caller is not on and for an unknown reference', async (route) => {
    // Warm both paths once (prepared statements, caches), then compare.
    await statementsOf(route.replace('{ref}', c.reference));
    await statementsOf(route.replace('{ref}', unknown()));
    const real = await statementsOf(route.replace('{ref}', c.reference));
    const made = await statementsOf(route.replace('{ref}', unknown()));
    expect(real.status).toBe(404);
    expect(made.status).toBe(404);
    expect(real.body).toEqual(made.body);
    expect(real.statements.some((q) => /discipline\.cases/.test(q))).toBe(true);
    expect(real.statements).toEqual(made.statements);
  });

  it('and the median times agree (generous bound, many samples, taken in alternation)', async () => {
    const realPath = `/cases/${c.reference}/findings`;
    const madePath = `/cases/${unknown()}/findings`;
    const once = async (path: string) => {
      const start = process.hrtime.bigint();
      await t.http().get(path).set(outsider.auth);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const reals: number[] = [];
    const mades: number[] = [];
    for (let i = 0; i < 10; i++) await once(i % 2 ? realPath : madePath); // warm-up
    for (let i = 0; i < 60; i++) {
      // Alternate which goes first, so that a load on the machine weighs on both alike.
      if (i % 2) {
        reals.push(await once(realPath));
        mades.push(await once(madePath));
      } else {
        mades.push(await once(madePath));
        reals.push(await once(realPath));
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const real = median(reals);
    const made = median(mades);
    // eslint-disable-next-line no-console
    console.log(`median GET /cases/{ref}/findings as a commissioner not on the case: real ${real.toFixed(2)} ms, unknown ${made.toFixed(2)} ms`);
    expect(real / made).toBeLessThan(1.5);
    expect(made / real).toBeLessThan(1.5);
  });
});
