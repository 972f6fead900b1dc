import { Motion, MOTION_LIFE_CYCLE, type Actor } from './motion.entity';
import type { StandingOrders } from './standing-orders';

const orders: StandingOrders = { motionDeadline: '2027-04-20T12:00:00Z', secondersRequired: 2, voting: 'open', alternation: 'none', speakingSeconds: 180, quorum: { kind: 'none', value: 0 }, emergencyAcceptance: 'congress' };
const before = new Date('2027-04-01T00:00:00Z');
const actor = (o: Partial<Actor> = {}): Actor => ({ memberId: 'm1', officerOfBranches: [], executive: false, caucuses: [], ...o });
const memberMotion = () => Motion.submit({ id: 'x', congressId: 'c', agendaItemId: null, number: 1, title: 'T', text: 'a\nb', submitter: { kind: 'member', ref: 'm1' }, actor: actor() }, orders, before);

describe('Motion', () => {
  it('the executive neither edits nor withdraws a motion it did not submit', () => {
    const ec = actor({ memberId: 'ec1', executive: true });
    expect(() => memberMotion().withdraw(ec)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    expect(() => memberMotion().edit(ec, { text: 'c' }, orders, before)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    const branch = Motion.submit({ id: 'y', congressId: 'c', agendaItemId: null, number: 2, title: 'T', text: 'a', submitter: { kind: 'branch', ref: 'b1' }, actor: actor({ officerOfBranches: ['b1'] }) }, orders, before);
    expect(() => branch.withdraw(ec)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    branch.withdraw(actor({ memberId: 'other', officerOfBranches: ['b1'] }));
    expect(branch.stage).toBe('withdrawn');
  });

  it('needs its seconders before admission; a refusal needs a reason', () => {
    const m = memberMotion();
    m.second('m2', orders, before);
    expect(() => m.admit(orders, null)).toThrow(expect.objectContaining({ code: 'not_enough_seconders' }));
    m.second('m3', orders, before);
    m.admit(orders, null);
    expect(m.stage).toBe('admitted');
    expect(() => memberMotion().refuse('no')).toThrow(expect.objectContaining({ code: 'refusal_needs_reason' }));
  });

  it('an edited text drops the seconders (they supported other words)', () => {
    const m = memberMotion();
    m.second('m2', orders, before);
    m.edit(actor(), { text: 'new words' }, orders, before);
    expect(m.toSnapshot().seconders).toEqual([]);
  });

  it('follows the life-cycle table and nothing else', () => {
    for (const [stage, row] of Object.entries(MOTION_LIFE_CYCLE)) {
      if (['carried', 'lost', 'refused', 'referred', 'withdrawn', 'composited'].includes(stage)) expect(Object.keys(row)).toEqual([]);
    }
    const m = memberMotion();
    expect(() => m.debate()).toThrow(expect.objectContaining({ code: 'motion_wrong_stage' }));
    expect(() => m.openVote()).toThrow(expect.objectContaining({ code: 'motion_wrong_stage' }));
  });

  it('nothing is submitted after the deadline', () => {
    expect(() => Motion.submit({ id: 'x', congressId: 'c', agendaItemId: null, number: 1, title: 'T', text: 'a', submitter: { kind: 'member', ref: 'm1' }, actor: actor() }, orders, new Date('2027-04-20T12:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'submission_deadline_passed' }),
    );
  });
});

describe('emergency motions', () => {
  const after = new Date('2027-04-25T00:00:00Z');
  const submit = (emergencyReason: string | null, at: Date, o: StandingOrders = orders) =>
    Motion.submit({ id: 'e', congressId: 'c', agendaItemId: null, number: 3, title: 'Strike at the port', text: 'Congress supports the strike', submitter: { kind: 'member', ref: 'm1' }, actor: actor(), emergencyReason }, o, at);
  const seconded = (o: StandingOrders = orders) => {
    const m = submit('The strike was called on 23 April, after the deadline.', after, o);
    m.second('m2', o, after);
    m.second('m3', o, after);
    return m;
  };

  it('after the deadline an ordinary motion is refused, saying how to submit an emergency motion', () => {
    expect(() => submit(null, after)).toThrow(expect.objectContaining({ code: 'submission_deadline_passed', message: expect.stringContaining('emergency motion') }));
    expect(() => submit('   too short', after)).toThrow(expect.objectContaining({ code: 'emergency_needs_reason' }));
    expect(() => submit('The strike was called after the deadline.', before)).toThrow(expect.objectContaining({ code: 'not_an_emergency' }));
    expect(submit('The strike was called on 23 April, after the deadline.', after).toSnapshot()).toMatchObject({ stage: 'submitted', emergencyReason: 'The strike was called on 23 April, after the deadline.' });
  });

  it('is seconded after the deadline, and the committee admits it only with a published reason', () => {
    const m = seconded();
    expect(() => m.admit(orders, null)).toThrow(expect.objectContaining({ code: 'emergency_needs_reason' }));
    m.admit(orders, null, 'A genuine emergency: the strike began after the deadline.');
    expect(m.toSnapshot()).toMatchObject({ stage: 'awaiting-acceptance', admissionReason: 'A genuine emergency: the strike began after the deadline.' });
    // Not debated before the congress accepts it onto the agenda.
    expect(() => m.debate()).toThrow(expect.objectContaining({ code: 'motion_wrong_stage' }));
    m.decideAcceptance(true, after);
    expect(m.stage).toBe('admitted');
    m.debate();
  });

  it('the congress may decline it; refusal by the committee is published as for any motion', () => {
    const m = seconded();
    m.admit(orders, null, 'A genuine emergency: the strike began after the deadline.');
    m.decideAcceptance(false, after);
    expect(m.toSnapshot()).toMatchObject({ stage: 'not-accepted', decidedAt: after.toISOString() });
    const r = seconded();
    r.refuse('Known before the deadline: the ballot was announced in March.');
    expect(r.toSnapshot()).toMatchObject({ stage: 'refused', refusalReason: 'Known before the deadline: the ballot was announced in March.' });
  });

  it('where the standing orders leave acceptance to the committee, its admission puts it on the agenda', () => {
    const byCommittee: StandingOrders = { ...orders, emergencyAcceptance: 'committee' };
    const m = seconded(byCommittee);
    m.admit(byCommittee, null, 'A genuine emergency: the strike began after the deadline.');
    expect(m.stage).toBe('admitted');
    expect(() => m.decideAcceptance(true, after)).toThrow(expect.objectContaining({ code: 'motion_wrong_stage' }));
  });

  it('an ordinary motion is still not seconded after the deadline', () => {
    const m = memberMotion();
    expect(() => m.second('m2', orders, after)).toThrow(expect.objectContaining({ code: 'submission_deadline_passed' }));
  });
});
