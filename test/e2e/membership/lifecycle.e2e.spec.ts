import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { applicationTokenSentTo, messageTypesSentTo } from '../../support/mail';
import { MembershipFactories } from '../../support/membership.factories';

describe('membership: applying, admission, decline, resignation, branches', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-03-10T10:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    branch = await t.make.branch('Lifecycle branch');
    secretary = await f.secretary(branch);
  });
  afterAll(() => t.close());

  const apply = (body: Record<string, unknown>) => f.applyConfirmed({ branchId: branch, ...body });

  it('a person applies; the branch secretary admits them into the branch, with the history of who and when', async () => {
    const res = await apply({ firstName: 'Rosa', lastName: 'Luxe', email: 'Rosa.Luxe@Example.org', emailConsent: true, note: 'Met at the May Day march' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'applicant', memberNumber: expect.stringMatching(/^M\d+$/) });
    const id = res.body.memberId;
    const admit = await t.http().post(`/members/${id}/admit`).set(secretary.auth).send({});
    expect(admit.status).toBe(200);
    expect(admit.body).toMatchObject({ status: 'active', branchId: branch });
    const detail = (await t.http().get(`/members/${id}`).set(secretary.auth)).body;
    expect(detail.email).toBe('rosa.luxe@example.org');
    expect(detail.emailConsent).toMatchObject({ given: true });
    expect(detail.branchHistory).toEqual([{ branchId: branch, from: '2026-03-10', to: null }]);
    expect(detail.statusHistory.map((e: { from: string | null; to: string; by: string }) => [e.from, e.to, e.by])).toEqual([
      [null, 'applicant', id],
      ['applicant', 'active', secretary.id],
    ]);
    const audit = await t.db.dataSource.query(`SELECT action, actor_id FROM audit.entries WHERE subject_id = $1 ORDER BY seq`, [id]);
    expect(audit).toEqual([
      { action: 'member.applied', actor_id: id },
      { action: 'member.admitted', actor_id: secretary.id },
    ]);
  });

  it('declining needs a reason; the reason is kept in the history', async () => {
    const id = (await apply({ firstName: 'Dec', lastName: 'Lined', email: 'declined@example.org' })).body.memberId;
    const noReason = await t.http().post(`/members/${id}/decline`).set(secretary.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('validation_failed');
    const res = await t.http().post(`/members/${id}/decline`).set(secretary.auth).send({ reason: 'Lives outside the branch area; apply to the city branch.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    // A declined applicant is in no branch any more: only the national membership secretary still sees the record.
    expect((await t.http().get(`/members/${id}`).set(secretary.auth)).status).toBe(404);
    const ms = await f.nationalMembershipSecretary();
    const history = (await t.http().get(`/members/${id}`).set(ms.auth)).body.statusHistory;
    expect(history[1]).toMatchObject({ from: 'applicant', to: 'declined', by: secretary.id, reason: 'Lives outside the branch area; apply to the city branch.' });
    // A declined application cannot be admitted afterwards.
    const late = await t.http().post(`/members/${id}/admit`).set(ms.auth).send({});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invalid_status_transition');
  });

  it('bad input: an address in use is told only to that address (the same 202 to the caller); a bad e-mail or unknown branch is refused', async () => {
    expect((await apply({ firstName: 'Dup', email: 'dup@example.org' })).status).toBe(201);
    const fresh = await t.http().post('/applications').send({ branchId: branch, firstName: 'New', email: 'not.dup@example.org' });
    const dup = await t.http().post('/applications').send({ branchId: branch, firstName: 'Dup2', email: 'DUP@example.org ' });
    expect(dup.status).toBe(202);
    expect(dup.body).toEqual(fresh.body);
    // The address's owner is told instead, and nothing is kept.
    expect((await messageTypesSentTo(t, 'dup@example.org')).sort()).toEqual(['application-confirmation', 'membership-exists']);
    expect(await t.db.dataSource.query(`SELECT 1 FROM membership.pending_applications WHERE email = 'dup@example.org'`)).toEqual([]);
    const bad = await apply({ firstName: 'Bad', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_member_profile');
    expect(bad.body.details[0].field).toBe('email');
    const nowhere = await t.http().post('/applications').send({ firstName: 'X', email: 'x.nowhere@example.org', branchId: '00000000-0000-4000-8000-000000000000' });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.code).toBe('branch_not_found');
  });

  it('S9: an expelled member cannot come back by applying again or being imported as a new record until the commission readmits them', async () => {
    const expelled = await t.make.member({ branchId: branch, email: 'expelled.one@example.org' });
    await f.changeStatus(expelled.id, 'expelled', '2026-01-01');
    // What the disciplinary context records with a final expulsion.
    await t.db.dataSource.query(`INSERT INTO restrictions.readmission_required (member_id, since) VALUES ($1, '2026-01-01T00:00:00Z')`, [expelled.id]);
    // The caller is answered as for any address; the address's owner, opening the link, is refused and nothing is filed.
    const asked = await t.http().post('/applications').send({ branchId: branch, firstName: 'Again', email: 'Expelled.One@example.org' });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ message: expect.stringMatching(/Check your e-mail/), expiresAt: expect.any(String) });
    const res = await t.http().post('/applications/confirm').send({ token: await applicationTokenSentTo(t, 'expelled.one@example.org') });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'application_not_possible', details: { field: 'email' } });
    expect(res.body.message).toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect(res.body.message).not.toMatch(/expel|case|sanction/i);
    const [{ code }] = await t.db.dataSource.query(`SELECT upper(code) AS code FROM membership.branches WHERE id = $1`, [branch]);
    const csv = `first_name,last_name,email,phone,branch_code,joined_on,status\nAgain,X,expelled.one@example.org,,${code},2026-01-02,active\n`;
    const dry = await t.http().post('/members/import?mode=dry-run').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from(csv));
    expect(dry.body.rows[0]).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: 'email', message: expect.stringMatching(/readmission/) })] });
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.members WHERE lower(email) = 'expelled.one@example.org'`);
    expect(n).toBe(1);

    // The Control Commission decides to readmit (its decision removes the listing): the person applies like anyone else.
    await t.db.dataSource.query(`DELETE FROM restrictions.readmission_required WHERE member_id = $1`, [expelled.id]);
    const dryAfter = await t.http().post('/members/import?mode=dry-run').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from(csv));
    // Accepted now: counted, and no longer among the rows with a problem.
    expect(dryAfter.body).toMatchObject({ ok: true, accepted: 1, rejected: 0, rows: [] });
    const again = await apply({ firstName: 'Again', email: 'Expelled.One@example.org' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'applicant' });
    expect(again.body.memberId).not.toBe(expelled.id);
  });

  it('a member resigns; their branch period closes and their mandates lose authority', async () => {
    const m = await t.make.signedInMember({ branchId: branch, joinedOn: '2021-05-01' });
    const res = await t.http().post('/me/resign').set(m.auth).send({ reason: 'Moving abroad' });
    expect(res.status).toBe(200);
    const [row] = await t.db.dataSource.query(`SELECT status, branch_id FROM membership.members WHERE id = $1`, [m.id]);
    expect(row).toEqual({ status: 'resigned', branch_id: null });
    const periods = await t.db.dataSource.query(`SELECT from_date, to_date FROM membership.branch_periods WHERE member_id = $1`, [m.id]);
    expect(periods).toEqual([{ from_date: '2021-05-01', to_date: '2026-03-10' }]);
    // Resigning ends the session it was made in; signed in again, a second resignation is refused.
    expect((await t.http().post('/me/resign').set(m.auth).send({})).status).toBe(401);
    const again = { Authorization: `Bearer ${await t.make.login(m.email)}` };
    expect((await t.http().post('/me/resign').set(again).send({})).status).toBe(409);
  });

  it('branches are created, merged and closed by the EC only; a merge moves every member gap-free', async () => {
    const ec = await f.ecMember();
    const nope = await t.http().post('/branches').set(secretary.auth).send({ code: 'NOPE', name: 'Nope' });
    expect(nope.status).toBe(403);
    const a = await t.http().post('/branches').set(ec.auth).send({ code: 'mrg-a', name: 'Merge A', foundedOn: '2015-01-01' });
    expect(a.status).toBe(201);
    expect(a.body.code).toBe('MRG-A');
    const dupCode = await t.http().post('/branches').set(ec.auth).send({ code: 'MRG-A', name: 'Again' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.details).toEqual({ field: 'code' });
    const b = await t.http().post('/branches').set(ec.auth).send({ code: 'MRG-B', name: 'Merge B', foundedOn: '2015-01-01' });
    const m1 = await t.make.member({ branchId: a.body.id, joinedOn: '2020-02-01' });
    const m2 = await t.make.member({ branchId: a.body.id, joinedOn: '2026-03-10' });
    const closeFull = await t.http().post(`/branches/${a.body.id}/close`).set(ec.auth).send({});
    expect(closeFull.status).toBe(409);
    expect(closeFull.body.code).toBe('branch_has_members');
    const merge = await t.http().post(`/branches/${a.body.id}/merge`).set(ec.auth).send({ intoBranchId: b.body.id });
    expect(merge.status).toBe(200);
    expect(merge.body.movedMembers).toBe(2);
    const p1 = await t.db.dataSource.query(`SELECT branch_id, from_date, to_date FROM membership.branch_periods WHERE member_id = $1 ORDER BY from_date`, [m1.id]);
    expect(p1).toEqual([
      { branch_id: a.body.id, from_date: '2020-02-01', to_date: '2026-03-10' },
      { branch_id: b.body.id, from_date: '2026-03-10', to_date: null },
    ]);
    // Joined the same day as the merge: the zero-day stay is replaced, never an empty period.
    const p2 = await t.db.dataSource.query(`SELECT branch_id, from_date, to_date FROM membership.branch_periods WHERE member_id = $1`, [m2.id]);
    expect(p2).toEqual([{ branch_id: b.body.id, from_date: '2026-03-10', to_date: null }]);
    const [mb] = await t.db.dataSource.query(`SELECT branch_id FROM membership.members WHERE id = $1`, [m1.id]);
    expect(mb.branch_id).toBe(b.body.id);
    const list = (await t.http().get('/branches')).body;
    expect(list.find((x: { id: string }) => x.id === a.body.id)).toMatchObject({ status: 'merged', mergedIntoBranchId: b.body.id });
  });

  it('S5: a host under no_hosting cannot host a branch meeting; the refusal says nothing about why', async () => {
    let restrictedId = '';
    const t2 = await createTestApp({
      clock,
      overrides: [
        {
          provide: RestrictionsPort,
          useValue: {
            restrictionsFor: async (id: string) => (id === restrictedId ? [{ kind: 'no_hosting', until: null }] : []),
            separatedFrom: async () => [],
            hasProtectedTransferRight: async () => false,
          },
        },
      ],
    });
    try {
      const f2 = new MembershipFactories(t2);
      const b2 = await t2.make.branch();
      const chair = await f2.officer(b2, 'chair');
      const host = await t2.make.member({ branchId: b2 });
      restrictedId = (await t2.make.member({ branchId: b2 })).id;
      const meeting = (hostMemberId: string) => t2.http().post(`/branches/${b2}/meetings`).set(chair.auth).send({ hostMemberId, title: 'Branch meeting', startsAt: '2026-04-01T18:00:00Z' });
      expect((await meeting(host.id)).status).toBe(201);
      const refused = await meeting(restrictedId);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
      const [{ n }] = await t2.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.meetings WHERE host_member_id = $1`, [restrictedId]);
      expect(n).toBe(0);
      // A plain member cannot schedule meetings at all.
      const plain = await t2.make.signedInMember({ branchId: b2 });
      expect((await t2.http().post(`/branches/${b2}/meetings`).set(plain.auth).send({ hostMemberId: host.id, title: 'x', startsAt: '2026-04-01T18:00:00Z' })).status).toBe(403);
    } finally {
      await t2.close();
    }
  });
});
