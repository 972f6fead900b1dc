import { Composite } from './composite';
import { Motion } from './motion.entity';
import type { Actor, MotionSnapshot, Submitter } from './motion.entity';

const now = new Date('2027-04-10T10:00:00Z');
const actor = (o: Partial<Actor> & { memberId: string }): Actor => ({ officerOfBranches: [], executive: false, caucuses: [], ...o });

const motion = (number: number, submitter: Submitter, stage: MotionSnapshot['stage'] = 'admitted'): MotionSnapshot => ({
  id: `m${number}`,
  congressId: 'c1',
  agendaItemId: 'item',
  number,
  title: `Motion ${number}`,
  text: 'Congress resolves',
  submitter,
  submittedBy: 'someone',
  stage,
  seconders: [],
  refusalReason: null,
  amendedText: null,
  compositedInto: null,
  emergencyReason: null,
  admissionReason: null,
  submittedAt: now.toISOString(),
  decidedAt: null,
  version: 1,
});

const member = motion(1, { kind: 'member', ref: 'alice' });
const branch = motion(2, { kind: 'branch', ref: 'b1' });
const caucus = motion(3, { kind: 'caucus', ref: 'k1' });
const propose = (originals: MotionSnapshot[], pending: string[] = []) =>
  Composite.propose({ id: 'x', congressId: 'c1', title: 'Composite A', text: 'Congress resolves\nto act together', proposedBy: 'soc', originals, pending }, now);

describe('compositing with the movers’ consent', () => {
  it('replaces the motions only when every mover (member, branch, caucus) has consented', () => {
    const c = propose([caucus, member, branch]);
    expect(c.toSnapshot().originals.map((o) => o.number)).toEqual([1, 2, 3]);
    expect(c.answer('m1', actor({ memberId: 'alice' }), true, now)).toBe('proposed');
    expect(c.answer('m2', actor({ memberId: 'bob', officerOfBranches: ['b1'] }), true, now)).toBe('proposed');
    expect(() => c.agreedMotion({ id: 'new', number: 4, agendaItemId: null }, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
    expect(c.answer('m3', actor({ memberId: 'carol', caucuses: ['k1'] }), true, now)).toBe('agreed');
    const composite = c.agreedMotion({ id: 'new', number: 4, agendaItemId: 'item' }, now);
    expect(composite).toMatchObject({ stage: 'admitted', submitter: { kind: 'composite', ref: 'x' }, text: 'Congress resolves\nto act together' });
    expect(c.toSnapshot().motionId).toBe('new');
  });

  it('one refusal refuses the composite; nobody answers after that', () => {
    const c = propose([member, branch]);
    c.answer('m1', actor({ memberId: 'alice' }), true, now);
    expect(c.answer('m2', actor({ memberId: 'bob', officerOfBranches: ['b1'] }), false, now)).toBe('refused');
    expect(() => c.agreedMotion({ id: 'new', number: 4, agendaItemId: null }, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
  });

  it('only the mover of that motion answers for it, once; the executive never for a motion it did not move', () => {
    const c = propose([member, branch]);
    expect(() => c.answer('m1', actor({ memberId: 'ec', executive: true }), true, now)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    expect(() => c.answer('m2', actor({ memberId: 'alice' }), true, now)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    c.answer('m1', actor({ memberId: 'alice' }), true, now);
    expect(() => c.answer('m1', actor({ memberId: 'alice' }), false, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
    expect(() => c.answer('m9', actor({ memberId: 'alice' }), true, now)).toThrow(expect.objectContaining({ code: 'motion_not_found' }));
  });

  it('composites at least two admitted motions of the congress, none waiting in another composite', () => {
    expect(() => propose([member])).toThrow(expect.objectContaining({ code: 'invalid_composite' }));
    expect(() => propose([member, member])).toThrow(expect.objectContaining({ code: 'invalid_composite' }));
    expect(() => propose([member, motion(5, { kind: 'member', ref: 'dan' }, 'debated')])).toThrow(expect.objectContaining({ code: 'motion_wrong_stage' }));
    expect(() => propose([member, { ...branch, congressId: 'c2' }])).toThrow(expect.objectContaining({ code: 'invalid_composite' }));
    expect(() => propose([member, branch], ['m2'])).toThrow(expect.objectContaining({ code: 'composite_pending' }));
  });
});

describe('withdrawing a composite motion takes every mover, as forming it did', () => {
  const agreed = () => {
    const c = propose([member, branch]);
    c.answer('m1', actor({ memberId: 'alice' }), true, now);
    c.answer('m2', actor({ memberId: 'bob', officerOfBranches: ['b1'] }), true, now);
    return { c, motion: Motion.fromSnapshot(c.agreedMotion({ id: 'new', number: 4, agendaItemId: 'item' }, now)) };
  };

  it('is withdrawn only at the last mover’s consent', () => {
    const { c } = agreed();
    expect(c.consentToWithdraw('m1', actor({ memberId: 'alice' }), { motionWithdrawable: true }, now)).toBe('agreed');
    expect(() => c.consentToWithdraw('m1', actor({ memberId: 'alice' }), { motionWithdrawable: true }, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
    expect(c.consentToWithdraw('m2', actor({ memberId: 'dan', officerOfBranches: ['b1'] }), { motionWithdrawable: true }, now)).toBe('withdrawn');
    expect(c.toSnapshot().originals.map((o) => o.withdrawalBy)).toEqual(['alice', 'dan']);
  });

  it('nobody alone withdraws it: not a mover, not the executive, not the chair through the motion', () => {
    const { c, motion } = agreed();
    expect(() => motion.withdraw(actor({ memberId: 'ec', executive: true }))).toThrow(expect.objectContaining({ code: 'composite_needs_all_movers' }));
    expect(() => motion.withdraw(actor({ memberId: 'alice' }))).toThrow(expect.objectContaining({ code: 'composite_needs_all_movers' }));
    expect(() => c.consentToWithdraw('m1', actor({ memberId: 'ec', executive: true }), { motionWithdrawable: true }, now)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    expect(() => c.consentToWithdraw('m2', actor({ memberId: 'alice' }), { motionWithdrawable: true }, now)).toThrow(expect.objectContaining({ code: 'not_the_submitter' }));
    motion.withdrawJointly();
    expect(motion.stage).toBe('withdrawn');
  });

  it('only an agreed composite whose motion can still be withdrawn', () => {
    const proposed = propose([member, branch]);
    expect(() => proposed.consentToWithdraw('m1', actor({ memberId: 'alice' }), { motionWithdrawable: true }, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
    const { c } = agreed();
    expect(() => c.consentToWithdraw('m1', actor({ memberId: 'alice' }), { motionWithdrawable: false }, now)).toThrow(expect.objectContaining({ code: 'composite_decided' }));
  });
});
