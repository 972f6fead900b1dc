import { randomUUID } from 'node:crypto';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { closeCertifyPublish, count, DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * Item 7: one ballot per eligible voter; retries answered with the same receipt; a refused
 * ballot (unknown candidate, too many choices, closed poll, ineligible, suspended or restricted
 * voter) writes nothing and is never counted.
 */
describe('elections: casting', () => {
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  const noVoting = new Set<string>();
  const restrictions: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => (noVoting.has(memberId) ? [{ kind: 'no_voting', until: null }] : []),
    separatedFrom: async () => [],
    hasProtectedTransferRight: async () => false,
    membersRestricted: async (kind: string, _during: unknown, ids: readonly string[] | null) => new Set(kind === 'no_voting' ? [...noVoting].filter((id) => !ids || ids.includes(id)) : []),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];
  let stv: { election: any; candidates: string[] };
  let block: { election: any; candidates: string[] };
  let lateJoiner: Signed;
  const accepted: Record<string, number> = {};

  const cast = (electionId: string, voter: Signed, body: unknown, key?: string) => {
    const req = t.http().post(`/elections/${electionId}/ballots`).set(voter.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body as object);
  };
  const stored = (electionId: string) =>
    Promise.all([
      count(t, `SELECT count(*) AS n FROM elections.participation WHERE election_id = $1`, [electionId]),
      count(t, `SELECT (SELECT count(*) FROM elections.ballots WHERE election_id = $1) + (SELECT count(*) FROM elections.ballot_buffer WHERE election_id = $1) AS n`, [electionId]),
    ]);

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS, overrides: [{ provide: RestrictionsPort, useValue: restrictions }] });
    const branch = await t.make.branch();
    ro = await returningOfficer(t);
    voters = await members(t, 12, branch);
    stv = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates: voters.slice(0, 3), closesInMs: 2 * DAY });
    block = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'block-vote', candidates: voters.slice(3, 6), closesInMs: 2 * DAY });
    lateJoiner = await t.make.signedInMember({ branchId: branch });
    accepted[stv.election.id] = 0;
    accepted[block.election.id] = 0;
  });
  afterAll(() => t.close());

  it('200 concurrent casts by one voter produce exactly one ballot and one participation row', async () => {
    const v = voters[6];
    const responses = await Promise.all(Array.from({ length: 200 }, () => cast(stv.election.id, v, { ranking: [stv.candidates[0], stv.candidates[1]] })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['already_voted']));
    expect(await count(t, `SELECT count(*) AS n FROM elections.participation WHERE election_id = $1 AND member_id = $2`, [stv.election.id, v.id])).toBe(1);
    accepted[stv.election.id]++;
    expect(await stored(stv.election.id)).toEqual([accepted[stv.election.id], accepted[stv.election.id]]);
  });

  it('concurrent retries with one Idempotency-Key all get the same receipt, and one ballot is stored', async () => {
    const v = voters[7];
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => cast(stv.election.id, v, { ranking: [stv.candidates[2]] }, key)));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const receipts = new Set(responses.map((r) => r.body.receiptCode));
    expect(receipts.size).toBe(1);
    expect(responses.filter((r) => r.body.replayed === false)).toHaveLength(1);
    accepted[stv.election.id]++;
    expect(await stored(stv.election.id)).toEqual([accepted[stv.election.id], accepted[stv.election.id]]);
  });

  it('a later retry with the same Idempotency-Key returns the same receipt; another key or none is refused', async () => {
    const v = voters[8];
    const key = randomUUID();
    const first = await cast(stv.election.id, v, { ranking: [stv.candidates[1], stv.candidates[0]] }, key);
    expect(first.status).toBe(201);
    expect(first.body.receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    accepted[stv.election.id]++;
    const retry = await cast(stv.election.id, v, { ranking: [stv.candidates[1], stv.candidates[0]] }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ electionId: stv.election.id, receiptCode: first.body.receiptCode, replayed: true });
    const otherKey = await cast(stv.election.id, v, { ranking: [stv.candidates[2]] }, randomUUID());
    expect(otherKey.status).toBe(409);
    expect(otherKey.body.code).toBe('already_voted');
    const noKey = await cast(stv.election.id, v, { ranking: [stv.candidates[2]] });
    expect(noKey.body.code).toBe('already_voted');
    // The receipt is not stored anywhere in the clear next to the voter.
    const [row] = await t.db.dataSource.query(`SELECT * FROM elections.participation WHERE election_id = $1 AND member_id = $2`, [stv.election.id, v.id]);
    expect(JSON.stringify(row)).not.toContain(first.body.receiptCode);
    expect(JSON.stringify(row)).not.toContain(key);
    expect(await stored(stv.election.id)).toEqual([accepted[stv.election.id], accepted[stv.election.id]]);
  });

  it('refuses an unknown candidate, too many choices and a malformed ballot, writing nothing; the voter can then vote', async () => {
    const v = voters[9];
    const before = await stored(block.election.id);
    const unknown = await cast(block.election.id, v, { choices: [block.candidates[0], randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown_candidate');
    const tooMany = await cast(block.election.id, v, { choices: block.candidates });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('too_many_choices');
    const unknownStv = await cast(stv.election.id, v, { ranking: [randomUUID()] });
    expect(unknownStv.body.code).toBe('unknown_candidate');
    const twice = await cast(stv.election.id, v, { ranking: [stv.candidates[0], stv.candidates[0]] });
    expect(twice.body.code).toBe('ballot_invalid');
    const wrongShape = await cast(block.election.id, v, { ranking: [block.candidates[0]] });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.code).toBe('ballot_invalid');
    const unknownSlate = await cast(block.election.id, v, { slate: randomUUID() });
    expect(unknownSlate.body.code).toBe('unknown_candidate');
    expect(await stored(block.election.id)).toEqual(before);
    expect(await count(t, `SELECT count(*) AS n FROM elections.participation WHERE member_id = $1`, [v.id])).toBe(0);
    const valid = await cast(block.election.id, v, { choices: block.candidates.slice(0, 2) });
    expect(valid.status).toBe(201);
    accepted[block.election.id]++;
  });

  it('refuses a member who is not on the frozen electorate', async () => {
    const res = await cast(stv.election.id, lateJoiner, { ranking: [stv.candidates[0]] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_on_electorate');
  });

  it('refuses a voter suspended after the roll was frozen', async () => {
    const v = voters[10];
    await t.db.dataSource.query(`UPDATE membership.members SET status = 'suspended' WHERE id = $1`, [v.id]);
    const res = await cast(stv.election.id, v, { ranking: [stv.candidates[0]] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('voter_suspended');
    expect(await count(t, `SELECT count(*) AS n FROM elections.participation WHERE member_id = $1`, [v.id])).toBe(0);
  });

  it('refuses a voter under a voting restriction with the confidential message only', async () => {
    const v = voters[11];
    noVoting.add(v.id);
    const res = await cast(stv.election.id, v, { ranking: [stv.candidates[0]] });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    noVoting.delete(v.id);
  });

  it('refuses ballots once the announced closing time has passed and after the close; the count has exactly the accepted ballots', async () => {
    // Voters 0..5 vote normally.
    for (const v of voters.slice(0, 3)) {
      await ok(await cast(stv.election.id, v, { ranking: [stv.candidates[0], stv.candidates[2]] }));
      accepted[stv.election.id]++;
    }
    clock.advance(3 * DAY);
    const late = await cast(stv.election.id, voters[3], { ranking: [stv.candidates[0]] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('voting_closed');
    await closeCertifyPublish(t, clock, ro, stv.election.id);
    const afterClose = await cast(stv.election.id, voters[4], { ranking: [stv.candidates[0]] });
    expect(afterClose.body.code).toBe('voting_closed');
    const result = await ok(await t.http().get(`/elections/${stv.election.id}/result`).set(voters[0].auth));
    expect(result.result.ballotsCounted).toBe(accepted[stv.election.id]);
    expect(result.result.participation).toBe(accepted[stv.election.id]);
    expect(result.result.count.validPoll).toBe(String(accepted[stv.election.id]));
    expect(await stored(stv.election.id)).toEqual([accepted[stv.election.id], accepted[stv.election.id]]);
  });

  it('refuses every returning-officer route to a plain member, and the member-only routes to an anonymous caller', async () => {
    const e = block.election.id;
    const k = randomUUID();
    const asMember: [string, string, object][] = [
      ['post', '/elections', { title: 'Nope', purpose: 'motion', scope: 'organization', seats: 1, method: 'motion', motionText: 'x y z' }],
      ['post', `/elections/${e}/open-nominations`, {}],
      ['post', `/elections/${e}/acclaim`, {}],
      ['post', `/elections/${e}/open-voting`, { closesAt: '2030-01-01T00:00:00Z' }],
      ['post', `/elections/${e}/close`, {}],
      ['post', `/elections/${e}/certify`, {}],
      ['post', `/elections/${e}/publish`, {}],
      ['post', '/congresses', { title: 'Congress', apportionmentId: k, opensOn: '2026-06-01' }],
      ['post', `/congresses/${k}/delegate-elections`, {}],
      ['post', `/congresses/${k}/accreditations`, { credentialCode: 'AAAA-AAAA-AAAA-AAAA' }],
    ];
    for (const [, path, body] of asMember) {
      const res = await t.http().post(path).set(voters[0].auth).send(body);
      expect([path, res.status]).toEqual([path, 403]);
    }
    for (const path of ['/elections', `/elections/${e}`, `/elections/${e}/result`, `/elections/${e}/ballots`, `/elections/${e}/ballots.blt`, `/congresses/${k}`]) {
      expect([path, (await t.http().get(path)).status]).toEqual([path, 401]);
    }
    expect((await t.http().post(`/elections/${e}/ballots`).send({ choices: [] })).status).toBe(401);
  });
});
