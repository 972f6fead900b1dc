import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

describe('membership: electoral roll frozen as of a date (E4) and delegate apportionment', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let x: string;
  let y: string;
  let z: string;
  const ids: Record<string, string> = {};
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));
  const asOf = '2026-03-01';

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1000, graceMonths: 3 });
    x = await t.make.branch('Roll X');
    y = await t.make.branch('Roll Y');
    z = await t.make.branch('Roll Z');
    const paid = async (name: string, branchId: string, joinedOn = '2024-01-01', through = '2026-06-01') => {
      const m = await t.make.member({ branchId, joinedOn, lastName: name });
      await f.monthlyPayments(m.id, '2024-01-01', through);
      ids[name] = m.id;
      return m.id;
    };
    await paid('paidX1', x);
    await paid('paidX2', x);
    await paid('paidX3', x);
    await paid('unpaidX', x, '2024-01-01', '2025-03-01'); // a year in arrears on the freeze date
    const suspended = await paid('suspendedX', x);
    await f.changeStatus(suspended, 'suspended', '2026-02-01');
    const lapsed = await paid('lapsedX', x, '2024-01-01', '2024-06-01');
    await f.changeStatus(lapsed, 'lapsed', '2024-11-01');
    await paid('lateJoinerX', x, '2026-04-01');
    await paid('paidY', y);
    // In X on the freeze date, moved to Y afterwards: counted in X.
    const mover = await t.make.member({ joinedOn: '2024-01-01', lastName: 'mover', periods: [{ branchId: x, from: '2024-01-01', to: '2026-05-01' }, { branchId: y, from: '2026-05-01', to: null }] });
    await f.monthlyPayments(mover.id, '2024-01-01', '2026-06-01');
    ids.mover = mover.id;
    await paid('paidZ', z);
  });
  afterAll(() => t.close());

  it('freezes the organization roll: active, in a branch and in good standing on the date, nobody else', async () => {
    const ec = await f.electionsCommittee();
    const res = await t.http().post('/electoral-rolls').set(ec.auth).send({ asOf, scope: 'organization', label: 'Congress 2026' });
    expect(res.status).toBe(201);
    const entries = await t.db.dataSource.query(`SELECT member_id, branch_id FROM membership.roll_entries WHERE roll_id = $1`, [res.body.id]);
    const on = new Map(entries.map((e: { member_id: string; branch_id: string }) => [e.member_id, e.branch_id]));
    for (const name of ['paidX1', 'paidX2', 'paidX3', 'paidY', 'mover', 'paidZ']) expect(on.has(ids[name])).toBe(true);
    for (const name of ['unpaidX', 'suspendedX', 'lapsedX', 'lateJoinerX']) expect(on.has(ids[name])).toBe(false);
    expect(on.get(ids.mover)).toBe(x);
    expect(res.body.entryCount).toBe(entries.length);
    const detail = await t.http().get(`/electoral-rolls/${res.body.id}`).set(ec.auth);
    const sizes = Object.fromEntries(detail.body.byBranch.map((b: { branchId: string; rollSize: number }) => [b.branchId, b.rollSize]));
    expect(sizes[x]).toBe(4);
    expect(sizes[y]).toBe(1);
    // Frozen means frozen: a later payment does not change the roll.
    await f.monthlyPayments(ids.unpaidX, '2025-04-01', '2026-06-01');
    const again = await t.http().get(`/electoral-rolls/${res.body.id}`).set(ec.auth);
    expect(again.body.entryCount).toBe(res.body.entryCount);
  });

  it('apportions N seats by roll size, each branch at least the minimum, by either method', async () => {
    const ec = await f.electionsCommittee();
    const roll = (await t.http().post('/electoral-rolls').set(ec.auth).send({ asOf, scope: 'organization' })).body;
    for (const method of ['largest-remainder', 'sainte-lague']) {
      const res = await t.http().post(`/electoral-rolls/${roll.id}/apportionment`).set(ec.auth).send({ seats: 10, method, minimumPerBranch: 1 });
      expect(res.status).toBe(201);
      expect(res.body.allocations.reduce((s: number, a: { seats: number }) => s + a.seats, 0)).toBe(10);
      const byBranch = Object.fromEntries(res.body.allocations.map((a: { branchId: string; seats: number }) => [a.branchId, a.seats]));
      expect(byBranch[y]).toBeGreaterThanOrEqual(1);
      expect(byBranch[z]).toBeGreaterThanOrEqual(1);
      expect(byBranch[x]).toBeGreaterThan(byBranch[y]);
    }
    const tooFew = await t.http().post(`/electoral-rolls/${roll.id}/apportionment`).set(ec.auth).send({ seats: 2, minimumPerBranch: 1 });
    expect(tooFew.status).toBe(422);
    expect(tooFew.body.code).toBe('too_few_seats_for_minimum');
    const bad = await t.http().post(`/electoral-rolls/${roll.id}/apportionment`).set(ec.auth).send({ seats: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('seats');
    const member = await t.make.signedInMember({ branchId: x });
    expect((await t.http().post(`/electoral-rolls/${roll.id}/apportionment`).set(member.auth).send({ seats: 10 })).status).toBe(403);
  });

  it('a branch secretary freezes their own branch roll only; others are refused; retries with the same key freeze once', async () => {
    const secX = await f.secretary(x);
    const own = await t.http().post('/electoral-rolls').set(secX.auth).set('Idempotency-Key', 'roll-x-2026-03').send({ asOf, scope: 'branch', branchId: x });
    expect(own.status).toBe(201);
    expect(own.body.scope).toEqual({ kind: 'branch', branchId: x });
    const retry = await t.http().post('/electoral-rolls').set(secX.auth).set('Idempotency-Key', 'roll-x-2026-03').send({ asOf, scope: 'branch', branchId: x });
    expect(retry.body.id).toBe(own.body.id);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.electoral_rolls WHERE branch_id = $1`, [x]);
    expect(n).toBe(1);
    const entries = await t.db.dataSource.query(`SELECT branch_id FROM membership.roll_entries WHERE roll_id = $1`, [own.body.id]);
    expect(entries.every((e: { branch_id: string }) => e.branch_id === x)).toBe(true);
    expect((await t.http().post('/electoral-rolls').set(secX.auth).send({ asOf, scope: 'branch', branchId: y })).status).toBe(403);
    expect((await t.http().post('/electoral-rolls').set(secX.auth).send({ asOf, scope: 'organization' })).status).toBe(403);
    const treasurer = await f.treasurer(x);
    expect((await t.http().post('/electoral-rolls').set(treasurer.auth).send({ asOf, scope: 'branch', branchId: x })).status).toBe(403);
    expect((await t.http().get(`/electoral-rolls/${own.body.id}`).set(treasurer.auth)).status).toBe(404);
  });

  it('E4: a member under a no_voting restriction on the date is left off the roll; one whose restriction ended before it is on it', async () => {
    const ec = await f.electionsCommittee();
    const w = await t.make.branch('Roll W');
    const member = async (name: string) => {
      const m = await t.make.member({ branchId: w, joinedOn: '2024-01-01', lastName: name });
      await f.monthlyPayments(m.id, '2024-01-01', '2026-06-01');
      return m.id;
    };
    const plain = await member('plainW');
    const noVote = await member('noVoteW');
    const ended = await member('endedW');
    const later = await member('laterW');
    const otherKind = await member('noCandidacyW');
    const restrict = (memberId: string, kind: string, since: string, until: string | null) =>
      t.db.dataSource.query(`INSERT INTO restrictions.active (member_id, kind, since, until) VALUES ($1, $2, $3, $4)`, [memberId, kind, since, until]);
    await restrict(noVote, 'no_voting', '2026-02-01T09:00:00Z', null);
    await restrict(ended, 'no_voting', '2025-06-01T09:00:00Z', '2026-02-28T17:00:00Z');
    await restrict(later, 'no_voting', '2026-03-02T09:00:00Z', null);
    await restrict(otherKind, 'no_candidacy', '2026-01-01T09:00:00Z', null);
    for (const scope of [{ scope: 'organization' }, { scope: 'branch', branchId: w }]) {
      const res = await t.http().post('/electoral-rolls').set(ec.auth).send({ asOf, ...scope });
      expect(res.status).toBe(201);
      const rows: { member_id: string }[] = await t.db.dataSource.query(`SELECT member_id FROM membership.roll_entries WHERE roll_id = $1 AND branch_id = $2`, [res.body.id, w]);
      expect(rows.map((r) => r.member_id).sort()).toEqual([plain, ended, later, otherKind].sort());
      // Nothing about the restriction is written with the roll.
      const [entry] = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'electoral-roll.frozen' AND subject_id = $1`, [res.body.id]);
      expect(JSON.stringify(entry.data)).not.toMatch(/restrict|no_voting/);
    }
  });

  it('bad input: a future date, a branch scope without a branch', async () => {
    const ec = await f.electionsCommittee();
    const future = await t.http().post('/electoral-rolls').set(ec.auth).send({ asOf: '2027-01-01', scope: 'organization' });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('future_date');
    const noBranch = await t.http().post('/electoral-rolls').set(ec.auth).send({ asOf, scope: 'branch' });
    expect(noBranch.status).toBe(400);
    expect(noBranch.body.details[0].field).toBe('branchId');
  });
});
