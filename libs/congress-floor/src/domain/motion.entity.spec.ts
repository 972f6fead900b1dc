import { Motion, MOTION_LIFE_CYCLE, type Actor } from './motion.entity';
import type { StandingOrders } from './standing-orders';

const orders: StandingOrders = { motionDeadline: '2027-04-20T12:00:00Z', secondersRequired: 2, voting: 'open', alternation: 'none', speakingSeconds: 180, quorum: { kind: 'none', value: 0 } };
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
