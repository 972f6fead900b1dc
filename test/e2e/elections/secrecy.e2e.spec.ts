import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { closeCertifyPublish, count, DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * E3: the participation roll (who voted) and the ballots (what was voted) cannot be joined —
 * not by a column, a foreign key, a sequence, a timestamp, the physical row order, or the
 * transaction id that wrote them.
 */
describe('elections: secrecy of the ballot', () => {
  const clock = new FixedClock(new Date('2026-04-01T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];
  const previousBatch = process.env.ELECTIONS_BALLOT_BATCH;

  beforeAll(async () => {
    process.env.ELECTIONS_BALLOT_BATCH = '6';
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    ro = await returningOfficer(t);
    voters = await members(t, 30, await t.make.branch());
  });
  afterAll(async () => {
    if (previousBatch === undefined) delete process.env.ELECTIONS_BALLOT_BATCH;
    else process.env.ELECTIONS_BALLOT_BATCH = previousBatch;
    await t.close();
  });

  const columns = async (table: string) =>
    (
      await t.db.dataSource.query(
        `SELECT column_name, data_type, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'elections' AND table_name = $1 ORDER BY column_name`,
        [table],
      )
    ).map((c: any) => ({ name: c.column_name, type: c.data_type, default: c.column_default, identity: c.is_identity }));

  it('ballots carry no voter, no time, no sequence and no receipt: only a random id, a random sort key and the content; receipts have a table of their own', async () => {
    const ballots = await columns('ballots');
    expect(ballots.map((c: any) => c.name)).toEqual(['content', 'election_id', 'id', 'sort_key']);
    const receipts = await columns('receipts');
    expect(receipts.map((c: any) => c.name)).toEqual(['election_id', 'receipt_code']);
    const buffer = await columns('ballot_buffer');
    expect(buffer.map((c: any) => c.name)).toEqual(['content', 'election_id', 'receipt_code']);
    for (const c of [...ballots, ...receipts, ...buffer]) {
      expect(c.type).not.toMatch(/time|date|interval|serial|int/i);
      expect(c.identity).toBe('NO');
      expect(c.default ?? '').not.toMatch(/nextval|now\(|current_|clock_/i);
    }
    expect(ballots.find((c: any) => c.name === 'id').default).toMatch(/gen_random_uuid/);
    expect(ballots.find((c: any) => c.name === 'sort_key').default).toMatch(/gen_random_uuid/);
  });

  it('the participation roll has no ballot id, no receipt in the clear and no time; no foreign key links the two', async () => {
    const participation = await columns('participation');
    expect(participation.map((c: any) => c.name)).toEqual(['election_id', 'idempotency_key_hash', 'member_id', 'sealed_receipt']);
    for (const c of participation) expect(c.type).not.toMatch(/time|date|interval/i);
    const fks = await t.db.dataSource.query(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
        WHERE contype = 'f' AND (conrelid::regclass::text IN ('elections.ballots', 'elections.receipts', 'elections.ballot_buffer', 'elections.participation')
                              OR confrelid::regclass::text IN ('elections.ballots', 'elections.receipts', 'elections.ballot_buffer', 'elections.participation'))`,
    );
    // Both point only at the election itself, never at each other.
    for (const fk of fks) expect(fk.parent).toBe('elections.elections');
    // Nothing in the schema joins them: the only column they share is the election id.
    const shared = participation.map((c: any) => c.name).filter((n: string) => ['content', 'election_id', 'id', 'receipt_code', 'sort_key'].includes(n));
    expect(shared).toEqual(['election_id']);
  });

  /** 36 different rankings of 4 candidates (ballot numbers): every voter's ballot is told apart from the others by its content alone. */
  const distinctRankings: number[][] = [];
  for (const a of [1, 2, 3, 4]) for (const b of [1, 2, 3, 4]) if (b !== a) {
    distinctRankings.push([a, b]);
    for (const c of [1, 2, 3, 4]) if (c !== a && c !== b) distinctRankings.push([a, b, c]);
  }
  let polled: { electionId: string; castOrder: string[]; receipts: string[] } | null = null;

  it('after a poll, no ballot shares a transaction id (xmin) with any participation row, and neither row order nor publication order follows the casting order', async () => {
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates: voters.slice(0, 4) });
    const castOrder: string[] = [];
    const receiptsInCastingOrder: string[] = [];
    for (const [i, v] of voters.entries()) {
      const ranking = distinctRankings[i].map((n) => candidates[n - 1]);
      const res = await ok(await t.http().post(`/elections/${election.id}/ballots`).set(v.auth).send({ ranking }));
      castOrder.push(JSON.stringify({ ranking: distinctRankings[i] }));
      receiptsInCastingOrder.push(res.receiptCode);
      // While a ballot waits in the buffer it is indistinguishable from the others of its batch; batches move shuffled.
      expect(await count(t, `SELECT count(*) AS n FROM elections.ballot_buffer WHERE election_id = $1`, [election.id])).toBeLessThan(6);
    }
    clock.advance(2 * DAY);
    await closeCertifyPublish(t, clock, ro, election.id);
    expect(await count(t, `SELECT count(*) AS n FROM elections.ballot_buffer WHERE election_id = $1`, [election.id])).toBe(0);
    expect(await count(t, `SELECT count(*) AS n FROM elections.ballots WHERE election_id = $1`, [election.id])).toBe(30);
    const pairedByXmin = await count(
      t,
      `SELECT count(*) AS n FROM elections.ballots b JOIN elections.participation p ON p.xmin = b.xmin WHERE b.election_id = $1 AND p.election_id = $1`,
      [election.id],
    );
    expect(pairedByXmin).toBe(0);
    // 30 ballots moved in batches of 6 (the last batch at the close): 5 writing transactions, not 30.
    const writers = await count(t, `SELECT count(DISTINCT xmin::text) AS n FROM elections.ballots WHERE election_id = $1`, [election.id]);
    expect(writers).toBeLessThanOrEqual(6);
    const physical = (await t.db.dataSource.query(`SELECT content FROM elections.ballots WHERE election_id = $1 ORDER BY ctid`, [election.id])).map((r: any) =>
      JSON.stringify({ ranking: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content).ranking }),
    );
    expect(physical).not.toEqual(castOrder);
    const published = await ok(await t.http().get(`/elections/${election.id}/ballots`).set(voters[0].auth));
    const publishedOrder = published.ballots.map((b: any) => JSON.stringify(b.ballot));
    expect(new Set(publishedOrder)).toEqual(new Set(castOrder));
    expect(publishedOrder).not.toEqual(castOrder);
    polled = { electionId: election.id, castOrder, receipts: receiptsInCastingOrder };
    // The published ballots name candidates by ballot number, never a member.
    const text = JSON.stringify(published.ballots);
    for (const v of voters) expect(text).not.toContain(v.id);
  });

  it('receipts prove inclusion, not content: the ballots, the BLT file and the receipt list share no field that joins a receipt to a ranking, and the ballot order follows neither the receipts nor the casting order', async () => {
    expect(polled).not.toBeNull();
    const { electionId, castOrder, receipts } = polled!;
    const ballots = await ok(await t.http().get(`/elections/${electionId}/ballots`).set(voters[1].auth));
    const list = await ok(await t.http().get(`/elections/${electionId}/receipts`).set(voters[1].auth));
    const blt = (await t.http().get(`/elections/${electionId}/ballots.blt`).set(voters[1].auth)).text;
    // Every voter finds their receipt in the list, which is sorted and holds codes and nothing else.
    expect(list.receipts).toEqual([...receipts].sort());
    expect(Object.keys(list).sort()).toEqual(['ballotsHash', 'electionId', 'receipts']);
    for (const r of list.receipts) expect(typeof r).toBe('string');
    // A published ballot is its content and nothing else: no receipt, no id, no index.
    for (const b of ballots.ballots) expect(Object.keys(b)).toEqual(['ballot']);
    const ballotText = JSON.stringify(ballots) + blt;
    for (const r of receipts) {
      expect(ballotText).not.toContain(r);
      expect(ballotText).not.toContain(r.replace(/-/g, ''));
    }
    // The only fields the two documents share are the election's own.
    const fieldsOf = (o: unknown, prefix = ''): string[] =>
      o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => [prefix + k, ...fieldsOf(v, `${prefix}${k}.`)]) : [];
    const shared = fieldsOf(list).filter((f) => fieldsOf(ballots).includes(f));
    expect(shared.sort()).toEqual(['ballotsHash', 'electionId']);
    // Ballots are told apart by content here: the publication order is neither the casting order nor the receipts' order.
    const voterOf = new Map(castOrder.map((c, i) => [c, i] as const));
    const publishedVoters = ballots.ballots.map((b: any) => voterOf.get(JSON.stringify(b.ballot)));
    expect([...publishedVoters].sort((a: number, b: number) => a - b)).toEqual(castOrder.map((_, i) => i));
    expect(publishedVoters).not.toEqual(castOrder.map((_, i) => i));
    const byReceipt = receipts.map((r, i) => [r, i] as const).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, i]) => i);
    expect(publishedVoters).not.toEqual(byReceipt);
  });

  it('writes no ballot content, receipt or voter choice into the audit log', async () => {
    const receipts = (await t.db.dataSource.query(`SELECT receipt_code FROM elections.receipts`)).map((r: any) => r.receipt_code);
    const audit = JSON.stringify(await t.db.dataSource.query(`SELECT action, data FROM audit.entries WHERE context = 'elections'`));
    expect(audit).toContain('election.closed');
    for (const r of receipts) expect(audit).not.toContain(r);
    expect(audit).not.toMatch(/ranking|choices|ballot\.cast/);
  });
});
