import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';
import { createElection, LONG_SESSIONS, ok, returningOfficer } from '../elections/election-fixtures';

/**
 * S1/S5: a restriction is revealed — as the neutral message — only to someone already entitled
 * to act on that person. Every route that consults the restrictions port about a person other
 * than the caller is walked here with a restricted and an unrestricted person outside the
 * caller's scope: the answers (status and body) are identical, and the port is never even asked
 * about them. The routes that consult it only about the caller themself (casting a ballot,
 * nominating oneself, a protected transfer) have nobody "outside the caller's scope".
 * A control for each route shows the restriction does bite inside the scope, so the equality is
 * not the trivial one of a route that ignores restrictions.
 */
describe('restrictions are consulted only after scope (membership, elections, identity)', () => {
  const clock = new FixedClock(new Date('2026-03-10T10:00:00Z'));
  const restricted = new Set<string>();
  const asked: string[] = [];
  const record = (id: string) => {
    asked.push(id);
  };
  const port: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => {
      record(memberId);
      return restricted.has(memberId) ? (['no_hosting', 'no_candidacy', 'no_office', 'no_voting'] as const).map((kind) => ({ kind, until: '2027-01-01T00:00:00Z' })) : [];
    },
    separatedFrom: async (memberId: string) => {
      record(memberId);
      return restricted.has(memberId) ? [...separatedPartners] : [];
    },
    hasProtectedTransferRight: async (memberId: string) => {
      record(memberId);
      return false;
    },
    membersRestricted: async () => new Set<string>(),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  const separatedPartners = new Set<string>();

  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let branchB: string;
  let secretaryA: Awaited<ReturnType<MembershipFactories['secretary']>>;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS, overrides: [{ provide: RestrictionsPort, useValue: port }] });
    f = new MembershipFactories(t);
    branchA = await t.make.branch('Scope branch A');
    branchB = await t.make.branch('Scope branch B');
    secretaryA = await f.secretary(branchA);
    // Someone in each branch the restricted people must be kept apart from.
    separatedPartners.add((await t.make.member({ branchId: branchA })).id);
    separatedPartners.add((await t.make.member({ branchId: branchB })).id);
  });
  afterAll(() => t.close());

  /** A restricted and an unrestricted person made alike by `make`; returns [restricted, unrestricted]. */
  async function pair<T extends { id: string }>(make: () => Promise<T>): Promise<[T, T]> {
    const a = await make();
    const b = await make();
    restricted.add(a.id);
    return [a, b];
  }

  /** Same status, same body, and the port never asked about either person. */
  async function expectIdentical(label: string, people: [{ id: string }, { id: string }], call: (id: string) => Promise<{ status: number; body: unknown }>) {
    asked.length = 0;
    const [r, u] = [await call(people[0].id), await call(people[1].id)];
    expect({ label, status: r.status, body: r.body }).toEqual({ label, status: u.status, body: u.body });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(r.body)).not.toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect({ label, asked: asked.filter((id) => id === people[0].id || id === people[1].id) }).toEqual({ label, asked: [] });
  }

  it('POST /branches/:id/meetings: a host from another branch is "not in this branch", restricted or not (the restriction bites only for the branch’s own members)', async () => {
    const people = await pair(() => t.make.member({ branchId: branchB }));
    const meeting = (hostMemberId: string) => t.http().post(`/branches/${branchA}/meetings`).set(secretaryA.auth).send({ hostMemberId, title: 'Branch meeting', startsAt: '2026-04-01T18:00:00Z' });
    await expectIdentical('meetings', people, meeting);
    expect((await meeting(people[0].id)).body).toMatchObject({ statusCode: 409, code: 'host_not_in_branch' });

    const own = await pair(() => t.make.member({ branchId: branchA }));
    const blocked = await meeting(own[0].id);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    expect((await meeting(own[1].id)).status).toBe(201);
  });

  it('POST /members/:id/admit: another branch’s applicant is not found, separated or not', async () => {
    const applicant = (branchId: string) => async () => {
      const res = await f.applyConfirmed({ branchId, firstName: 'Ada', lastName: `Applicant ${Math.random().toString(36).slice(2, 8)}`, email: `a-${Math.random().toString(36).slice(2)}@example.org`, emailConsent: true });
      return { id: (await ok(res)).memberId as string };
    };
    const people = await pair(applicant(branchB));
    await expectIdentical('admit', people, (id) => t.http().post(`/members/${id}/admit`).set(secretaryA.auth).send({}));

    const own = await pair(applicant(branchA));
    const blocked = await t.http().post(`/members/${own[0].id}/admit`).set(secretaryA.auth).send({});
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect((await t.http().post(`/members/${own[1].id}/admit`).set(secretaryA.auth).send({})).status).toBe(200);
  });

  it('POST /transfers/:id/accept: a transfer into another branch is not found, separated or not', async () => {
    const branchC = await t.make.branch('Scope branch C');
    const mover = (to: string) => async () => {
      const m = await t.make.signedInMember({ branchId: branchC });
      const req = await ok(await t.http().post('/me/transfers').set(m.auth).send({ toBranchId: to, reason: 'Moved house' }));
      return { id: m.id, transferId: req.id as string };
    };
    const people = await pair(mover(branchB));
    const byMember = new Map(people.map((p) => [p.id, p.transferId]));
    await expectIdentical('transfer accept', people, (id) => t.http().post(`/transfers/${byMember.get(id)}/accept`).set(secretaryA.auth).send());

    const own = await pair(mover(branchA));
    const blocked = await t.http().post(`/transfers/${own[0].transferId}/accept`).set(secretaryA.auth).send();
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect((await t.http().post(`/transfers/${own[1].transferId}/accept`).set(secretaryA.auth).send()).status).toBe(200);
  });

  it('POST /elections/:id/nominations/by-body: the branch committee cannot learn whether another branch’s member is restricted', async () => {
    const ro = await returningOfficer(t);
    const bodyId = await t.make.body('BRANCH_COMMITTEE', branchA);
    const election = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyId, scope: 'branch', branchId: branchA });
    await ok(await t.http().post(`/elections/${election.id}/open-nominations`).set(ro.auth));
    const nominate = (memberId: string) => t.http().post(`/elections/${election.id}/nominations/by-body`).set(secretaryA.auth).send({ memberId, bodyId });
    const people = await pair(() => t.make.member({ branchId: branchB }));
    await expectIdentical('nominate by body', people, nominate);

    const own = await pair(() => t.make.member({ branchId: branchA }));
    const blocked = await nominate(own[0].id);
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toBe(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect((await nominate(own[1].id)).status).toBe(201);
  });

  it('POST /bodies/:id/mandates: someone who may not appoint is refused alike for a restricted and an unrestricted member', async () => {
    const office = await t.make.body('NATIONAL_OFFICE');
    const people = await pair(() => t.make.member({ branchId: branchB }));
    await expectIdentical('appoint', people, (memberId) =>
      t.http().post(`/bodies/${office}/mandates`).set(secretaryA.auth).send({ memberId, role: 'member', startsOn: '2026-03-10', decisionRef: 'EC decision 2026/4' }),
    );
  });
});
