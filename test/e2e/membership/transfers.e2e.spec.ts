import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

/** Separations and S13 entitlements the tests switch on and off (stand-ins for the disciplinary context). */
const separations = new Map<string, string[]>();
const entitled = new Set<string>();

describe('membership: transfers between branches', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let from: string;
  let to: string;
  let secretaryFrom: Awaited<ReturnType<MembershipFactories['secretary']>>;
  let secretaryTo: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-05-20T09:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      overrides: [
        {
          provide: RestrictionsPort,
          useValue: {
            restrictionsFor: async () => [],
            separatedFrom: async (id: string) => separations.get(id) ?? [],
            hasProtectedTransferRight: async (id: string) => entitled.has(id),
            rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
          },
        },
      ],
    });
    f = new MembershipFactories(t);
    from = await t.make.branch('From branch');
    to = await t.make.branch('To branch');
    secretaryFrom = await f.secretary(from);
    secretaryTo = await f.secretary(to);
  });
  afterAll(() => t.close());

  const periodsOf = (id: string) => t.db.dataSource.query(`SELECT branch_id, from_date, to_date FROM membership.branch_periods WHERE member_id = $1 ORDER BY from_date`, [id]);

  it('the member asks, the receiving secretary accepts: one period closes the day the next opens', async () => {
    const m = await t.make.signedInMember({ branchId: from, joinedOn: '2022-02-01' });
    const req = await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to, reason: 'I moved house' });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'requested', kind: 'ordinary', fromBranchId: from, toBranchId: to });
    // A second request while one is pending is refused.
    expect((await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to })).status).toBe(409);
    // The sending branch's secretary cannot decide it, and does not see it.
    expect((await t.http().post(`/transfers/${req.body.id}/accept`).set(secretaryFrom.auth).send()).status).toBe(404);
    const incoming = await t.http().get('/transfers/incoming').set(secretaryTo.auth);
    expect(incoming.body.map((x: { id: string }) => x.id)).toContain(req.body.id);
    expect(incoming.body[0]).not.toHaveProperty('kind');
    const ok = await t.http().post(`/transfers/${req.body.id}/accept`).set(secretaryTo.auth).send();
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'accepted', effectiveOn: '2026-05-20' });
    expect(await periodsOf(m.id)).toEqual([
      { branch_id: from, from_date: '2022-02-01', to_date: '2026-05-20' },
      { branch_id: to, from_date: '2026-05-20', to_date: null },
    ]);
    // The receiving secretary now sees the member; the old one does not.
    expect((await t.http().get(`/members/${m.id}`).set(secretaryTo.auth)).status).toBe(200);
    expect((await t.http().get(`/members/${m.id}`).set(secretaryFrom.auth)).status).toBe(404);
    // Deciding twice is refused.
    expect((await t.http().post(`/transfers/${req.body.id}/decline`).set(secretaryTo.auth).send({ reason: 'late' })).status).toBe(409);
  });

  it('the receiving secretary declines with a reason the member sees; a member withdraws a pending request', async () => {
    const m = await t.make.signedInMember({ branchId: from });
    const req = (await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to })).body;
    const dec = await t.http().post(`/transfers/${req.id}/decline`).set(secretaryTo.auth).send({ reason: 'Please attend a meeting first' });
    expect(dec.status).toBe(200);
    const mine = (await t.http().get('/me/transfers').set(m.auth)).body;
    expect(mine[0]).toMatchObject({ status: 'declined', declineReason: 'Please attend a meeting first' });
    const again = (await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to })).body;
    const w = await t.http().post(`/me/transfers/${again.id}/withdraw`).set(m.auth).send();
    expect(w.body.status).toBe('withdrawn');
    expect(await periodsOf(m.id)).toHaveLength(1);
  });

  it('S13: a confirmed complainant or witness moves at once, without giving a reason, and nobody is told it was protected', async () => {
    const m = await t.make.signedInMember({ branchId: from, joinedOn: '2023-01-01' });
    const notYet = await t.http().post('/me/transfers/protected').set(m.auth).send({ toBranchId: to });
    expect(notYet.status).toBe(403);
    expect(notYet.body.code).toBe('protected_transfer_not_confirmed');
    entitled.add(m.id);
    const withReason = await t.http().post('/me/transfers/protected').set(m.auth).send({ toBranchId: to, reason: 'because' });
    expect(withReason.status).toBe(400);
    expect(withReason.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    const res = await t.http().post('/me/transfers/protected').set(m.auth).send({ toBranchId: to });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'protected', status: 'accepted', reason: null, effectiveOn: '2026-05-20' });
    expect(await periodsOf(m.id)).toEqual([
      { branch_id: from, from_date: '2023-01-01', to_date: '2026-05-20' },
      { branch_id: to, from_date: '2026-05-20', to_date: null },
    ]);
    // Not in the receiving secretary's queue, and the audit entry is the same as any accepted transfer.
    const incoming = (await t.http().get('/transfers/incoming').set(secretaryTo.auth)).body;
    expect(incoming.map((x: { id: string }) => x.id)).not.toContain(res.body.id);
    const audit = await t.db.dataSource.query(`SELECT action, data FROM audit.entries WHERE subject_id = $1`, [res.body.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('transfer.accepted');
    expect(JSON.stringify(audit[0].data)).not.toMatch(/protected/);
    // The secretary's view of the member shows an ordinary branch history, nothing more.
    const detail = (await t.http().get(`/members/${m.id}`).set(secretaryTo.auth)).body;
    expect(JSON.stringify(detail)).not.toMatch(/protected/);
    entitled.delete(m.id);
  });

  it('a transfer into a branch where a separated member is is refused with the confidential message; nothing changes', async () => {
    const other = await t.make.member({ branchId: to });
    const m = await t.make.signedInMember({ branchId: from, joinedOn: '2023-01-01' });
    separations.set(m.id, [other.id]);
    try {
      const req = (await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to })).body;
      const res = await t.http().post(`/transfers/${req.id}/accept`).set(secretaryTo.auth).send();
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
      expect(await periodsOf(m.id)).toEqual([{ branch_id: from, from_date: '2023-01-01', to_date: null }]);
      const [tr] = await t.db.dataSource.query(`SELECT status FROM membership.transfers WHERE id = $1`, [req.id]);
      expect(tr.status).toBe('requested');
      // Even a protected move cannot break a separation.
      entitled.add(m.id);
      await t.http().post(`/me/transfers/${req.id}/withdraw`).set(m.auth).send();
      const prot = await t.http().post('/me/transfers/protected').set(m.auth).send({ toBranchId: to });
      expect(prot.status).toBe(409);
      expect(prot.body.message).toBe(CONFIDENTIAL_RESTRICTION_MESSAGE);
      // Admission into that branch is checked too.
      const applicant = (await f.applyConfirmed({ firstName: 'New', email: 'new.sep@example.org', branchId: to })).body.memberId;
      separations.set(applicant, [other.id]);
      const admit = await t.http().post(`/members/${applicant}/admit`).set(secretaryTo.auth).send({});
      expect(admit.status).toBe(409);
      expect(admit.body.code).toBe('blocked_by_restriction');
    } finally {
      separations.delete(m.id);
      entitled.delete(m.id);
    }
  });

  it('bad input: a move dated before the current stay began is refused naming the dates; the same branch is refused', async () => {
    const ec = await f.ecMember();
    const a = (await t.http().post('/branches').set(ec.auth).send({ code: 'BAD-A', name: 'Bad A', foundedOn: '2000-01-01' })).body.id;
    const b = (await t.http().post('/branches').set(ec.auth).send({ code: 'BAD-B', name: 'Bad B', foundedOn: '2000-01-01' })).body.id;
    await t.make.member({ branchId: a, joinedOn: '2026-01-15' });
    const res = await t.http().post(`/branches/${a}/merge`).set(ec.auth).send({ intoBranchId: b, on: '2025-12-01' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('period_ends_before_start');
    expect(res.body.message).toMatch(/2025-12-01.*2026-01-15/);
    const m = await t.make.signedInMember({ branchId: from });
    const same = await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: from });
    expect(same.status).toBe(400);
    expect(same.body.code).toBe('same_branch_transfer');
  });
});
