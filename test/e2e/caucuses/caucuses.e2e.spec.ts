import type { MandateRole } from '@org/identity';
import { createTestApp, type TestApp } from '../../support/test-app';

type Person = { id: string | null; auth: { Authorization: string } };

/**
 * Caucuses: forming by signatures up to the organization's threshold, joining and leaving as the
 * member's act alone, the roster visible to the caucus's members only (every office refused, and
 * the attempt audited), small counts told as "fewer than N", and the caucus's own discussion and
 * votes.
 */
describe('caucuses', () => {
  let t: TestApp;
  let branchId: string;
  const member = async (first = 'Caucus', last = 'Member'): Promise<Person> => {
    const m = await t.make.signedInMember({ branchId, firstName: first, lastName: last });
    return { id: m.id, auth: m.auth };
  };
  const officer = async (kind: Parameters<TestApp['make']['mandate']>[1], role?: MandateRole, branch?: string): Promise<Person> => {
    const p = await member('Office', `Holder ${kind} ${role ?? ''}`);
    await t.make.mandate(p.id!, kind, { role, branchId: branch ?? null });
    return p;
  };
  const propose = (p: Person, name: string) => t.http().post('/caucuses').set(p.auth).send({ name, purpose: `The purpose of ${name}.` });
  const refusals = async (caucusId: string) =>
    (await t.db.dataSource.query(`SELECT actor_id, data FROM audit.entries WHERE context = 'caucuses' AND action = 'caucus.members-only-refused' AND subject_id = $1 ORDER BY seq`, [caucusId])) as { actor_id: string; data: { what: string } }[];

  beforeAll(async () => {
    t = await createTestApp({ env: { CAUCUS_FORMATION_THRESHOLD: '3', CAUCUS_COUNT_FLOOR: '3' } });
    branchId = await t.make.branch();
  });
  afterAll(() => t?.close());

  describe('forming, joining and leaving', () => {
    it('forms when the signatures on its formation request reach the threshold the organization sets', async () => {
      const [a, b, c] = [await member(), await member(), await member()];
      const proposed = await propose(a, 'Tenants and renters');
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({ stage: 'forming', threshold: 3, youBelong: true, count: { exact: 1, fewerThan: null }, formedAt: null });
      const id = proposed.body.id;
      const second = await t.http().post(`/caucuses/${id}/join`).set(b.auth);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ stage: 'forming', count: { exact: 2 } });
      const third = await t.http().post(`/caucuses/${id}/join`).set(c.auth);
      expect(third.body).toMatchObject({ stage: 'formed', count: { exact: 3 }, youBelong: true });
      expect(third.body.formedAt).toEqual(expect.any(String));
      const [formed] = await t.db.dataSource.query(`SELECT actor_id FROM audit.entries WHERE context = 'caucuses' AND action = 'caucus.formed' AND subject_id = $1`, [id]);
      expect(formed).toEqual({ actor_id: null });
    });

    it('joining and leaving are the member’s own act: no route takes another member, and a second join or leave is refused', async () => {
      const [a, b] = [await member(), await member()];
      const ec = await officer('EC');
      const id = (await propose(a, 'Young members')).body.id;
      // An officer naming somebody else acts only for themself: the member named is not added or removed.
      const onBehalf = await t.http().post(`/caucuses/${id}/join`).set(ec.auth).send({ memberId: b.id });
      expect(onBehalf.body.youBelong).toBe(true);
      expect((await t.http().get(`/caucuses/${id}`).set(b.auth)).body.youBelong).toBe(false);
      expect((await t.http().post(`/caucuses/${id}/leave`).set(ec.auth).send({ memberId: a.id })).body.youBelong).toBe(false);
      expect((await t.http().get(`/caucuses/${id}`).set(a.auth)).body).toMatchObject({ youBelong: true, count: { exact: 1 } });
      expect((await t.http().post(`/caucuses/${id}/join`).set(a.auth)).body.code).toBe('already_in_caucus');
      expect((await t.http().post(`/caucuses/${id}/join`).set(b.auth)).body.youBelong).toBe(true);
      const left = await t.http().post(`/caucuses/${id}/leave`).set(a.auth);
      expect(left.status).toBe(200);
      expect(left.body).toMatchObject({ youBelong: false, count: { exact: null, fewerThan: 3 } });
      expect((await t.http().post(`/caucuses/${id}/leave`).set(a.auth)).body.code).toBe('not_in_caucus');
    });

    it('a proposal whose last signatory withdraws lapses, and its name is free again', async () => {
      const a = await member();
      const id = (await propose(a, 'Short-lived')).body.id;
      const left = await t.http().post(`/caucuses/${id}/leave`).set(a.auth);
      expect(left.status).toBe(200);
      expect(left.body).toMatchObject({ youBelong: false, count: { exact: 0 } });
      expect((await t.http().get(`/caucuses/${id}`).set(a.auth)).status).toBe(404);
      expect((await propose(await member(), 'Short-lived')).status).toBe(201);
    });

    it('only members of the organization form or join caucuses; names are unique', async () => {
      const a = await member();
      await t.make.account(null, 'not-a-member@test.localhost');
      const outsider = { Authorization: `Bearer ${await t.make.login('not-a-member@test.localhost')}` };
      expect((await t.http().post('/caucuses').set(outsider).send({ name: 'Outside', purpose: 'x' })).status).toBe(403);
      const id = (await propose(a, 'Rail workers')).body.id;
      expect((await t.http().post(`/caucuses/${id}/join`).set(outsider)).status).toBe(403);
      const again = await propose(await member(), 'RAIL WORKERS');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('caucus_name_taken');
      expect((await t.http().post('/caucuses').set(a.auth).send({ name: '', purpose: 'x' })).status).toBe(400);
    });
  });

  describe('the roster is its members’ alone', () => {
    let id: string;
    let small: string;
    let insiders: Person[];
    let roles: [string, Person][];

    beforeAll(async () => {
      insiders = [await member('Rosa', 'Insider'), await member('Karl', 'Insider'), await member('Clara', 'Insider'), await member('Alexandra', 'Insider')];
      id = (await propose(insiders[0], 'Survivors’ caucus')).body.id;
      for (const p of insiders.slice(1)) expect((await t.http().post(`/caucuses/${id}/join`).set(p.auth)).status).toBe(200);
      small = (await propose(insiders[0], 'A very small caucus')).body.id;
      const noMember = await t.make.account(null, 'operator-account@test.localhost');
      expect(noMember).toEqual(expect.any(String));
      roles = [
        ['Executive Committee', await officer('EC')],
        ['EC chair', await officer('EC', 'chair')],
        ['Central Committee', await officer('CC')],
        ['staff', await officer('STAFF', 'staff')],
        ['national office', await officer('NATIONAL_OFFICE', 'membership-secretary')],
        ['Control Commission', await officer('CCOM')],
        ['Appeals Committee', await officer('APPEALS')],
        ['returning officer', await officer('ELECTIONS', 'returning-officer')],
        ['branch secretary', await officer('BRANCH_COMMITTEE', 'secretary', branchId)],
        ['branch chair', await officer('BRANCH_COMMITTEE', 'chair', branchId)],
        ['member', await member()],
        ['account without membership', { id: null, auth: { Authorization: `Bearer ${await t.make.login('operator-account@test.localhost')}` } }],
      ];
    });

    it('every office sees the public name, purpose and count, never who', async () => {
      for (const [, p] of roles) {
        const list = await t.http().get('/caucuses').set(p.auth);
        expect(list.status).toBe(200);
        const mine = list.body.find((c: { id: string }) => c.id === id);
        expect(mine).toMatchObject({ name: 'Survivors’ caucus', purpose: 'The purpose of Survivors’ caucus.', stage: 'formed', count: { exact: 4, fewerThan: null }, youBelong: false });
        const shown = await t.http().get(`/caucuses/${id}`).set(p.auth);
        expect(shown.status).toBe(200);
        const text = JSON.stringify([list.body, shown.body]);
        for (const insider of insiders) expect(text).not.toContain(insider.id);
        expect(text).not.toContain('Insider');
      }
    });

    it('a small count is told as "fewer than N" to everyone outside, exactly to its members', async () => {
      for (const [, p] of roles) {
        expect((await t.http().get(`/caucuses/${small}`).set(p.auth)).body.count).toEqual({ exact: null, fewerThan: 3 });
      }
      expect((await t.http().get(`/caucuses/${small}`).set(insiders[0].auth)).body.count).toEqual({ exact: 1, fewerThan: null });
    });

    it('every office asking for the roster, the discussion or the votes is refused, and each attempt is audited', async () => {
      const before = (await refusals(id)).length;
      for (const [role, p] of roles) {
        for (const path of ['roster', 'posts', 'votes']) {
          const res = await t.http().get(`/caucuses/${id}/${path}`).set(p.auth);
          expect({ role, path, status: res.status, code: res.body.code }).toEqual({ role, path, status: 403, code: 'caucus_members_only' });
          expect(JSON.stringify(res.body)).not.toContain('Insider');
        }
        const post = await t.http().post(`/caucuses/${id}/posts`).set(p.auth).send({ body: 'Let me in' });
        expect({ role, status: post.status }).toEqual({ role, status: 403 });
      }
      const after = await refusals(id);
      expect(after.length - before).toBe(roles.length * 4);
      expect(after.slice(before).map((r) => r.data.what).slice(0, 4)).toEqual(['roster', 'discussion', 'votes', 'discussion']);
      const ec = roles[0][1];
      expect(after.slice(before)[0].actor_id).toBe(ec.id);
    });

    it('the branch secretary’s view of a caucus member’s record says nothing of the caucus', async () => {
      const secretary = roles.find(([r]) => r === 'branch secretary')![1];
      const record = await t.http().get(`/members/${insiders[1].id}`).set(secretary.auth);
      expect(record.status).toBe(200);
      expect(JSON.stringify(record.body)).not.toMatch(new RegExp(`caucus|${id}`, 'i'));
    });

    it('its members see the roster with names', async () => {
      const res = await t.http().get(`/caucuses/${id}/roster`).set(insiders[2].auth);
      expect(res.status).toBe(200);
      expect(res.body.caucus).toMatchObject({ id, youBelong: true, count: { exact: 4 } });
      expect(res.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['Alexandra Insider', 'Clara Insider', 'Karl Insider', 'Rosa Insider']);
      expect(res.body.members.every((m: { current: boolean }) => m.current)).toBe(true);
    });

    it('an officer who joins as a member sees it as a member, and loses it on leaving', async () => {
      const ec = roles[0][1];
      expect((await t.http().post(`/caucuses/${id}/join`).set(ec.auth)).status).toBe(200);
      expect((await t.http().get(`/caucuses/${id}/roster`).set(ec.auth)).body.members).toHaveLength(5);
      expect((await t.http().post(`/caucuses/${id}/leave`).set(ec.auth)).status).toBe(200);
      expect((await t.http().get(`/caucuses/${id}/roster`).set(ec.auth)).status).toBe(403);
    });

    it('the shared audit log never records who joined, signed or left', async () => {
      const rows = (await t.db.dataSource.query(`SELECT actor_id, data::text AS data FROM audit.entries WHERE context = 'caucuses' AND action <> 'caucus.members-only-refused'`)) as { actor_id: string | null; data: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.actor_id).toBeNull();
        for (const insider of insiders) expect(r.data).not.toContain(insider.id);
      }
    });

    it('a caucus id that does not exist is "not found" for everyone', async () => {
      const res = await t.http().get(`/caucuses/00000000-0000-4000-8000-000000000000/roster`).set(insiders[0].auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('caucus_not_found');
    });
  });

  describe('discussion and internal votes', () => {
    let id: string;
    let people: Person[];

    beforeAll(async () => {
      people = [await member('Ana', 'Speaker'), await member('Ben', 'Speaker'), await member('Cai', 'Speaker')];
      id = (await propose(people[0], 'Climate caucus')).body.id;
    });

    it('discussion and votes open once the caucus has formed', async () => {
      const early = await t.http().post(`/caucuses/${id}/posts`).set(people[0].auth).send({ body: 'Hello' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('caucus_not_yet_formed');
      for (const p of people.slice(1)) await t.http().post(`/caucuses/${id}/join`).set(p.auth);
      expect((await t.http().get(`/caucuses/${id}`).set(people[0].auth)).body.stage).toBe('formed');
    });

    it('members post and read each other’s posts', async () => {
      const posted = await t.http().post(`/caucuses/${id}/posts`).set(people[0].auth).send({ body: 'Our motion for congress: first draft.' });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ author: 'Ana Speaker', mine: true, body: 'Our motion for congress: first draft.' });
      await t.http().post(`/caucuses/${id}/posts`).set(people[1].auth).send({ body: 'Agreed, with one change.' });
      const read = await t.http().get(`/caucuses/${id}/posts`).set(people[2].auth);
      expect(read.body.map((p: { author: string; body: string; mine: boolean }) => [p.author, p.body, p.mine])).toEqual([
        ['Ana Speaker', 'Our motion for congress: first draft.', false],
        ['Ben Speaker', 'Agreed, with one change.', false],
      ]);
    });

    it('a vote: one vote per member, the count while open, the result to members once its opener closes it', async () => {
      const opened = await t.http().post(`/caucuses/${id}/votes`).set(people[0].auth).send({ question: 'Submit the motion?', options: ['Yes', 'No', 'Abstain'] });
      expect(opened.status).toBe(201);
      const voteId = opened.body.id;
      expect(opened.body).toMatchObject({ openedByYou: true, votesCast: 0, youVoted: false, results: null });
      const first = await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[1].auth).send({ option: 0 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ votesCast: 1, youVoted: true, results: null });
      const twice = await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[1].auth).send({ option: 1 });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('already_voted_in_caucus');
      expect((await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[2].auth).send({ option: 7 })).status).toBe(400);
      await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[2].auth).send({ option: 0 });
      await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[0].auth).send({ option: 2 });
      const notOpener = await t.http().post(`/caucuses/${id}/votes/${voteId}/close`).set(people[1].auth);
      expect(notOpener.status).toBe(403);
      const closed = await t.http().post(`/caucuses/${id}/votes/${voteId}/close`).set(people[0].auth);
      expect(closed.body.results).toEqual([
        { option: 'Yes', votes: 2 },
        { option: 'No', votes: 0 },
        { option: 'Abstain', votes: 1 },
      ]);
      expect((await t.http().post(`/caucuses/${id}/votes/${voteId}/ballot`).set(people[0].auth).send({ option: 0 })).body.code).toBe('caucus_vote_closed');
      const listed = await t.http().get(`/caucuses/${id}/votes`).set(people[2].auth);
      expect(listed.body[0]).toMatchObject({ id: voteId, votesCast: 3, youVoted: true, openedByYou: false });
      // Who took part is kept apart from what was chosen: no row links a member to an option.
      const columns = (await t.db.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'caucuses' AND table_name = 'vote_tallies'`)).map((r: { column_name: string }) => r.column_name);
      expect(columns).not.toContain('member_id');
    });
  });
});
