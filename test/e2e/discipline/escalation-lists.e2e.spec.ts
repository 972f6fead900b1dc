import { DisciplineModule } from '@org/discipline';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, file, signInAgain, yearsAgo, type World } from './support/discipline-world';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * S6 with S3: once a deadline is missed and escalated to the whole commission, every cleared
 * commissioner finds the case in their lists (`GET /cases/mine`, `GET /commission/cases`), with
 * the missed deadline shown (stage, due date, days overdue); a conflicted commissioner never
 * does, and nobody outside the commission sees it listed.
 */
describe('discipline S6: escalated cases are listed to the commissioners who may act on them', () => {
  const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const clock = new FixedClock(T0);
  let t: TestApp;
  let w: World;
  let conflicted: string;
  let reference: string;
  let duty: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // Commissioner #0 is in the respondent's branch right now: conflicted in every case against them.
    w = await buildWorld(t, { commissionerBranch: (i, b) => (i === 0 ? [{ branchId: b.branchA, from: yearsAgo(4), to: null }] : null) });
    conflicted = w.commissioners[0].id;
    reference = await file(t, w.complainant, complaint(w.respondent.id));
    duty = (await caseRow(t, reference)).snapshot.dutyCommissionerId;
  });
  afterAll(() => t.close());

  const listed = async (who: { auth: { Authorization: string } }) => {
    const mine = await t.http().get('/cases/mine').set(who.auth);
    const commission = await t.http().get('/commission/cases').set(who.auth);
    expect(mine.status).toBe(200);
    expect(commission.status).toBe(200);
    return {
      mine: mine.body.find((c: { reference: string }) => c.reference === reference),
      commission: commission.body.find((c: { reference: string }) => c.reference === reference),
    };
  };

  it('before any deadline is missed, a commissioner who is neither on duty nor seated does not list the case', async () => {
    const other = w.commissioners.find((c) => c.id !== conflicted && c.id !== duty)!;
    const seen = await listed(other);
    expect(seen.mine).toBeUndefined();
    expect(seen.commission).toBeUndefined();
  });

  it('after the triage deadline passes and the deadlines job escalates it, every cleared commissioner lists it with the missed deadline', async () => {
    clock.set(new Date(T0.getTime() + 9 * DAY + HOUR));
    const run = await DisciplineModule.runDeadlines(t.app);
    expect(run.escalations).toBe(1);
    await signInAgain(t, w);
    const cleared = w.commissioners.filter((c) => c.id !== conflicted && c.id !== duty);
    expect(cleared.length).toBeGreaterThan(3);
    for (const c of cleared) {
      const seen = await listed(c);
      for (const entry of [seen.mine, seen.commission]) {
        expect(entry).toMatchObject({ reference, role: 'commission_oversight', stage: 'received' });
        expect(entry.escalations).toEqual([
          {
            deadline: 'triage',
            dueAt: new Date(T0.getTime() + 7 * DAY).toISOString(),
            escalatedAt: new Date(T0.getTime() + 9 * DAY + HOUR).toISOString(),
            metAt: null,
            daysOverdue: 2,
          },
        ]);
        expect(entry.deadlines.find((d: { kind: string }) => d.kind === 'triage')).toMatchObject({ overdue: true });
      }
      // Opening it answers as before: the oversight view, no content.
      const opened = await t.http().get(`/cases/${reference}`).set(c.auth);
      expect(opened.status).toBe(200);
      expect(opened.body.role).toBe('commission_oversight');
      expect(opened.body.complaint).toBeNull();
    }
    // The duty commissioner lists it too, with the escalation shown.
    const onDuty = await listed(by(w, duty));
    expect(onDuty.commission).toMatchObject({ role: 'duty_commissioner', escalations: [expect.objectContaining({ deadline: 'triage', daysOverdue: 2 })] });
  });

  it('the conflicted commissioner never lists it (nor opens it); officers, the Appeals Committee and members list nothing', async () => {
    const seen = await listed(by(w, conflicted));
    expect(seen.mine).toBeUndefined();
    expect(seen.commission).toBeUndefined();
    expect((await t.http().get(`/cases/${reference}`).set(by(w, conflicted).auth)).status).toBe(404);
    for (const who of [w.ec, w.cc, w.staff, w.secretary, w.bystander, ...w.appeals, ...w.alternates]) {
      const s = await listed(who);
      expect(s.mine).toBeUndefined();
      expect(s.commission).toBeUndefined();
    }
  });

  it('the parties do not see the escalation records, only their deadlines', async () => {
    const mine = await t.http().get('/cases/mine').set(w.complainant.auth);
    const own = mine.body.find((c: { reference: string }) => c.reference === reference);
    expect(own.role).toBe('complainant');
    expect(own.escalations).toEqual([]);
  });

  it('days overdue grow until the deadline is met; once triaged, the escalation shows when it was met', async () => {
    clock.set(new Date(T0.getTime() + 10 * DAY + 2 * HOUR));
    await signInAgain(t, w);
    const cleared = w.commissioners.find((c) => c.id !== conflicted && c.id !== duty)!;
    expect((await listed(cleared)).commission.escalations[0].daysOverdue).toBe(3);
    const triaged = await t.http().post(`/commission/cases/${reference}/triage`).set(by(w, duty).auth).send({});
    expect(triaged.status).toBe(200);
    const panel: string[] = triaged.body.panel;
    const seated = by(w, panel[0]);
    const entry = (await listed(seated)).commission;
    expect(entry.role).toBe('panelist');
    expect(entry.escalations).toEqual([expect.objectContaining({ deadline: 'triage', metAt: new Date(T0.getTime() + 10 * DAY + 2 * HOUR).toISOString(), daysOverdue: 3 })]);
  });
});
