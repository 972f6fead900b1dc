import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';
import { LONG_SESSIONS } from '../elections/election-fixtures';

type Signed = Awaited<ReturnType<TestApp['make']['signedInMember']>>;

/**
 * S5 at branch level: a branch meeting carries a speakers' list — members of the branch ask to
 * speak, the branch's chair or secretary names speakers on the agenda — and a member under a
 * `no_speaking` restriction is not added, whoever asks: the refusal is the neutral confidential
 * message, and only someone already entitled to act on that member for this meeting ever hears it.
 */
describe('membership: a branch meeting’s speakers’ list', () => {
  const clock = new FixedClock(new Date('2026-03-10T10:00:00Z'));
  const silenced = new Set<string>();
  const asked: string[] = [];
  const port: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => {
      asked.push(memberId);
      return silenced.has(memberId) ? [{ kind: 'no_speaking', until: '2027-01-01T00:00:00Z' }, { kind: 'no_candidacy', until: null }] : [];
    },
    separatedFrom: async () => [],
    hasProtectedTransferRight: async () => false,
    membersRestricted: async () => new Set<string>(),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  let t: TestApp;
  let branch: string, other: string;
  let chair: Signed, secretary: Signed, otherSecretary: Signed, speaker: Signed, plain: Signed, muted: Signed, outsider: Signed, mutedOutsider: Signed;
  let meetingId: string;
  const path = (suffix = '') => `/branches/${branch}/meetings/${meetingId}/speakers${suffix}`;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS, overrides: [{ provide: RestrictionsPort, useValue: port }] });
    const f = new MembershipFactories(t);
    branch = await t.make.branch('Speaking branch');
    other = await t.make.branch('Neighbouring branch');
    chair = await f.officer(branch, 'chair');
    secretary = await f.secretary(branch);
    otherSecretary = await f.secretary(other);
    speaker = await t.make.signedInMember({ branchId: branch, firstName: 'Ada', lastName: 'Speaker' });
    plain = await t.make.signedInMember({ branchId: branch, firstName: 'Bo', lastName: 'Plain' });
    muted = await t.make.signedInMember({ branchId: branch, firstName: 'Cy', lastName: 'Muted' });
    outsider = await t.make.signedInMember({ branchId: other });
    mutedOutsider = await t.make.signedInMember({ branchId: other });
    silenced.add(muted.id);
    silenced.add(mutedOutsider.id);
    const res = await t.http().post(`/branches/${branch}/meetings`).set(secretary.auth).send({ hostMemberId: chair.id, title: 'March branch meeting', startsAt: '2026-03-20T18:30:00Z' });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
  });
  afterAll(() => t.close());

  it('a member asks to speak, the chair names a speaker with a topic; both are listed in order, and the branch sees the count', async () => {
    const self = await t.http().post(path()).set(speaker.auth).send({});
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ id: meetingId, title: 'March branch meeting', hostMemberId: chair.id, mayManage: false, speakers: [{ memberId: speaker.id, name: 'Ada Speaker', addedBy: 'self', topic: null, state: 'listed' }] });
    const named = await t.http().post(path()).set(chair.auth).send({ memberId: plain.id, topic: 'The housing campaign' });
    expect(named.status).toBe(201);
    expect(named.body.mayManage).toBe(true);
    expect(named.body.speakers.map((s: { memberId: string; addedBy: string; topic: string | null }) => [s.memberId, s.addedBy, s.topic])).toEqual([
      [speaker.id, 'self', null],
      [plain.id, 'officer', 'The housing campaign'],
    ]);
    const list = await t.http().get(`/branches/${branch}/meetings`).set(plain.auth);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: meetingId, title: 'March branch meeting', hostName: expect.any(String), speakerCount: 2 })]);
    // Listed once at a time.
    expect((await t.http().post(path()).set(secretary.auth).send({ memberId: speaker.id })).body).toMatchObject({ statusCode: 409, code: 'already_on_speakers_list' });
  });

  it('S5: a member under no_speaking is not added — named by the chair or the secretary, or asking themself — with the confidential message only', async () => {
    for (const [who, body] of [
      [chair, { memberId: muted.id }],
      [secretary, { memberId: muted.id, topic: 'Anything' }],
      [muted, {}],
    ] as const) {
      const res = await t.http().post(path()).set(who.auth).send(body);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    }
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.meeting_speakers WHERE member_id = $1`, [muted.id]);
    expect(n).toBe(0);
    const view = await t.http().get(path()).set(secretary.auth);
    expect(view.body.speakers.map((s: { memberId: string }) => s.memberId)).not.toContain(muted.id);
    // Lifted: the same member is then listed (the refusal came from the restriction, nothing else).
    silenced.delete(muted.id);
    try {
      expect((await t.http().post(path()).set(chair.auth).send({ memberId: muted.id })).status).toBe(201);
    } finally {
      silenced.add(muted.id);
    }
  });

  it('only someone already entitled hears of a restriction: outside the scope the answers are identical and the port is not asked', async () => {
    const same = async (call: (id: string) => Promise<{ status: number; body: unknown }>, people: [Signed, Signed]) => {
      asked.length = 0;
      const [r, u] = [await call(people[0].id), await call(people[1].id)];
      expect({ status: r.status, body: r.body }).toEqual({ status: u.status, body: u.body });
      expect(JSON.stringify(r.body)).not.toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
      expect(asked.filter((id) => id === people[0].id || id === people[1].id)).toEqual([]);
      return r;
    };
    // The chair naming a member of another branch: "not in this branch", restricted or not.
    const byChair = await same((memberId) => t.http().post(path()).set(chair.auth).send({ memberId }), [mutedOutsider, outsider]);
    expect(byChair.body).toMatchObject({ statusCode: 409, code: 'speaker_not_in_branch' });
    // Another branch's members asking to speak, or its secretary naming them: no such meeting.
    const themselves = await same(async (id) => t.http().post(path()).set((id === mutedOutsider.id ? mutedOutsider : outsider).auth).send({}), [mutedOutsider, outsider]);
    expect(themselves.body).toMatchObject({ statusCode: 404, code: 'meeting_not_found' });
    const byOtherSecretary = await same((memberId) => t.http().post(path()).set(otherSecretary.auth).send({ memberId }), [muted, speaker]);
    expect(byOtherSecretary.body).toMatchObject({ statusCode: 404, code: 'meeting_not_found' });
    // A plain member of the branch cannot name anyone else, restricted or not.
    const byPlain = await same((memberId) => t.http().post(path()).set(plain.auth).send({ memberId }), [muted, secretary]);
    expect(byPlain.body).toMatchObject({ statusCode: 403, code: 'actor_not_allowed' });
    // Reading: another branch sees no meeting and no list.
    expect((await t.http().get(path()).set(outsider.auth)).body).toMatchObject({ statusCode: 404, code: 'meeting_not_found' });
    expect((await t.http().get(`/branches/${branch}/meetings`).set(otherSecretary.auth)).body).toMatchObject({ statusCode: 404, code: 'branch_not_found' });
    expect((await t.http().get(path()).set({})).status).toBe(401);
  });

  it('a speaker withdraws themself; the chair takes anyone off; a plain member cannot take someone else off', async () => {
    const view = (await t.http().get(path()).set(plain.auth)).body;
    const entry = (memberId: string) => view.speakers.find((s: { memberId: string }) => s.memberId === memberId).id as string;
    const speakerEntry = entry(speaker.id);
    expect((await t.http().post(path(`/${speakerEntry}/withdraw`)).set(plain.auth)).body).toMatchObject({ statusCode: 403, code: 'actor_not_allowed' });
    const own = await t.http().post(path(`/${speakerEntry}/withdraw`)).set(speaker.auth);
    expect(own.status).toBe(200);
    expect(own.body.withdrawn).toEqual([expect.objectContaining({ memberId: speaker.id, state: 'withdrawn' })]);
    expect((await t.http().post(path(`/${speakerEntry}/withdraw`)).set(speaker.auth)).body).toMatchObject({ statusCode: 404, code: 'speaker_not_listed' });
    // Listed again after withdrawing.
    expect((await t.http().post(path()).set(speaker.auth).send({})).status).toBe(201);
    const byChair = await t.http().post(path(`/${entry(plain.id)}/withdraw`)).set(chair.auth);
    expect(byChair.status).toBe(200);
    expect(byChair.body.speakers.map((s: { memberId: string }) => s.memberId)).not.toContain(plain.id);
    const audit = await t.db.dataSource.query(`SELECT action FROM audit.entries WHERE subject_id = $1 ORDER BY seq`, [meetingId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['meeting.speaker-added', 'meeting.speaker-withdrawn']));
  });
});
