import { caseUnderInvestigation, createPart2App, decide, organization, person, type Org, type Part2App } from './support';

type Cell = { kind: string; display: string; value?: number };

/** Every cell of a report (anything with a `display`), with where it sits. */
function cells(x: unknown, at = ''): [string, Cell][] {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  if (typeof o.display === 'string' && typeof o.kind === 'string') return [[at, o as unknown as Cell]];
  return Object.entries(o).flatMap(([k, v]) => cells(v, at ? `${at}.${k}` : k));
}

/** S6, S8: the transparency report any member reads never shows a count from 1 to threshold−1. */
describe('discipline part 2: transparency report', () => {
  let t: Part2App;
  let org: Org;

  beforeAll(async () => {
    t = await createPart2App();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const report = async () => {
    const r = await t.http().get('/transparency-report').query({ from: '2026-01-01', to: '2027-01-01' }).set(org.outsider.auth);
    expect(r.status).toBe(200);
    return r.body;
  };

  const assertNoSmallFigure = (body: unknown) => {
    const all = cells(body);
    expect(all.length).toBeGreaterThan(20);
    for (const [where, cell] of all) {
      if (cell.kind === 'small' || cell.kind === 'withheld') {
        expect(cell.value).toBeUndefined();
        expect(['<3', 'withheld']).toContain(cell.display);
      } else if (cell.kind === 'days') {
        continue;
      } else {
        const n = Number(cell.display);
        if (n >= 1 && n < 3) throw new Error(`${where} shows ${n}`);
        if (typeof cell.value === 'number' && cell.value >= 1 && cell.value < 3) throw new Error(`${where} carries ${cell.value}`);
      }
    }
    // Nor anywhere else in the body as a bare number field.
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/"value":[12][,}]/);
    expect(json).not.toMatch(/"display":"[12]"/);
  };

  it('suppresses every count between 1 and the threshold, whatever the mix of cases', async () => {
    const recordOnly = async () => {
      const reporter = await person(t, { branchId: org.branches.others });
      const r = await t.http().post('/complaints').set(reporter.auth).send({ respondents: [{ memberId: org.respondent.id }], narrative: 'For the record.', path: 'record-only' });
      expect(r.status).toBeLessThan(300);
    };
    // One formal complaint and one record-only report: figures of 1 everywhere.
    const c = await caseUnderInvestigation(t, org);
    await recordOnly();
    let body = await report();
    assertNoSmallFigure(body);
    expect(body.complaintsReceived.total).toMatchObject({ kind: 'small', display: '<3' });
    expect(body.threshold).toBe(3);

    // Three of each: now the figures can be shown.
    await caseUnderInvestigation(t, org);
    await caseUnderInvestigation(t, org);
    await recordOnly();
    await recordOnly();
    body = await report();
    assertNoSmallFigure(body);
    expect(body.complaintsReceived.total).toMatchObject({ kind: 'count', display: '6' });
    expect(body.complaintsReceived.byPath).toMatchObject({ formal: { display: '3' }, record_only: { display: '3' }, informal: { display: '0' } });

    // One finding decided: a single finding, a single outcome — hidden again, never shown as 1.
    await decide(t, org, c, { sanction: { kind: 'warning' } });
    body = await report();
    assertNoSmallFigure(body);
    expect(body.medianDaysToFinding).toMatchObject({ kind: 'withheld' });

    // Any member can read it; the EC gets the same aggregate figures as everyone, nothing more.
    const byEc = await t.http().get('/transparency-report').query({ from: '2026-01-01', to: '2027-01-01' }).set(org.ec.auth);
    expect(byEc.body).toEqual(body);
    expect(JSON.stringify(body)).not.toContain(c.reference);
    const bad = await t.http().get('/transparency-report').query({ from: '2027-01-01', to: '2026-01-01' }).set(org.outsider.auth);
    expect(bad.status).toBe(400);
  });
});
