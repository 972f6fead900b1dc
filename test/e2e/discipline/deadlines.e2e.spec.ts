import { DisciplineModule } from '@org/discipline';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, file, signInAgain, yearsAgo, type World } from './support/discipline-world';

const HOUR = 3_600_000;

/**
 * S5/S6: a serious complaint with no interim-measures decision 72 hours after receipt escalates
 * to the whole commission cleared for the case (never to a conflicted commissioner), once; a
 * decision in time prevents it; an untriaged case escalates after 7 days. The job never runs by
 * itself in tests: `DisciplineModule.runDeadlines` runs it on a FixedClock.
 */
describe('discipline S5/S6: deadlines escalate', () => {
  const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const at = (hours: number, minutes = 0) => new Date(T0.getTime() + hours * HOUR + minutes * 60_000);
  const clock = new FixedClock(T0);
  let t: TestApp;
  let w: World;
  let conflicted: string;
  let serious: string;
  let decided: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // Commissioner #0 is in the respondent's branch right now: conflicted in every case against them.
    w = await buildWorld(t, { commissionerBranch: (i, b) => (i === 0 ? [{ branchId: b.branchA, from: yearsAgo(4), to: null }] : null) });
    conflicted = w.commissioners[0].id;
    serious = await file(t, w.complainant, complaint(w.respondent.id, { seriousness: { sexualMisconduct: true } }));
    decided = await file(t, w.complainant, complaint(w.respondent.id, { seriousness: { threats: true } }));
    const duty = (await caseRow(t, decided)).snapshot.dutyCommissionerId;
    clock.advance(10 * HOUR);
    await signInAgain(t, w);
    const res = await t.http().post(`/commission/cases/${decided}/interim-decisions`).set(by(w, duty).auth).send({ outcome: 'no_measures', measures: [], reasons: 'No risk of contact found.' });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  const escalations = async (reference: string) => {
    const { id } = await caseRow(t, reference);
    return t.db.dataSource.query(`SELECT deadline, due_at, recipients FROM discipline.escalations WHERE case_id = $1 ORDER BY deadline`, [id]);
  };
  const caseUpdatesTo = async (ids: string[]) =>
    (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox o JOIN notifications.notices n ON n.id = o.notice_id WHERE n.type = 'case-update' AND o.member_id = ANY($1::uuid[])`, [ids]))[0].n as number;

  it('does nothing before 72 hours', async () => {
    clock.set(at(72, -1));
    const run = await DisciplineModule.runDeadlines(t.app);
    expect(run.escalations).toBe(0);
    expect(await escalations(serious)).toEqual([]);
  });

  it('escalates the serious case without an interim decision after 72 hours, to every cleared commissioner', async () => {
    const others = w.commissioners.filter((c) => c.id !== conflicted).map((c) => c.id);
    const before = await caseUpdatesTo(others);
    clock.set(at(72, 1));
    const run = await DisciplineModule.runDeadlines(t.app);
    expect(run.escalations).toBe(1);
    const [e] = await escalations(serious);
    expect(e.deadline).toBe('interim_measures');
    expect(new Date(e.due_at).toISOString()).toBe(at(72).toISOString());
    expect([...e.recipients].sort()).toEqual([...others].sort());
    expect(await caseUpdatesTo(others)).toBe(before + others.length);
    expect(await caseUpdatesTo([conflicted])).toBe(0);
    // The case whose duty commissioner decided in time did not escalate.
    expect(await escalations(decided)).toEqual([]);
  });

  it('escalates once: running again changes nothing', async () => {
    clock.advance(HOUR);
    expect((await DisciplineModule.runDeadlines(t.app)).escalations).toBe(0);
    expect(await escalations(serious)).toHaveLength(1);
  });

  it('after escalation every cleared commissioner may see stage and deadlines (no content); the conflicted one still nothing', async () => {
    await signInAgain(t, w);
    const cleared = w.commissioners.find((c) => c.id !== conflicted && c.id !== undefined)!;
    const seen = await t.http().get(`/cases/${serious}`).set(cleared.auth);
    expect(seen.status).toBe(200);
    expect(['commission_oversight', 'duty_commissioner']).toContain(seen.body.role);
    if (seen.body.role === 'commission_oversight') expect(seen.body.complaint).toBeNull();
    expect(seen.body.deadlines.find((d: { kind: string }) => d.kind === 'interim_measures').overdue).toBe(true);
    expect((await t.http().get(`/cases/${serious}`).set(by(w, conflicted).auth)).status).toBe(404);
    const timeline = await t.http().get(`/cases/${serious}/timeline`).set(w.complainant.auth);
    expect(timeline.body.map((e: { kind: string }) => e.kind)).toContain('DeadlineEscalated');
  });

  it('an untriaged case escalates its triage deadline after 7 days', async () => {
    clock.set(at(7 * 24, 1));
    await DisciplineModule.runDeadlines(t.app);
    expect((await escalations(serious)).map((e: { deadline: string }) => e.deadline)).toEqual(['interim_measures', 'triage']);
    expect((await escalations(decided)).map((e: { deadline: string }) => e.deadline)).toEqual(['triage']);
  });
});
