import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Speakers' lists: accredited delegates ask to speak, the congress's alternation orders them,
 * points of order go first, the chair calls each with the standing orders' time; S5: a delegate
 * under a no-speaking restriction is not added, and only someone in scope ever hears the
 * (confidential) refusal.
 */
describe('congress floor: speakers’ lists', () => {
  const clock = new FixedClock(new Date('2027-05-01T10:00:00Z'));
  const silenced = new Set<string>();
  const asked: string[] = [];
  const port: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => {
      asked.push(memberId);
      return silenced.has(memberId) ? [{ kind: 'no_speaking', until: '2027-12-31T00:00:00Z' }] : [];
    },
    separatedFrom: async () => [],
    hasProtectedTransferRight: async () => false,
    membersRestricted: async () => new Set<string>(),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  let t: TestApp;
  let chair: Signed, outsider: Signed, muted: Signed, mutedOutsider: Signed;
  let d: Signed[];
  let itemId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS, overrides: [{ provide: RestrictionsPort, useValue: port }] });
    const branchId = await t.make.branch('Speaking branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    outsider = await member();
    muted = await member();
    mutedOutsider = await member();
    silenced.add(muted.id);
    silenced.add(mutedOutsider.id);
    d = [];
    for (let i = 0; i < 4; i++) d.push(await member());
    const congressId = await congressWithDelegates(t, { branchId, delegates: [...d, muted, chair] });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date('2027-04-20T00:00:00Z'), { speakingSeconds: 180 }), chairs: [chair.id], standingOrdersCommittee: [] }));
    itemId = (await ok(await t.http().post(`/congresses/${congressId}/agenda`).set(chair.auth).send({ title: 'Executive report', kind: 'report', startsAt: '2027-05-01T10:00:00Z', minutes: 60 }))).id;
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const ask = (who: Signed, body: object = {}) => http().post(`/agenda-items/${itemId}/speakers`).set(who.auth).send(body);
  const next = async () => (clock.advance(1000), ok(await http().post(`/agenda-items/${itemId}/speakers/next`).set(chair.auth)));

  it('S5: a delegate under a no-speaking restriction is not added; the refusal is the confidential message and names nothing', async () => {
    const self = await ask(muted);
    expect(self.status).toBe(403);
    expect(self.body).toEqual({ statusCode: 403, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    const byChair = await ask(chair, { memberId: muted.id });
    expect(byChair.body).toEqual({ statusCode: 403, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    const list = await ok(await http().get(`/agenda-items/${itemId}/speakers`).set(outsider.auth));
    expect(list.waiting).toEqual([]);
  });

  it('scope first: someone not entitled learns only that they may not, restricted person or not', async () => {
    asked.length = 0;
    const byDelegate = await ask(d[0], { memberId: muted.id });
    const byDelegateUnrestricted = await ask(d[0], { memberId: d[1].id });
    expect(byDelegate.body).toEqual(byDelegateUnrestricted.body);
    expect(byDelegate.body.code).toBe('not_a_floor_officer');
    const notDelegate = await ask(mutedOutsider);
    const notDelegateUnrestricted = await ask(outsider);
    expect(notDelegate.body).toEqual(notDelegateUnrestricted.body);
    expect(notDelegate.body.code).toBe('not_an_accredited_delegate');
    expect(asked).toEqual([]);
  });

  it('alternating lists: the reserved and open lists in turn; points of order first; the chair calls each with the time the standing orders give', async () => {
    await ok(await ask(d[0], { list: 'open' }));
    await ok(await ask(d[1], { list: 'open' }));
    await ok(await ask(d[2], { list: 'reserved' }));
    const view = await ok(await ask(d[3], { list: 'reserved' }));
    expect(view.waiting.map((s: any) => s.memberId)).toEqual([d[2].id, d[0].id, d[3].id, d[1].id]);
    expect((await ask(d[0], { list: 'open' })).body.code).toBe('already_on_speakers_list');
    expect((await http().post(`/agenda-items/${itemId}/speakers/next`).set(d[0].auth)).status).toBe(403);

    let now = await next();
    expect(now.speaking).toMatchObject({ memberId: d[2].id, list: 'reserved', startedAt: '2027-05-01T10:00:01.000Z', endsAt: '2027-05-01T10:03:01.000Z', secondsLeft: 180 });
    clock.advance(70_000);
    const clockView = await ok(await http().get(`/agenda-items/${itemId}/speakers`).set(outsider.auth));
    expect(clockView.speaking.secondsLeft).toBe(110);

    const point = await ok(await ask(d[1], { pointOfOrder: true }));
    expect(point.waiting.map((s: any) => [s.memberId, s.pointOfOrder])).toEqual([
      [d[1].id, true],
      [d[0].id, false],
      [d[3].id, false],
      [d[1].id, false],
    ]);
    now = await next();
    expect(now.speaking).toMatchObject({ memberId: d[1].id, pointOfOrder: true, secondsLeft: 60 });
    expect(now.done.map((s: any) => s.memberId)).toEqual([d[2].id]);
    // The point of order does not count as a turn of either list: the open list is next.
    now = await next();
    expect(now.speaking.memberId).toBe(d[0].id);
    now = await next();
    expect(now.speaking.memberId).toBe(d[3].id);

    const withdrawn = await ok(await http().post(`/speakers/${now.waiting[0].id}/withdraw`).set(d[1].auth));
    expect(withdrawn.waiting).toEqual([]);
    now = await next();
    expect(now.speaking).toBeNull();
    expect(now.done.map((s: any) => s.memberId)).toEqual([d[2].id, d[1].id, d[0].id, d[3].id]);
  });
});
