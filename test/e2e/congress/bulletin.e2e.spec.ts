import { randomUUID } from 'node:crypto';
import { POLICY_KEY } from '@org/identity';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import type { NestContainer } from '@nestjs/core';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * The pre-congress discussion bulletin: a returning officer sets its period and length once and
 * every member is told once; any member, or a caucus through one of its members, publishes at
 * once within the period and the length; nobody holds a contribution back, edits, reorders or
 * delays it; only the author withdraws it (shown as withdrawn); a caucus's contribution names no
 * member, to anyone, nor in the audit log; a member under a no-speaking interim measure does not
 * publish (the confidential message).
 */
describe('congress floor: the pre-congress discussion bulletin', () => {
  const clock = new FixedClock(new Date('2027-02-27T09:00:00Z'));
  const opensAt = '2027-03-01T00:00:00.000Z';
  const closesAt = '2027-03-20T00:00:00.000Z';
  const silenced = new Set<string>();
  const port: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => (silenced.has(memberId) ? [{ kind: 'no_speaking', until: '2027-12-31T00:00:00Z' }] : []),
    separatedFrom: async () => [],
    hasProtectedTransferRight: async () => false,
    membersRestricted: async () => new Set<string>(),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  let t: TestApp;
  let ro: Signed, chair: Signed, ec: Signed, reader: Signed, author: Signed, muted: Signed;
  let a: Signed, b: Signed, c: Signed;
  let congressId: string;
  let caucusId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, CAUCUS_FORMATION_THRESHOLD: '3' }, overrides: [{ provide: RestrictionsPort, useValue: port }] });
    const branchId = await t.make.branch('Bulletin branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    ec = await member();
    await t.make.mandate(ec.id, 'EC');
    [reader, author, muted, a, b, c] = [await member(), await member(), await member(), await member(), await member(), await member()];
    silenced.add(muted.id);
    congressId = await congressWithDelegates(t, { branchId, delegates: [a, b] });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date('2027-04-20T12:00:00Z')), chairs: [chair.id], standingOrdersCommittee: [ec.id] }));
    const proposed = await ok(await t.http().post('/caucuses').set(a.auth).send({ name: 'Renters caucus', purpose: 'Members who rent their homes.' }));
    await ok(await t.http().post(`/caucuses/${proposed.id}/join`).set(b.auth));
    expect((await ok(await t.http().post(`/caucuses/${proposed.id}/join`).set(c.auth))).stage).toBe('formed');
    caucusId = proposed.id;
  });
  afterAll(() => t?.close());

  const http = () => t.http();
  const publish = (who: Signed, body: Record<string, unknown>, key?: string) => {
    const req = http().post(`/congresses/${congressId}/bulletin/contributions`).set(who.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ title: 'On the housing campaign', text: 'We should organize tenants in every branch.', ...body });
  };
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('only a returning officer sets the bulletin, once; every member is told once', async () => {
    const set = (who: Signed, body: object = { opensAt, closesAt, maxWords: 100 }) => http().post(`/congresses/${congressId}/bulletin`).set(who.auth).send(body);
    expect((await set(ec)).status).toBe(403);
    expect((await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth)).body.code).toBe('bulletin_not_set');
    expect((await set(ro, { opensAt: closesAt, closesAt: opensAt, maxWords: 100 })).body.code).toBe('invalid_bulletin_orders');
    const bulletin = await ok(await set(ro), [201]);
    expect(bulletin).toMatchObject({ congressId, orders: { opensAt, closesAt, maxWords: 100 }, phase: 'not-open-yet', contributions: [] });
    const again = await set(ro, { opensAt, closesAt: '2027-03-02T00:00:00.000Z', maxWords: 100 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bulletin_already_set');
    const feed = await ok(await http().get('/me/notifications').set(reader.auth));
    const notices = feed.items.filter((n: { title: string }) => n.title === 'The pre-congress discussion bulletin');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('up to 100 words');
  });

  it('period: before it opens the refusal says when it opens; after it closes, when it closed', async () => {
    const early = await publish(author, {});
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'bulletin_not_open_yet', details: { opensAt, closesAt } });
    expect(early.body.message).toContain(`opens at ${opensAt}`);
    clock.set(new Date('2027-03-02T10:00:00Z'));
  });

  it('length: a contribution over the limit is refused saying how many words over', async () => {
    const long = await publish(author, { text: words(104) });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'contribution_too_long', message: 'The contribution has 104 words: 4 over the 100 the standing orders allow.', details: { words: 104, maxWords: 100, over: 4 } });
    expect((await publish(author, { text: words(100), title: 'Exactly one hundred' })).status).toBe(201);
  });

  it('a member publishes at once; a retry with the same key returns the same contribution; the key reused for other words is refused', async () => {
    const key = randomUUID();
    const first = await ok(await publish(author, {}, key), [201]);
    expect(first).toMatchObject({ author: { kind: 'member', memberId: author.id }, title: 'On the housing campaign', words: 7, withdrawnAt: null, yours: true });
    const retry = await ok(await publish(author, {}, key), [201]);
    expect(retry.id).toBe(first.id);
    expect((await publish(author, { text: 'Different words.' }, key)).body.code).toBe('idempotency_key_reused');
    const listed = await ok(await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth));
    expect(listed.phase).toBe('open');
    expect(listed.contributions.filter((x: { id: string }) => x.id === first.id)).toHaveLength(1);
    expect(listed.contributions.find((x: { id: string }) => x.id === first.id)).toMatchObject({ text: 'We should organize tenants in every branch.', yours: false });
  });

  it('a caucus publishes through a current member; nobody outside sees who, and the audit names no member', async () => {
    expect((await publish(reader, { caucusId })).body.code).toBe('may_not_publish_for');
    expect((await publish(ec, { caucusId })).body.code).toBe('may_not_publish_for');
    const byCaucus = await ok(await publish(b, { caucusId, title: 'The renters caucus on rent strikes' }), [201]);
    expect(byCaucus.author).toEqual({ kind: 'caucus', caucusId });
    expect(JSON.stringify(byCaucus)).not.toContain(b.id);
    for (const who of [reader, ec, ro]) {
      const seen = await ok(await http().get(`/contributions/${byCaucus.id}`).set(who.auth));
      expect(seen).toMatchObject({ author: { kind: 'caucus', caucusId }, yours: false });
      expect(JSON.stringify(seen)).not.toContain(b.id);
    }
    // Another member of the caucus sees it as their caucus's (and may withdraw it).
    expect((await ok(await http().get(`/contributions/${byCaucus.id}`).set(c.auth))).yours).toBe(true);
    const [entry] = await t.db.dataSource.query(`SELECT actor_id, actor_kind, data FROM audit.entries WHERE action = 'contribution.published' AND subject_id = $1`, [byCaucus.id]);
    expect(entry).toMatchObject({ actor_id: null, actor_kind: 'caucus', data: { author: 'caucus', caucusId } });
    expect(JSON.stringify(entry)).not.toContain(b.id);
    const [row] = await t.db.dataSource.query(`SELECT * FROM congress_floor.contributions WHERE id = $1`, [byCaucus.id]);
    expect(JSON.stringify(row)).not.toContain(b.id);
  });

  it('no officer can hold back, edit, reorder or delay a contribution: there is no such route, and withdrawing another’s is refused', async () => {
    const listed = await ok(await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth));
    const target = listed.contributions.find((x: { author: { kind: string } }) => x.author.kind === 'member');
    for (const who of [ec, ro, chair]) {
      expect((await http().post(`/contributions/${target.id}/withdraw`).set(who.auth)).body.code).toBe('not_the_author');
      expect((await http().patch(`/contributions/${target.id}`).set(who.auth).send({ text: 'Edited by an officer.' })).status).toBe(404);
      expect((await http().delete(`/contributions/${target.id}`).set(who.auth)).status).toBe(404);
      for (const action of ['hide', 'hold', 'approve', 'reject', 'move']) {
        expect((await http().post(`/contributions/${target.id}/${action}`).set(who.auth).send({})).status).toBe(404);
      }
    }
    const after = await ok(await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth));
    expect(after.contributions.map((x: { id: string }) => x.id)).toEqual(listed.contributions.map((x: { id: string }) => x.id));
    expect(after.contributions.find((x: { id: string }) => x.id === target.id)).toMatchObject({ text: target.text, withdrawnAt: null });
  });

  it('S5: a member under a no-speaking interim measure does not publish, for themself or a caucus — the confidential message', async () => {
    const res = await publish(muted, {});
    expect(res.body).toEqual({ statusCode: 403, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    silenced.add(c.id);
    expect((await publish(c, { caucusId })).body).toEqual({ statusCode: 403, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    silenced.delete(c.id);
    // Reading stays open to them.
    expect((await http().get(`/congresses/${congressId}/bulletin`).set(muted.auth)).status).toBe(200);
  });

  it('the author withdraws their own (a caucus: any current member), shown as withdrawn; after the close nothing is published or withdrawn', async () => {
    const mine = await ok(await publish(author, { title: 'Second thoughts' }), [201]);
    const withdrawn = await ok(await http().post(`/contributions/${mine.id}/withdraw`).set(author.auth));
    expect(withdrawn).toMatchObject({ text: null, withdrawnAt: clock.now().toISOString(), title: 'Second thoughts' });
    expect((await http().post(`/contributions/${mine.id}/withdraw`).set(author.auth)).body.code).toBe('contribution_already_withdrawn');
    const caucusOne = await ok(await publish(a, { caucusId, title: 'A caucus draft' }), [201]);
    expect((await http().post(`/contributions/${caucusOne.id}/withdraw`).set(reader.auth)).body.code).toBe('not_the_author');
    expect((await ok(await http().post(`/contributions/${caucusOne.id}/withdraw`).set(c.auth))).withdrawnAt).not.toBeNull();
    const [entry] = await t.db.dataSource.query(`SELECT actor_id FROM audit.entries WHERE action = 'contribution.withdrawn' AND subject_id = $1`, [caucusOne.id]);
    expect(entry.actor_id).toBeNull();
    const listed = await ok(await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth));
    expect(listed.contributions.find((x: { id: string }) => x.id === mine.id)).toMatchObject({ withdrawnAt: expect.any(String), text: null });

    const kept = await ok(await publish(author, { title: 'Kept' }), [201]);
    clock.set(new Date(closesAt));
    const late = await publish(author, { title: 'Too late' });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'bulletin_closed' });
    expect(late.body.message).toContain(`closed at ${closesAt}`);
    expect((await http().post(`/contributions/${kept.id}/withdraw`).set(author.auth)).body.code).toBe('bulletin_closed');
    expect((await ok(await http().get(`/congresses/${congressId}/bulletin`).set(reader.auth))).phase).toBe('closed');
  });

  it('route policies: a returning officer sets the bulletin; members read and publish; withdrawal is decided in the use case; nobody signed out', async () => {
    const container = (t.app as unknown as { container: NestContainer }).container;
    const controller = [...container.getModules().values()].flatMap((m) => [...m.controllers.values()]).find((w) => w.metatype?.name === 'BulletinController');
    const proto = (controller?.metatype as { prototype: Record<string, unknown> }).prototype;
    const policy = (name: string) => Reflect.getMetadata(POLICY_KEY, proto[name] as object);
    expect(policy('set')).toMatchObject({ kind: 'mandate', anyOf: [{ body: 'ELECTIONS', roles: ['returning-officer'] }] });
    for (const name of ['get', 'publish', 'one'] as const) expect(policy(name)).toEqual({ kind: 'member' });
    expect(policy('withdraw')).toMatchObject({ kind: 'in-use-case' });
    expect((await http().get(`/congresses/${congressId}/bulletin`)).status).toBe(401);
    expect((await http().post(`/congresses/${congressId}/bulletin/contributions`).send({ title: 'Anonymous', text: 'No.' })).status).toBe(401);
  });
});
