import { randomUUID } from 'node:crypto';
import { createLogger, InProcessLiveUpdates, RedisLiveUpdates, type LiveUpdates } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/** Reads server-sent events from a streaming fetch; `next(pred)` waits for the first matching event. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: { event: string; data: any }[] = [];
  const next = async (pred: (e: { event: string; data: any }) => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = seen.findIndex(pred);
      if (found >= 0) return seen.splice(0, found + 1)[found];
      if (Date.now() > deadline) throw new Error(`no matching event; seen: ${JSON.stringify(seen)}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) continue;
      buffer += decoder.decode(chunk.value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) seen.push({ event, data: JSON.parse(data) });
      }
    }
  };
  return { next, cancel: () => reader.cancel().catch(() => undefined) };
}

describe('congress floor: live results over server-sent events, secret votes', () => {
  let t: TestApp;
  let base: string;
  let chair: Signed, outsider: Signed;
  let d: Signed[];
  let congressId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: LONG_SESSIONS });
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const branchId = await t.make.branch('Live branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    outsider = await member();
    d = [];
    for (let i = 0; i < 4; i++) d.push(await member());
    congressId = await congressWithDelegates(t, { branchId, delegates: d });
    await ok(
      await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date(Date.now() + 86_400_000), { secondersRequired: 0, voting: 'secret' }), chairs: [chair.id], standingOrdersCommittee: [chair.id] }),
    );
  });
  afterAll(() => t.close());

  it('a screen following the floor sees each counted vote and the result at the close; a secret vote keeps no card', async () => {
    const unknown = await fetch(`${base}/congresses/${randomUUID()}/floor/events`, { headers: outsider.auth });
    expect(unknown.status).toBe(404);
    const anonymous = await fetch(`${base}/congresses/${congressId}/floor/events`);
    expect(anonymous.status).toBe(401);

    const res = await fetch(`${base}/congresses/${congressId}/floor/events`, { headers: outsider.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const screen = eventReader(res.body as ReadableStream<Uint8Array>);
    await screen.next((e) => e.event === 'ready');

    const motion = await ok(await t.http().post(`/congresses/${congressId}/motions`).set(d[0].auth).send({ title: 'Live motion', text: 'Congress votes live.', submitter: { kind: 'member' } }));
    await ok(await t.http().post(`/motions/${motion.id}/admit`).set(chair.auth).send({}));
    await ok(await t.http().post(`/motions/${motion.id}/debate`).set(chair.auth));
    expect((await screen.next((e) => e.data.type === 'motion' && e.data.id === motion.id)).event).toBe('floor');
    const vote = await ok(await t.http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({}));
    expect(vote.secret).toBe(true);
    await screen.next((e) => e.data.type === 'vote' && e.data.tally.voted === 0);

    await ok(await t.http().post(`/floor-votes/${vote.id}/cards`).set(d[0].auth).send({ answer: 'yes' }));
    expect((await screen.next((e) => e.data.type === 'vote' && e.data.tally.voted === 1)).data.tally).toMatchObject({ yes: 1, no: 0, electorate: 4, closed: false });
    await ok(await t.http().post(`/floor-votes/${vote.id}/cards`).set(d[1].auth).send({ answer: 'yes' }));
    await ok(await t.http().post(`/floor-votes/${vote.id}/cards`).set(d[2].auth).send({ answer: 'no' }));
    await ok(await t.http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
    const result = await screen.next((e) => e.data.type === 'vote' && e.data.tally.closed);
    expect(result.data).toEqual({ type: 'vote', id: vote.id, tally: { yes: 2, no: 1, abstain: 0, voted: 3, electorate: 4, closed: true, carried: true } });
    screen.cancel();

    const detail = await ok(await t.http().get(`/floor-votes/${vote.id}`).set(outsider.auth));
    expect(detail).toMatchObject({ secret: true, cards: null, voted: 3, yes: 2, no: 1 });
    expect(await t.db.dataSource.query(`SELECT * FROM congress_floor.open_vote_cards WHERE vote_id = $1`, [vote.id])).toEqual([]);
    expect((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM congress_floor.vote_participation WHERE vote_id = $1`, [vote.id]))[0].n).toBe(3);

    const minutes = await ok(await t.http().get(`/congresses/${congressId}/minutes`).set(outsider.auth));
    expect(minutes.text).toContain('Motion 1 "Live motion" (member): carried.');
    expect(minutes.text).toContain('Vote on the motion (secret): for 2, against 1, abstentions 0 — carried (4 delegate(s) present).');
  });
});

/** The live-updates facility: in-process fan-out; with REDIS_URL, across processes through Redis pub/sub. */
describe('live updates across API processes', () => {
  const logger = createLogger('silent');
  const received = (live: LiveUpdates, channel: string) => {
    const got: unknown[] = [];
    const stop = live.subscribe(channel, (x) => got.push(x));
    return { got, stop };
  };
  const until = async (cond: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('in one process: a publication reaches this channel’s subscribers only, until they stop', async () => {
    const live = new InProcessLiveUpdates();
    const a = received(live, 'a');
    const b = received(live, 'b');
    live.publish('a', { n: 1 });
    await until(() => a.got.length === 1);
    a.stop();
    live.publish('a', { n: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect(a.got).toEqual([{ n: 1 }]);
    expect(b.got).toEqual([]);
    expect(live.listenerCount()).toBe(1);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('with REDIS_URL: what one process publishes, a screen connected to another process receives', async () => {
    const prefix = `commons:live:test:${randomUUID()}:`;
    const one = new RedisLiveUpdates(redisUrl as string, prefix, logger);
    const two = new RedisLiveUpdates(redisUrl as string, prefix, logger);
    const elsewhere = new RedisLiveUpdates(redisUrl as string, `commons:live:other:${randomUUID()}:`, logger);
    try {
      const onTwo = received(two, 'congress-floor:x');
      const onOther = received(elsewhere, 'congress-floor:x');
      await Promise.all([one.ready(), two.ready(), elsewhere.ready()]);
      one.publish('congress-floor:x', { type: 'vote', id: 'v' });
      await until(() => onTwo.got.length === 1);
      expect(onTwo.got).toEqual([{ type: 'vote', id: 'v' }]);
      await new Promise((r) => setTimeout(r, 50));
      expect(onOther.got).toEqual([]);
    } finally {
      await Promise.all([one.close(), two.close(), elsewhere.close()]);
    }
  });

  (redisUrl ? it : it.skip)('with REDIS_URL: once a subscription is in effect, what another process publishes reaches it — even one made while the connection was still being made', async () => {
    const prefix = `commons:live:test:${randomUUID()}:`;
    const publisher = new RedisLiveUpdates(redisUrl as string, prefix, logger);
    await publisher.ready();
    const early = new RedisLiveUpdates(redisUrl as string, prefix, logger);
    const waiting = new RedisLiveUpdates(redisUrl as string, prefix, logger);
    try {
      // Why a screen waits before it is told "ready": a SUBSCRIBE still on its way misses what is published meanwhile.
      const missed = received(early, 'congress-floor:y');
      publisher.publish('congress-floor:y', { type: 'motion', id: 'before' });
      // Subscribed while connecting, then waited for: nothing published afterwards is missed.
      const heard = received(waiting, 'congress-floor:y');
      await waiting.inEffect();
      publisher.publish('congress-floor:y', { type: 'motion', id: 'after' });
      await until(() => heard.got.length === 1);
      expect(heard.got).toEqual([{ type: 'motion', id: 'after' }]);
      await early.ready();
      await new Promise((r) => setTimeout(r, 50));
      expect(missed.got).not.toContainEqual({ type: 'motion', id: 'before' });
    } finally {
      await Promise.all([publisher.close(), early.close(), waiting.close()]);
    }
  });
});
