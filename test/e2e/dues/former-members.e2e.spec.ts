import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DISCIPLINE_CONNECTION, FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

/**
 * Former members (expelled, resigned, declined) are in no branch: their branch's treasurer and
 * secretary no longer read or record anything for them; only the national membership office
 * (national treasurer, national membership secretary) sees them.
 */
describe('dues: a former member is seen by the national membership office only', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let treasurer: Awaited<ReturnType<MembershipFactories['treasurer']>>;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1000, graceMonths: 3 });
    branch = await t.make.branch('Former members');
    treasurer = await f.treasurer(branch);
    secretary = await f.secretary(branch);
  });
  afterAll(() => t.close());

  const pay = (memberId: string, auth: Record<string, string>) =>
    t.http().post('/dues/payments').set(auth).send({ memberId, amountMinor: 1000, currency: 'EUR', paidOn: '2026-06-01' });

  /** What the disciplinary context writes when an expulsion becomes final (on its own connection and grants). */
  const expelAsDisciplineDoes = async (memberId: string) => {
    const ds = t.app.get<DataSource>(getDataSourceToken(DISCIPLINE_CONNECTION));
    await ds.transaction(async (m) => {
      await m.query(`UPDATE membership.members SET status = 'expelled', updated_at = now(), version = version + 1 WHERE id = $1`, [memberId]);
      await m.query(
        `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, changed_by, reason, source, ref)
         VALUES ($1, 'active', 'expelled', now(), '2026-06-10', NULL, NULL, 'sanction', 'discipline-sanction:test')`,
        [memberId],
      );
      await m.query(`UPDATE membership.branch_periods SET to_date = '2026-06-10' WHERE member_id = $1 AND to_date IS NULL`, [memberId]);
    });
  };

  it('after an expulsion, the branch treasurer can neither read nor record payments, nor find the member; the national office still can', async () => {
    const x = await t.make.member({ branchId: branch, joinedOn: '2026-01-01', firstName: 'Xavier', lastName: 'Formerly' });
    expect((await pay(x.id, treasurer.auth)).status).toBe(201);
    await expelAsDisciplineDoes(x.id);

    const [row] = await t.db.dataSource.query(`SELECT status, branch_id FROM membership.members WHERE id = $1`, [x.id]);
    expect(row).toEqual({ status: 'expelled', branch_id: null });

    const recorded = await pay(x.id, treasurer.auth);
    expect(recorded.status).toBe(404);
    expect(recorded.body.code).toBe('member_not_found');
    expect((await t.http().get(`/dues/members/${x.id}/payments`).set(treasurer.auth)).status).toBe(404);
    expect((await t.http().get(`/dues/members/${x.id}`).set(treasurer.auth)).status).toBe(404);
    expect((await t.http().get(`/dues/members/${x.id}/standing`).set(treasurer.auth)).status).toBe(404);
    expect((await t.http().get(`/dues/members/${x.id}/waivers`).set(treasurer.auth)).status).toBe(404);
    const found = await t.http().get('/dues/members').query({ q: 'Formerly' }).set(treasurer.auth);
    expect(found.status).toBe(200);
    expect(found.body).toEqual([]);
    // The branch secretary no longer sees the record either.
    expect((await t.http().get(`/dues/members/${x.id}/standing`).set(secretary.auth)).status).toBe(404);
    expect((await t.http().get(`/members/${x.id}`).set(secretary.auth)).status).toBe(404);
    const listed = await t.http().get('/members').query({ name: 'Formerly' }).set(secretary.auth);
    expect(listed.body.items).toEqual([]);

    // The national membership office still sees (and can correct) the record.
    const nationalTreasurer = await t.make.signedInMember({ branchId: await t.make.branch() });
    await t.make.mandate(nationalTreasurer.id, 'NATIONAL_OFFICE', { role: 'treasurer' });
    const history = await t.http().get(`/dues/members/${x.id}/payments`).set(nationalTreasurer.auth);
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(1);
    expect((await pay(x.id, nationalTreasurer.auth)).status).toBe(201);
    const ms = await f.nationalMembershipSecretary();
    expect((await t.http().get(`/dues/members/${x.id}/payments`).set(ms.auth)).status).toBe(200);
    expect((await t.http().get(`/members/${x.id}`).set(ms.auth)).body).toMatchObject({ status: 'expelled' });
  });

  it('a record that still names the branch (written before this rule) is outside the branch treasurer’s scope too', async () => {
    const y = await t.make.member({ branchId: branch, joinedOn: '2026-01-01', firstName: 'Yolanda', lastName: 'Formerly' });
    await t.db.dataSource.query(`ALTER TABLE membership.members DISABLE TRIGGER members_former_in_no_branch`);
    try {
      await t.db.dataSource.query(`UPDATE membership.members SET status = 'expelled' WHERE id = $1`, [y.id]);
    } finally {
      await t.db.dataSource.query(`ALTER TABLE membership.members ENABLE TRIGGER members_former_in_no_branch`);
    }
    const [row] = await t.db.dataSource.query(`SELECT branch_id FROM membership.members WHERE id = $1`, [y.id]);
    expect(row.branch_id).toBe(branch);
    expect((await pay(y.id, treasurer.auth)).status).toBe(404);
    expect((await t.http().get(`/dues/members/${y.id}/payments`).set(treasurer.auth)).status).toBe(404);
    expect((await t.http().get(`/dues/members/${y.id}`).set(treasurer.auth)).status).toBe(404);
    const found = await t.http().get('/dues/members').query({ q: 'Yolanda' }).set(treasurer.auth);
    expect(found.body).toEqual([]);
    expect((await t.http().get(`/members/${y.id}`).set(secretary.auth)).status).toBe(404);
  });

  it('a suspended member stays in the branch: the treasurer still records their payments', async () => {
    const s = await t.make.member({ branchId: branch, joinedOn: '2026-01-01' });
    await f.changeStatus(s.id, 'suspended', '2026-06-01');
    expect((await pay(s.id, treasurer.auth)).status).toBe(201);
  });
});
