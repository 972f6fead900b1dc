import { caseUnderInvestigation, createProceedingsApp, decide, organization, person, providerNamed, relogin, type Org, type ProceedingsApp } from './support/proceedings-world';

type Cell = { kind: string; display: string; value?: number };

/** Every cell of a report (anything with a `display`), with where it sits. */
function cells(x: unknown, at = ''): [string, Cell][] {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  if (typeof o.display === 'string' && typeof o.kind === 'string') return [[at, o as unknown as Cell]];
  return Object.entries(o).flatMap(([k, v]) => cells(v, at ? `${at}.${k}` : k));
}

/**
 * S6, S8, S1: the transparency report any member reads is published for fixed periods only
 * (quarters by default), computed and frozen by the scheduled job once a period has closed and
 * the lag (14 days) has passed; it never shows a count from 1 to threshold−1, never moves after
 * publication, and is never computed for an arbitrary window.
 */
describe('discipline: transparency report', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** The scheduled job, called as the scheduler calls it. */
  const publishDue = () => providerNamed<{ publishDue(now?: Date): Promise<{ published: string[] }> }>(t, 'TransparencyReportQuery').publishDue();
  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    await relogin(t, org.everyone);
  };
  const index = async (query: Record<string, string> = {}) => {
    const r = await t.http().get('/transparency-report').query(query).set(org.outsider.auth);
    expect(r.status).toBe(200);
    return r.body;
  };
  const recordOnly = async () => {
    const reporter = await person(t, { branchId: org.branches.others });
    const r = await t.http().post('/complaints').set(reporter.auth).send({ respondents: [{ memberId: org.respondent.id }], narrative: 'For the record.', path: 'record-only' });
    expect(r.status).toBeLessThan(300);
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
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/"value":[12][,}]/);
    expect(json).not.toMatch(/"display":"[12]"/);
  };

  it('refuses an arbitrary window, with what to ask for instead; nothing is published before a period closes', async () => {
    await caseUnderInvestigation(t, org); // 2026-03-10, in 2026-Q1
    for (const query of [{ from: '2026-01-01', to: '2027-01-01' }, { from: '2026-03-10T08:00:00Z' }, { to: '2026-03-11' }, { period: '2026-Q1', from: '2026-01-01' }]) {
      const r = await t.http().get('/transparency-report').query(query).set(org.outsider.auth);
      expect([JSON.stringify(query), r.status, r.body.code]).toEqual([JSON.stringify(query), 400, 'discipline.transparency.fixed_periods_only']);
      expect(r.body.message).toMatch(/published for each quarter/);
    }
    const odd = await t.http().get('/transparency-report').query({ period: '2026-03-10' }).set(org.outsider.auth);
    expect([odd.status, odd.body.code]).toEqual([400, 'discipline.transparency.unknown_period']);

    // Within the quarter, and within the lag after it closes, the quarter's report does not exist.
    await publishDue();
    const before = await index();
    expect(before.periodKind).toBe('quarter');
    expect(before.publicationLagDays).toBe(14);
    expect(before.nextPublication).toMatchObject({ periodId: '2026-Q1', publishesOn: '2026-04-15' });
    expect(before.periods.map((p: { periodId: string }) => p.periodId)).not.toContain('2026-Q1');
    const notYet = await t.http().get('/transparency-report').query({ period: '2026-Q1' }).set(org.outsider.auth);
    expect([notYet.status, notYet.body.code]).toEqual([404, 'discipline.transparency.not_published']);
    expect(notYet.body.message).toMatch(/2026-04-15/);
    await at('2026-04-14T23:00:00Z');
    expect((await publishDue()).published).not.toContain('2026-Q1');
    expect((await t.http().get('/transparency-report').query({ period: '2026-Q1' }).set(org.outsider.auth)).status).toBe(404);
  });

  it('publishes a closed quarter once its lag has passed, and a filing after that never moves it', async () => {
    await at('2026-04-15T06:00:00Z');
    expect((await publishDue()).published).toContain('2026-Q1');
    const published = await index({ period: '2026-Q1' });
    expect(published.report).toMatchObject({ periodId: '2026-Q1', periodKind: 'quarter', publishedAt: '2026-04-15T06:00:00.000Z' });
    expect(published.periods[0]).toMatchObject({ periodId: '2026-Q1', from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect((await index()).report).toEqual(published.report); // the latest, by default

    // Complaints received inside the quarter after its report was frozen (a clock set back, a
    // late-imported record): a live computation would count them; the published report does not.
    await at('2026-03-31T12:00:00Z');
    await caseUnderInvestigation(t, org);
    await caseUnderInvestigation(t, org);
    await recordOnly();
    await at('2026-04-20T09:00:00Z');
    expect((await publishDue()).published).toEqual([]);
    const later = await index({ period: '2026-Q1' });
    expect(later.report).toEqual(published.report);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM discipline.cases WHERE received_at < '2026-04-01'`);
    expect(n).toBe(4);

    // Any member can read it; the EC gets the same aggregate figures as everyone, nothing more.
    const byEc = await t.http().get('/transparency-report').query({ period: '2026-Q1' }).set(org.ec.auth);
    expect(byEc.status).toBe(200);
    expect(byEc.body.report).toEqual(published.report);
  });

  it('suppresses every count between 1 and the threshold in each published quarter', async () => {
    // 2026-Q1 was frozen with one formal complaint: figures of 1, shown as "<3".
    const q1 = (await index({ period: '2026-Q1' })).report;
    assertNoSmallFigure(q1);
    expect(q1.complaintsReceived.total).toMatchObject({ kind: 'small', display: '<3' });
    expect(q1.threshold).toBe(3);

    // 2026-Q2: three formal complaints, three record-only reports, one finding decided.
    await at('2026-05-04T09:00:00Z');
    const c = await caseUnderInvestigation(t, org);
    await caseUnderInvestigation(t, org);
    await caseUnderInvestigation(t, org);
    await recordOnly();
    await recordOnly();
    await recordOnly();
    await decide(t, org, c, { sanction: { kind: 'warning' } });
    await at('2026-07-15T00:00:01Z');
    expect((await publishDue()).published).toEqual(['2026-Q2']);
    const q2 = (await index({ period: '2026-Q2' })).report;
    assertNoSmallFigure(q2);
    expect(q2.complaintsReceived.total).toMatchObject({ kind: 'count', display: '6' });
    expect(q2.complaintsReceived.byPath).toMatchObject({ formal: { display: '3' }, record_only: { display: '3' }, informal: { display: '0' } });
    expect(q2.medianDaysToFinding).toMatchObject({ kind: 'withheld' });
    expect(JSON.stringify(q2)).not.toContain(c.reference);
    expect((await index()).periods.map((p: { periodId: string }) => p.periodId).slice(0, 2)).toEqual(['2026-Q2', '2026-Q1']);
  });
});
