import type { FixedClock } from '@org/platform';
import type { TestApp } from '../../support/test-app';

export type Signed = { id: string; email: string; branchId: string | null; token: string; auth: { Authorization: string } };

export const DAY = 86_400_000;

/** Sessions that outlive a nomination period the tests jump over with the clock. */
export const LONG_SESSIONS = { SESSION_TTL_HOURS: '720' };

/** A signed-in returning officer (Elections Committee mandate). */
export async function returningOfficer(t: TestApp, branchId?: string): Promise<Signed> {
  const m = await t.make.signedInMember({ branchId: branchId ?? (await t.make.branch()) });
  await t.make.mandate(m.id, 'ELECTIONS', { role: 'returning-officer' });
  return m;
}

/** `n` signed-in active members of a branch (they are on an electorate frozen afterwards). */
export async function members(t: TestApp, n: number, branchId: string): Promise<Signed[]> {
  const out: Signed[] = [];
  for (let i = 0; i < n; i++) out.push(await t.make.signedInMember({ branchId }));
  return out;
}

export async function ok<T = any>(res: { status: number; body: any; text?: string }, status = [200, 201]): Promise<T> {
  if (!status.includes(res.status)) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/**
 * The body of that kind that the tests' elections fill. Seat limits hold, and a file's many
 * elections of one national body for the same term would run out of its nine seats: these
 * elections test counting and publishing, so the body is given room for all their winners.
 */
async function bodyForElections(t: TestApp, kind: string): Promise<string> {
  const id = await t.make.body(kind as never);
  await t.db.dataSource.query(`UPDATE identity.bodies SET seats = 10000 WHERE id = $1`, [id]);
  return id;
}

/** Creates a body election (draft) for the branch's members, or for the organization. */
export async function createElection(
  t: TestApp,
  ro: Signed,
  o: { title?: string; bodyKind?: string; bodyId?: string; seats: number; method: string; branchId?: string; scope?: 'organization' | 'branch' | 'congress'; congressId?: string; purpose?: 'body' | 'motion'; motionText?: string },
): Promise<any> {
  const purpose = o.purpose ?? 'body';
  const bodyId = purpose === 'body' ? (o.bodyId ?? (await bodyForElections(t, o.bodyKind ?? 'CC'))) : undefined;
  const scope = o.scope ?? 'organization';
  const res = await t
    .http()
    .post('/elections')
    .set(ro.auth)
    .send({
      title: o.title ?? `Election ${Math.random().toString(36).slice(2, 8)}`,
      purpose,
      scope,
      ...(scope === 'branch' ? { branchId: o.branchId } : {}),
      ...(scope === 'congress' ? { congressId: o.congressId } : {}),
      ...(bodyId ? { bodyId } : {}),
      ...(purpose === 'motion' ? { motionText: o.motionText ?? 'That congress adopts the report.' } : {}),
      seats: o.seats,
      method: o.method,
    });
  return ok(res);
}

/** A candidate nominates themself and `nominators` nominate them. Returns the candidate id. */
export async function stand(t: TestApp, electionId: string, candidate: Signed, nominators: Signed[], extra: Record<string, unknown> = {}): Promise<string> {
  const c = await ok(await t.http().post(`/elections/${electionId}/nominations`).set(candidate.auth).send(extra));
  for (const n of nominators) await ok(await t.http().post(`/elections/${electionId}/candidates/${c.id}/nominators`).set(n.auth).send({}));
  return c.id;
}

/**
 * An election in the voting state with `candidates` validly nominated (each by three of the
 * voters). Returns the election and the candidate ids in ballot order.
 */
export async function electionInVoting(
  t: TestApp,
  clock: FixedClock,
  ro: Signed,
  voters: Signed[],
  o: { seats: number; method: string; candidates: Signed[]; bodyKind?: string; closesInMs?: number; scope?: 'organization' | 'branch'; branchId?: string },
): Promise<{ election: any; candidates: string[] }> {
  const election = await createElection(t, ro, { seats: o.seats, method: o.method, bodyKind: o.bodyKind, scope: o.scope, branchId: o.branchId });
  await ok(await t.http().post(`/elections/${election.id}/open-nominations`).set(ro.auth));
  for (const c of o.candidates) await stand(t, election.id, c, voters.filter((v) => v.id !== c.id).slice(0, 3));
  const closesAt = new Date(clock.now().getTime() + (o.closesInMs ?? DAY)).toISOString();
  await ok(await t.http().post(`/elections/${election.id}/open-voting`).set(ro.auth).send({ closesAt }));
  const detail = await ok(await t.http().get(`/elections/${election.id}`).set(ro.auth));
  const candidates = detail.candidates.filter((c: any) => c.status === 'nominated').sort((a: any, b: any) => a.ballotNumber - b.ballotNumber).map((c: any) => c.id);
  expect(candidates).toHaveLength(o.candidates.length);
  return { election: detail, candidates };
}

/** Moves the clock past the close, closes, certifies and publishes. */
export async function closeCertifyPublish(t: TestApp, clock: FixedClock, ro: Signed, electionId: string): Promise<void> {
  const e = await ok(await t.http().get(`/elections/${electionId}`).set(ro.auth));
  if (clock.now().getTime() < Date.parse(e.votingClosesAt)) clock.set(new Date(Date.parse(e.votingClosesAt) + 1000));
  await ok(await t.http().post(`/elections/${electionId}/close`).set(ro.auth).send({}));
  await ok(await t.http().post(`/elections/${electionId}/certify`).set(ro.auth));
  await ok(await t.http().post(`/elections/${electionId}/publish`).set(ro.auth));
}

export async function count(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [r] = await t.db.dataSource.query(sql, params);
  return Number(r.n);
}

/** Signs people in again (after the clock has jumped past their sessions' lifetime). */
export async function signInAgain(t: TestApp, ...people: Signed[]): Promise<void> {
  for (const p of people) {
    p.token = await t.make.login(p.email);
    p.auth = { Authorization: `Bearer ${p.token}` };
  }
}
