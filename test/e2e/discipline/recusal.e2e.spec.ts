import { DisciplineModule } from '@org/discipline';
import { SeededRandom } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, fileAndTriage, signInAgain, yearsAgo, type World } from './support/discipline-world';

/**
 * S3: a commissioner who shared a branch with the respondent three years ago is never drawn,
 * never on duty, cannot open the case and is never notified of it; one who shared it eight years
 * ago (outside the five-year window) can be drawn — here must be: with four commissioners, one
 * conflicted and no alternates, a panel of three takes every cleared one. Every recorded draw
 * re-runs from its seed to the same panel.
 */
describe('discipline S3: automatic recusal and the recorded draw', () => {
  const clock = new FixedClock(new Date());
  let t: TestApp;
  let w: World;
  let recent: string;
  let long: string;
  const cases: { reference: string; id: string; duty: string; panel: string[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    w = await buildWorld(t, {
      commissioners: 4,
      alternates: 0,
      commissionerBranch: (i, b) =>
        i === 0
          ? [{ branchId: b.branchA, from: yearsAgo(10), to: yearsAgo(3) }, { branchId: b.own, from: yearsAgo(3), to: null }]
          : i === 1
            ? [{ branchId: b.branchA, from: yearsAgo(12), to: yearsAgo(8) }, { branchId: b.own, from: yearsAgo(8), to: null }]
            : null,
    });
    recent = w.commissioners[0].id;
    long = w.commissioners[1].id;
    for (let i = 0; i < 4; i++) cases.push(await fileAndTriage(t, w, complaint(w.respondent.id, { seriousness: { threats: i === 0 } })));
  });
  afterAll(() => t.close());

  it('records the conflict and its reason (shared branch, with the overlap), and clears the one outside the window', async () => {
    const [rec] = await t.db.dataSource.query(`SELECT assessments FROM discipline.recusal_records WHERE case_id = $1 ORDER BY computed_at LIMIT 1`, [cases[0].id]);
    const assessments = typeof rec.assessments === 'string' ? JSON.parse(rec.assessments) : rec.assessments;
    const mine = assessments.find((a: { memberId: string }) => a.memberId === recent);
    expect(mine.eligible).toBe(false);
    expect(mine.conflicts).toEqual([expect.objectContaining({ reason: 'shared_branch', withMemberId: w.respondent.id, branchId: w.branchA })]);
    expect(assessments.find((a: { memberId: string }) => a.memberId === long)).toMatchObject({ eligible: true, conflicts: [] });
  });

  it('never draws or assigns the conflicted commissioner; always draws the one who left eight years ago', async () => {
    for (const c of cases) {
      expect(c.duty).not.toBe(recent);
      expect(c.panel).not.toContain(recent);
      expect(c.panel).toContain(long);
      expect(c.panel).toHaveLength(3);
    }
  });

  it('records seed and sorted eligible list, and the draw re-runs to the same panel', async () => {
    const draws = await t.db.dataSource.query(`SELECT case_id, seed, pool_commissioners, pool_alternates, seats_to_fill, drawn FROM discipline.panel_draws WHERE case_id = ANY($1::uuid[])`, [cases.map((c) => c.id)]);
    expect(draws).toHaveLength(cases.length);
    const seeds = new Set<string>();
    for (const d of draws) {
      const pool: string[] = d.pool_commissioners;
      expect(pool).toEqual([...pool].sort());
      expect(pool).not.toContain(recent);
      expect(pool).toContain(long);
      expect(d.seed.length).toBeGreaterThanOrEqual(16);
      seeds.add(d.seed);
      const drawn = (typeof d.drawn === 'string' ? JSON.parse(d.drawn) : d.drawn).map((x: { memberId: string }) => x.memberId);
      expect(new SeededRandom(d.seed).shuffle(pool).slice(0, d.seats_to_fill)).toEqual(drawn);
    }
    expect(seeds.size).toBe(draws.length);
  });

  it('the conflicted commissioner cannot open the case; a cleared panelist can', async () => {
    for (const c of cases) {
      const res = await t.http().get(`/cases/${c.reference}`).set(by(w, recent).auth);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found.' });
      expect((await t.http().get(`/cases/${c.reference}`).set(by(w, long).auth)).status).toBe(200);
    }
    const list = await t.http().get('/commission/cases').set(by(w, recent).auth);
    expect(list.body).toEqual([]);
    const longList = await t.http().get('/commission/cases').set(by(w, long).auth);
    expect(longList.body.map((x: { reference: string }) => x.reference).sort()).toEqual(cases.map((c) => c.reference).sort());
  });

  it('is never notified — not at intake, triage or draw, nor when deadlines escalate to the whole commission', async () => {
    clock.advance(75 * 3_600_000); // past the 72 h interim-measures limit of the serious case
    const run = await DisciplineModule.runDeadlines(t.app);
    expect(run.escalations).toBeGreaterThan(0);
    const [esc] = await t.db.dataSource.query(`SELECT recipients FROM discipline.escalations WHERE case_id = $1 AND deadline = 'interim_measures'`, [cases[0].id]);
    expect(esc.recipients).not.toContain(recent);
    expect(esc.recipients).toContain(long);
    const outbox = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE member_id = $1`, [recent]);
    const feed = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.feed_entries WHERE member_id = $1`, [recent]);
    expect(outbox[0].n).toBe(0);
    expect(feed[0].n).toBe(0);
    const control = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE member_id = $1`, [long]);
    expect(control[0].n).toBeGreaterThan(0);
  });

  it('a transfer that creates a conflict removes the panelist on their next read, and redraws the seat from the recorded pool', async () => {
    // Give the fourth case's panel an alternate-free pool of one spare: a fifth commissioner joins.
    await signInAgain(t, w);
    const extra = await t.make.signedInMember({ branchId: w.quiet, periods: [{ branchId: w.quiet, from: yearsAgo(10), to: null }] });
    await t.make.mandate(extra.id, 'CCOM', { startsOn: yearsAgo(1) });
    const c = cases[3];
    const moving = c.panel.find((m) => m !== long)!;
    const mover = by(w, moving);
    // The respondent transfers into that panelist's branch today.
    const today = clock.today();
    await t.db.dataSource.query(`UPDATE membership.branch_periods SET to_date = $2 WHERE member_id = $1 AND to_date IS NULL`, [w.respondent.id, today]);
    await t.db.dataSource.query(`INSERT INTO membership.branch_periods (member_id, branch_id, from_date) VALUES ($1, $2, $3)`, [w.respondent.id, mover.branchId, today]);
    const res = await t.http().get(`/cases/${c.reference}`).set(mover.auth);
    expect(res.status).toBe(404);
    const { snapshot } = await caseRow(t, c.reference);
    const seated = snapshot.panel.seats.map((s: { memberId: string }) => s.memberId);
    expect(seated).not.toContain(moving);
    expect(seated).toContain(extra.id);
    expect(snapshot.panel.removed).toEqual([expect.objectContaining({ memberId: moving, reason: 'conflict', replacement: 'drawn' })]);
  });
});
