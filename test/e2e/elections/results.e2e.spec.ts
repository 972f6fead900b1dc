import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { closeCertifyPublish, createElection, DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, stand, type Signed } from './election-fixtures';

const ROOT = resolve(__dirname, '../../..');

/** `npm run count -- file.blt --seed S`, as any member would run it on a published election. */
function recount(blt: string, seed: string): { elected: number[]; quota: string; stages: { totals: string[]; elected: number[]; excluded: number[] }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'recount-'));
  try {
    const file = join(dir, 'election.blt');
    writeFileSync(file, blt);
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/count.ts', file, '--seed', seed], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * E3 and item 10: what is published lets anyone check the certified result — the tally of the
 * published ballot list equals it (property-tested over random ballots), the BLT file recounts
 * to it with the command-line counter, each voter finds their receipt; small electorates get
 * totals but no individual ballots; the result reaches the scope's members' feeds.
 */
describe('elections: published results can be verified', () => {
  const clock = new FixedClock(new Date('2026-05-04T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    ro = await returningOfficer(t);
    voters = await members(t, 24, await t.make.branch());
  });
  afterAll(() => t.close());

  /** Casts one ballot per voter (null = abstains); returns each receipt with the ballot as cast (candidate numbers). */
  async function castAll(electionId: string, candidates: string[], ballots: (Record<string, unknown> | null)[]): Promise<Map<string, unknown>> {
    const byReceipt = new Map<string, unknown>();
    for (const [i, b] of ballots.entries()) {
      if (b === null) continue;
      const res = await ok(await t.http().post(`/elections/${electionId}/ballots`).set(voters[i].auth).send(b));
      const toNumbers = (ids: unknown) => (ids as string[]).map((id) => candidates.indexOf(id) + 1);
      byReceipt.set(res.receiptCode, b.ranking ? { ranking: toNumbers(b.ranking) } : b.choices ? { choices: toNumbers(b.choices) } : b);
    }
    return byReceipt;
  }

  it('GET /elections/methods lists the counting methods of the registry, with their labels, to members only', async () => {
    const methods = await ok(await t.http().get('/elections/methods').set(voters[0].auth));
    expect(methods.map((m: any) => m.id)).toEqual(['scottish-stv', 'meek-stv', 'plurality', 'approval', 'block-vote', 'motion']);
    expect(methods.find((m: any) => m.id === 'meek-stv')).toMatchObject({ label: 'Single transferable vote (Meek)', ranked: true, electsCandidates: true });
    expect(methods.find((m: any) => m.id === 'motion')).toMatchObject({ ranked: false, electsCandidates: false, forDelegates: false });
    expect((await t.http().get('/elections/methods')).status).toBe(401);
  });

  it('STV: the published ballots are exactly the ballots cast, the BLT file recounts to the certified result, every receipt is found', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 1 }), { nil: null, freq: 5 }), { minLength: 24, maxLength: 24 }), async (rankings) => {
        const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates: voters.slice(0, 5) });
        const cast = await castAll(election.id, candidates, rankings.map((r) => (r ? { ranking: r.map((i) => candidates[i]) } : null)));
        await closeCertifyPublish(t, clock, ro, election.id);
        const { result } = await ok(await t.http().get(`/elections/${election.id}/result`).set(voters[0].auth));
        const list = await ok(await t.http().get(`/elections/${election.id}/ballots`).set(voters[1].auth));
        expect(list.individualBallotsPublished).toBe(true);
        expect(list.ballotsCounted).toBe(cast.size);
        const multiset = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(multiset(list.ballots.map((b: any) => b.ballot))).toEqual(multiset([...cast.values()]));
        const receipts = await ok(await t.http().get(`/elections/${election.id}/receipts`).set(voters[1].auth));
        expect(receipts.receipts).toEqual([...cast.keys()].sort());
        expect(list.ballotsHash).toBe(result.ballotsHash);
        const blt = (await t.http().get(`/elections/${election.id}/ballots.blt`).set(voters[2].auth)).text;
        const mine = recount(blt, result.seed);
        expect(mine.elected).toEqual(result.count.elected.map((c: number) => c + 1));
        expect(mine.quota).toBe(result.count.quota);
        expect(mine.stages.map((s) => s.totals)).toEqual(result.count.stages.map((s: any) => s.totals));
        expect(result.elected).toEqual(result.count.elected.map((c: number) => result.candidates[c].id));
        for (const receipt of cast.keys()) {
          const check = await ok(await t.http().get(`/elections/${election.id}/receipts/${receipt.toLowerCase().replace(/-/g, '')}`).set(voters[3].auth));
          expect(check).toEqual({ electionId: election.id, receiptCode: receipt, counted: true });
        }
        clock.advance(DAY);
      }),
      { numRuns: 3 },
    );
  });

  it('approval and block vote with slates: the tally of the published list equals the certified totals', async () => {
    const slate = await ok(await t.http().post('/slates').set(voters[0].auth).send({ name: `Left ${Date.now()}` }));
    const arbitrary = fc.record({
      approval: fc.array(fc.subarray([0, 1, 2, 3]), { minLength: 24, maxLength: 24 }),
      block: fc.array(
        fc.oneof(
          fc.subarray([0, 1, 2, 3], { maxLength: 2 }).map((c) => ({ choices: c })),
          fc.constant({ slate: true }),
          fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(2, 3)).map(([s, a]) => ({ slate: true, struck: [s], added: [a] })),
        ),
        { minLength: 24, maxLength: 24 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ approval, block }) => {
        // Approval.
        const a = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'approval', candidates: voters.slice(4, 8) });
        await castAll(a.election.id, a.candidates, approval.map((c) => ({ choices: c.map((i) => a.candidates[i]) })));
        await closeCertifyPublish(t, clock, ro, a.election.id);
        const aList = await ok(await t.http().get(`/elections/${a.election.id}/ballots`).set(voters[1].auth));
        const aTotals = [0, 0, 0, 0];
        for (const b of aList.ballots) for (const n of b.ballot.choices) aTotals[n - 1]++;
        const aResult = (await ok(await t.http().get(`/elections/${a.election.id}/result`).set(voters[0].auth))).result;
        expect(aResult.count.stages[0].totals).toEqual(aTotals.map(String));

        // Block vote: candidates 1 and 2 (ballot order) stand on a slate.
        const e = await createElection(t, ro, { seats: 2, method: 'block-vote' });
        await ok(await t.http().post(`/elections/${e.id}/open-nominations`).set(ro.auth));
        const standing = voters.slice(8, 12);
        for (const [i, c] of standing.entries()) await stand(t, e.id, c, voters.slice(12, 15), i < 2 ? { slateId: slate.id } : {});
        await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
        const detail = await ok(await t.http().get(`/elections/${e.id}`).set(ro.auth));
        const ids: string[] = detail.candidates.filter((c: any) => c.status === 'nominated').sort((x: any, y: any) => x.ballotNumber - y.ballotNumber).map((c: any) => c.id);
        const onSlate: string[] = detail.slates[0].candidateIds;
        const offSlate = ids.filter((id) => !onSlate.includes(id));
        for (const [i, b] of block.entries()) {
          const body =
            'choices' in b
              ? { choices: b.choices.map((k) => ids[k]) }
              : 'struck' in b
                ? { slate: slate.id, struck: [onSlate[b.struck![0]]], added: [offSlate[b.added![0] - 2]] }
                : { slate: slate.id };
          await ok(await t.http().post(`/elections/${e.id}/ballots`).set(voters[i].auth).send(body));
        }
        await closeCertifyPublish(t, clock, ro, e.id);
        const bList = await ok(await t.http().get(`/elections/${e.id}/ballots`).set(voters[1].auth));
        const slateNumbers: number[] = bList.slates[0].candidates;
        const bTotals = [0, 0, 0, 0];
        for (const { ballot } of bList.ballots) {
          const chosen = 'slate' in ballot ? [...slateNumbers.filter((n) => !ballot.struck.includes(n)), ...ballot.added] : ballot.choices;
          for (const n of chosen) bTotals[n - 1]++;
        }
        const bResult = (await ok(await t.http().get(`/elections/${e.id}/result`).set(voters[0].auth))).result;
        expect(bResult.count.stages[0].totals).toEqual(bTotals.map(String));
        expect(bResult.ballotsCounted).toBe(24);
        clock.advance(DAY);
      }),
      { numRuns: 2 },
    );
  });

  it('a receipt that is not in the list is reported as not counted; a malformed one is refused', async () => {
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'plurality', candidates: voters.slice(0, 2) });
    await castAll(election.id, candidates, [{ choices: [candidates[0]] }]);
    const early = await t.http().get(`/elections/${election.id}/receipts/0000-0000-0000-0000`).set(voters[3].auth);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('results_not_published');
    await closeCertifyPublish(t, clock, ro, election.id);
    const absent = await ok(await t.http().get(`/elections/${election.id}/receipts/0000-0000-0000-0000`).set(voters[3].auth));
    expect(absent.counted).toBe(false);
    const bad = await t.http().get(`/elections/${election.id}/receipts/not-a-code`).set(voters[3].auth);
    expect(bad.status).toBe(400);
  });

  it('below the minimum electorate, totals are published but no individual ballot, and the result reaches only the branch’s feeds', async () => {
    const branch = await t.make.branch('Small branch');
    const small = await members(t, 6, branch);
    const outsider = voters[5];
    const bodyId = await t.make.body('BRANCH_COMMITTEE', branch);
    const e = await createElection(t, ro, { seats: 2, method: 'scottish-stv', scope: 'branch', branchId: branch, bodyId });
    expect(e.electorateSize).toBe(6);
    await ok(await t.http().post(`/elections/${e.id}/open-nominations`).set(ro.auth));
    for (const c of small.slice(0, 3)) await stand(t, e.id, c, small.filter((x) => x.id !== c.id).slice(0, 3));
    await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    const detail = await ok(await t.http().get(`/elections/${e.id}`).set(ro.auth));
    const ids = detail.candidates.sort((x: any, y: any) => x.ballotNumber - y.ballotNumber).map((c: any) => c.id);
    const receipts: string[] = [];
    for (const [i, v] of small.entries()) receipts.push((await ok(await t.http().post(`/elections/${e.id}/ballots`).set(v.auth).send({ ranking: [ids[i % 3], ids[(i + 1) % 3]] }))).receiptCode);
    const outside = await t.http().post(`/elections/${e.id}/ballots`).set(outsider.auth).send({ ranking: [ids[0]] });
    expect(outside.body.code).toBe('not_on_electorate');
    await closeCertifyPublish(t, clock, ro, e.id);

    const list = await ok(await t.http().get(`/elections/${e.id}/ballots`).set(small[0].auth));
    expect(list.individualBallotsPublished).toBe(false);
    expect(list.ballots).toEqual([]);
    expect(list.ballotsCounted).toBe(6);
    const blt = await t.http().get(`/elections/${e.id}/ballots.blt`).set(small[0].auth);
    expect(blt.status).toBe(409);
    expect(blt.body.code).toBe('ballots_withheld');
    const { result } = await ok(await t.http().get(`/elections/${e.id}/result`).set(small[1].auth));
    expect(result.count.stages.length).toBeGreaterThan(0);
    expect(result.elected).toHaveLength(2);
    expect((await ok(await t.http().get(`/elections/${e.id}/receipts/${receipts[0]}`).set(small[0].auth))).counted).toBe(true);
    // Certification created the branch committee mandates, through identity.
    const mandates = await t.db.dataSource.query(`SELECT member_id FROM identity.mandates WHERE source_kind = 'election' AND source_ref = $1`, [e.id]);
    expect(mandates.map((r: any) => r.member_id).sort()).toEqual(result.elected.map((id: string) => result.candidates.find((c: any) => c.id === id).memberId).sort());

    const feed = await ok(await t.http().get('/me/notifications').set(small[2].auth));
    const notice = feed.items.find((n: any) => n.type === 'election-notice' && /Elected:/.test(n.body));
    expect(notice).toBeDefined();
    // The e-mail has no chart: the notice carries the count stage by stage as a text table.
    expect(notice.body).toContain('The count, stage by stage:');
    expect(notice.body).toMatch(/^Candidate +Stage 1/m);
    expect(notice.body).toContain('Stage 1: first preferences.');
    const outsiderFeed = await ok(await t.http().get('/me/notifications').set(outsider.auth));
    expect(outsiderFeed.items.some((n: any) => n.type === 'election-notice' && n.body.includes(e.title))).toBe(false);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications.feed_entries f JOIN notifications.notices x ON x.id = f.notice_id WHERE x.type = 'election-notice' AND x.data->>'electionId' = $1 AND x.data->>'stage' = 'result'`,
      [e.id],
    );
    expect(n).toBe(6);
  });

  it('a motion (or a recall) goes straight from draft to voting; yes / no / abstain are counted and published', async () => {
    const motion = await createElection(t, ro, { purpose: 'motion', seats: 1, method: 'motion', motionText: 'That the member X be recalled from the CC.' });
    const nominations = await t.http().post(`/elections/${motion.id}/open-nominations`).set(ro.auth);
    expect(nominations.body.code).toBe('election_wrong_state');
    await ok(await t.http().post(`/elections/${motion.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    const answers = voters.map((_, i) => (i < 13 ? 'yes' : i < 21 ? 'no' : 'abstain'));
    for (const [i, answer] of answers.entries()) await ok(await t.http().post(`/elections/${motion.id}/ballots`).set(voters[i].auth).send({ answer }));
    const wrong = await t.http().post(`/elections/${motion.id}/ballots`).set(ro.auth).send({ ranking: [] });
    expect(wrong.body.code).toBe('ballot_invalid');
    await closeCertifyPublish(t, clock, ro, motion.id);
    const { result } = await ok(await t.http().get(`/elections/${motion.id}/result`).set(voters[0].auth));
    expect(result.count).toMatchObject({ carried: true, quorate: true });
    expect(result.count.stages[0].totals).toEqual(['13', '8', '3']);
    const list = await ok(await t.http().get(`/elections/${motion.id}/ballots`).set(voters[0].auth));
    expect(list.ballots.filter((b: any) => b.ballot.answer === 'yes')).toHaveLength(13);
    const feed = await ok(await t.http().get('/me/notifications').set(voters[3].auth));
    expect(feed.items.some((n: any) => n.type === 'election-notice' && /Carried: yes 13, no 8, abstain 3/.test(n.body))).toBe(true);
  });

  it('an organization-wide result reaches every member in good standing through the outbox', async () => {
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'plurality', candidates: voters.slice(0, 2) });
    await castAll(election.id, candidates, voters.map((_, i) => ({ choices: [candidates[i % 2]] })));
    await closeCertifyPublish(t, clock, ro, election.id);
    const [{ members: active }] = await t.db.dataSource.query(`SELECT count(*)::int AS members FROM membership.members WHERE status IN ('active', 'lapsed')`);
    const [{ n, emails }] = await t.db.dataSource.query(
      `SELECT x.recipients AS n, x.emails FROM notifications.notices x WHERE x.type = 'election-notice' AND x.data->>'electionId' = $1 AND x.data->>'stage' = 'result'`,
      [election.id],
    );
    expect(Number(n)).toBe(active);
    expect(Number(emails)).toBe(active);
  });
});
