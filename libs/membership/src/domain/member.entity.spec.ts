import { DomainError } from '@org/kernel';
import { Member, MemberSnapshot } from './member.entity';
import { MembershipActor } from './member-status.value-object';
import { RestrictionCheck, noRestrictions, precheckedRestriction } from './restriction-check.port';

const secretaryA: MembershipActor = { kind: 'secretary', actorId: 'sec-a', branchId: 'A' };
const secretaryB: MembershipActor = { kind: 'secretary', actorId: 'sec-b', branchId: 'B' };
const job: MembershipActor = { kind: 'standing-job' };
const sanction: MembershipActor = { kind: 'sanction', sanctionRef: 'outcome-17' };
const self: MembershipActor = { kind: 'member', actorId: 'm1' };
const at = (on: string) => ({ on, at: `${on}T10:00:00Z` });
const blocked: RestrictionCheck = () => ({ blocked: true });

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function applicant(): Member {
  return Member.apply({
    id: 'm1',
    memberNumber: 'M-0001',
    profile: { firstName: 'Ana', lastName: 'Lima', email: 'Ana@Example.org ', phone: '+44 20 7946 0000' },
    branchId: 'A',
    emailConsent: true,
    actor: self,
    moment: at('2024-01-05'),
  }).member;
}

function activeMember(): Member {
  return applicant().admit({ actor: secretaryA, moment: at('2024-01-10'), restrictions: noRestrictions }).member;
}

describe('Member', () => {
  it('applies as an applicant with normalized contact details and recorded e-mail consent', () => {
    const m = applicant();
    expect(m.status).toBe('applicant');
    expect(m.profile.email).toBe('ana@example.org');
    expect(m.emailConsent).toEqual({ given: true, at: '2024-01-05T10:00:00Z' });
    expect(m.statusHistory).toEqual([
      { from: null, to: 'applicant', on: '2024-01-05', at: '2024-01-05T10:00:00Z', by: 'm1', source: 'application', reason: null, ref: null },
    ]);
  });

  it('an online application is made by the person applying and needs an e-mail address (it is confirmed before a secretary sees it)', () => {
    const base = { id: 'm9', branchId: 'A', moment: at('2024-01-05') };
    const e = errorOf(() => Member.applyOnline({ ...base, profile: { firstName: 'No', lastName: 'Mail' } }));
    expect(e.code).toBe('invalid_member_profile');
    expect(e.details).toEqual([expect.objectContaining({ field: 'email' })]);
    const ok = Member.applyOnline({ ...base, profile: { firstName: 'Has', email: 'Has@Example.org' } }).member;
    expect(ok.status).toBe('applicant');
    expect(ok.profile.email).toBe('has@example.org');
    expect(ok.statusHistory[0].by).toBe('m9');
  });

  it('admission by the branch secretary makes the member active and opens their branch period; reason optional', () => {
    const { member, events } = applicant().admit({ actor: secretaryA, moment: at('2024-01-10'), restrictions: noRestrictions });
    expect(member.status).toBe('active');
    expect(member.branchHistory.toSnapshot()).toEqual([{ branchId: 'A', from: '2024-01-10', to: null }]);
    expect(member.statusHistory[1]).toMatchObject({ from: 'applicant', to: 'active', by: 'sec-a', source: 'secretary', reason: null });
    expect(events.map((e) => e.type)).toEqual(['member.status_changed', 'member.branch_changed']);
  });

  it("another branch's secretary cannot admit: the applicant is 'not found' to them", () => {
    const e = errorOf(() => applicant().admit({ actor: secretaryB, moment: at('2024-01-10'), restrictions: noRestrictions }));
    expect([e.kind, e.code]).toEqual(['not_found', 'member_not_found']);
  });

  it('admission into a branch where a separation applies is refused without saying why', () => {
    const e = errorOf(() => applicant().admit({ actor: secretaryA, moment: at('2024-01-10'), restrictions: blocked }));
    expect([e.kind, e.code]).toEqual(['conflict', 'blocked_by_restriction']);
    expect(e.message).toBe('This assignment is blocked by a confidential restriction. Contact the Control Commission if you believe this is wrong.');
  });

  it('declining needs a reason', () => {
    expect(errorOf(() => applicant().decline({ actor: secretaryA, moment: at('2024-01-10'), reason: '  ' })).code).toBe('reason_required');
    const { member } = applicant().decline({ actor: secretaryA, moment: at('2024-01-10'), reason: 'Not resident in the area' });
    expect(member.status).toBe('declined');
    expect(member.statusHistory[1].reason).toBe('Not resident in the area');
  });

  it('lapse and reinstatement come only from the standing job and are recorded as system', () => {
    const m = activeMember();
    expect(errorOf(() => m.lapse({ actor: secretaryA, moment: at('2024-06-01') })).code).toBe('actor_not_allowed');
    const lapsed = m.lapse({ actor: job, moment: at('2024-06-01') }).member;
    expect(lapsed.status).toBe('lapsed');
    expect(lapsed.statusHistory[2]).toMatchObject({ by: 'system', source: 'standing-job' });
    expect(lapsed.reinstate({ actor: job, moment: at('2024-07-01') }).member.status).toBe('active');
    expect(errorOf(() => m.reinstate({ actor: job, moment: at('2024-07-01') })).code).toBe('invalid_status_transition');
  });

  it('suspension and expulsion come only from a Control Commission sanction, never from an office', () => {
    const m = activeMember();
    for (const actor of [secretaryA, { kind: 'membership-secretary', actorId: 'nat' } as MembershipActor, self, job]) {
      expect(errorOf(() => m.suspend({ actor, moment: at('2024-03-01') })).code).toBe('actor_not_allowed');
      expect(errorOf(() => m.expel({ actor, moment: at('2024-03-01') })).code).toBe('actor_not_allowed');
    }
    const s = m.suspend({ actor: sanction, moment: at('2024-03-01') }).member;
    expect(s.status).toBe('suspended');
    expect(s.currentBranchId).toBe('A'); // still in the branch
    expect(s.statusHistory[2]).toMatchObject({ by: 'system', source: 'sanction', ref: 'outcome-17' });
    // the standing job cannot touch a suspended member
    expect(errorOf(() => s.reinstate({ actor: job, moment: at('2024-04-01') })).code).toBe('invalid_status_transition');
    expect(errorOf(() => s.lapse({ actor: job, moment: at('2024-04-01') })).code).toBe('invalid_status_transition');
    const x = s.expel({ actor: sanction, moment: at('2024-05-01') }).member;
    expect(x.status).toBe('expelled');
    expect(x.branchHistory.toSnapshot()).toEqual([{ branchId: 'A', from: '2024-01-10', to: '2024-05-01' }]);
  });

  it('a suspension ends only by a sanction change; an overturned expulsion returns the member to their branch', () => {
    const s = activeMember().suspend({ actor: sanction, moment: at('2024-03-01') }).member;
    expect(errorOf(() => s.liftSanction({ actor: secretaryA, moment: at('2024-05-01'), restrictions: noRestrictions })).code).toBe('actor_not_allowed');
    expect(s.liftSanction({ actor: sanction, moment: at('2024-05-01'), restrictions: noRestrictions }).member.status).toBe('active');
    const x = activeMember().expel({ actor: sanction, moment: at('2024-03-01') }).member;
    const back = x.liftSanction({ actor: { kind: 'sanction', sanctionRef: 'appeal-3' }, moment: at('2024-06-01'), restrictions: noRestrictions }).member;
    expect(back.status).toBe('active');
    expect(back.branchHistory.toSnapshot()).toEqual([
      { branchId: 'A', from: '2024-01-10', to: '2024-03-01' },
      { branchId: 'A', from: '2024-06-01', to: null },
    ]);
  });

  it('only the member can resign; resigning closes the branch period', () => {
    const m = activeMember();
    expect(errorOf(() => m.resign({ actor: secretaryA, moment: at('2024-08-01') })).code).toBe('actor_not_allowed');
    expect(errorOf(() => m.resign({ actor: { kind: 'member', actorId: 'someone-else' }, moment: at('2024-08-01') })).code).toBe('member_not_found');
    const r = m.resign({ actor: self, moment: at('2024-08-01') }).member;
    expect(r.status).toBe('resigned');
    expect(r.currentBranchId).toBeNull();
  });

  it('after resigning, rejoining is a new application and the history is kept', () => {
    const r = activeMember().resign({ actor: self, moment: at('2024-08-01') }).member;
    const again = r.rejoin({ actor: self, moment: at('2025-01-01'), branchId: 'B' }).member;
    expect(again.status).toBe('applicant');
    expect(again.applicationBranchId).toBe('B');
    expect(again.statusHistory.map((e) => e.to)).toEqual(['applicant', 'active', 'resigned', 'applicant']);
    const admitted = again.admit({ actor: secretaryB, moment: at('2025-01-10'), restrictions: noRestrictions }).member;
    expect(admitted.branchHistory.toSnapshot()).toEqual([
      { branchId: 'A', from: '2024-01-10', to: '2024-08-01' },
      { branchId: 'B', from: '2025-01-10', to: null },
    ]);
  });

  it("an expelled member's rejoin application is refused unless a readmission decision exists (S9)", () => {
    const x = activeMember().expel({ actor: sanction, moment: at('2024-03-01') }).member;
    const e = errorOf(() => x.rejoin({ actor: self, moment: at('2025-03-01'), branchId: 'A' }));
    expect([e.kind, e.code]).toEqual(['unprocessable', 'readmission_required']);
    const again = x.rejoin({ actor: self, moment: at('2025-03-01'), branchId: 'A', readmissionGranted: true, readmissionRef: 'readmit-1' }).member;
    expect(again.status).toBe('applicant');
    expect(again.statusHistory[again.statusHistory.length - 1]).toMatchObject({ from: 'expelled', to: 'applicant', ref: 'readmit-1' });
  });

  it('resigning while suspended does not dodge the sanction: rejoining then also needs readmission', () => {
    const r = activeMember()
      .suspend({ actor: sanction, moment: at('2024-03-01') })
      .member.resign({ actor: self, moment: at('2024-03-02') }).member;
    expect(errorOf(() => r.rejoin({ actor: self, moment: at('2024-04-01'), branchId: 'A' })).code).toBe('readmission_required');
  });

  it('refuses transitions that are not allowed', () => {
    const m = activeMember();
    expect(errorOf(() => m.admit({ actor: secretaryA, moment: at('2024-02-01'), restrictions: noRestrictions })).code).toBe('invalid_status_transition');
    expect(errorOf(() => m.rejoin({ actor: self, moment: at('2024-02-01'), branchId: 'A' })).code).toBe('invalid_status_transition');
    expect(errorOf(() => applicant().suspend({ actor: sanction, moment: at('2024-02-01') })).code).toBe('invalid_status_transition');
  });

  it('refuses a status change dated before the previous one', () => {
    const e = errorOf(() => activeMember().lapse({ actor: job, moment: at('2024-01-01') }));
    expect(e.code).toBe('status_change_out_of_order');
  });

  it('statusOn reads the history as of a date (the last change on a day wins)', () => {
    const m = activeMember()
      .suspend({ actor: sanction, moment: at('2024-03-01') })
      .member.liftSanction({ actor: sanction, moment: at('2024-03-01'), restrictions: noRestrictions }).member;
    expect(m.statusOn('2024-01-04')).toBeNull();
    expect(m.statusOn('2024-01-05')).toBe('applicant');
    expect(m.statusOn('2024-02-01')).toBe('active');
    expect(m.statusOn('2024-03-01')).toBe('active');
  });

  it('the member edits own details with validation; events name the fields, never the values', () => {
    const m = activeMember();
    const { member, events } = m.updateProfile({ actor: self, at: '2024-02-01T09:00:00Z', changes: { phone: '020 7946 0001', address: '1 High St' } });
    expect(member.profile.phone).toBe('020 7946 0001');
    expect(events).toEqual([{ type: 'member.profile_changed', memberId: 'm1', fields: ['phone', 'address'], at: '2024-02-01T09:00:00Z' }]);
    const e = errorOf(() => m.updateProfile({ actor: self, at: '2024-02-01T09:00:00Z', changes: { email: 'not-an-email', firstName: '' } }));
    expect(e.code).toBe('invalid_member_profile');
    expect((e.details as Array<{ field: string }>).map((d) => d.field)).toEqual(['firstName', 'email']);
    expect(errorOf(() => m.updateProfile({ actor: { kind: 'member', actorId: 'm2' }, at: '2024-02-01T09:00:00Z', changes: { phone: '123456' } })).code).toBe('member_not_found');
    expect(errorOf(() => m.updateProfile({ actor: secretaryB, at: '2024-02-01T09:00:00Z', changes: { phone: '123456' } })).code).toBe('member_not_found');
    expect(errorOf(() => m.updateProfile({ actor: self, at: '2024-02-01T09:00:00Z', changes: { status: 'active' } as never })).code).toBe('invalid_member_profile');
  });

  it('e-mail consent is given or withdrawn by the member alone, with a timestamp', () => {
    const { member } = activeMember().setEmailConsent({ actor: self, given: false, at: '2024-02-02T08:30:00Z' });
    expect(member.emailConsent).toEqual({ given: false, at: '2024-02-02T08:30:00Z' });
    expect(errorOf(() => activeMember().setEmailConsent({ actor: secretaryA, given: true, at: '2024-02-02T08:30:00Z' })).code).toBe('actor_not_allowed');
    expect(errorOf(() => activeMember().setEmailConsent({ actor: self, given: true, at: 'yesterday' })).code).toBe('invalid_instant');
  });

  it('transferTo is restriction-checked and gap-free', () => {
    const m = activeMember();
    expect(errorOf(() => m.transferTo({ toBranchId: 'B', on: '2024-05-01', restrictions: blocked })).code).toBe('blocked_by_restriction');
    const moved = m.transferTo({ toBranchId: 'B', on: '2024-05-01', restrictions: precheckedRestriction(['m1'], 'B', '2024-05-01', { blocked: false }) }).member;
    expect(moved.branchAt('2024-04-30')).toBe('A');
    expect(moved.branchAt('2024-05-01')).toBe('B');
  });

  it('a prechecked verdict for another question is a programming error, not a silent pass', () => {
    expect(() => activeMember().transferTo({ toBranchId: 'B', on: '2024-05-01', restrictions: precheckedRestriction(['m1'], 'C', '2024-05-01', { blocked: false }) })).toThrow(
      /Restriction verdict/,
    );
  });

  it('imports active, lapsed and applicant records, never sanctioned ones', () => {
    const base = { id: 'm9', profile: { firstName: 'Bo' }, branchId: 'A', joinedOn: '2020-05-01', actor: secretaryA, moment: at('2024-01-01'), restrictions: noRestrictions };
    const lapsed = Member.importRecord({ ...base, status: 'lapsed' }).member;
    expect(lapsed.statusHistory.map((e) => [e.to, e.on])).toEqual([
      ['active', '2020-05-01'],
      ['lapsed', '2024-01-01'],
    ]);
    expect(lapsed.branchAt('2020-05-01')).toBe('A');
    expect(errorOf(() => Member.importRecord({ ...base, status: 'expelled' as never })).code).toBe('invalid_status_transition');
    expect(errorOf(() => Member.importRecord({ ...base, status: 'active', joinedOn: '2024-02-01' })).code).toBe('invalid_date');
    expect(errorOf(() => Member.importRecord({ ...base, status: 'active', actor: secretaryB })).code).toBe('invalid_branch');
    expect(errorOf(() => Member.importRecord({ ...base, status: 'active', restrictions: blocked })).code).toBe('blocked_by_restriction');
  });

  it('round-trips through a snapshot and refuses inconsistent snapshots', () => {
    const m = activeMember().transferTo({ toBranchId: 'B', on: '2024-05-01', restrictions: noRestrictions }).member;
    const snap = m.toSnapshot();
    expect(Member.fromSnapshot(snap).toSnapshot()).toEqual(snap);
    const broken: MemberSnapshot = { ...snap, branchHistory: [] };
    expect(errorOf(() => Member.fromSnapshot(broken)).code).toBe('invalid_member_snapshot');
    const skipped: MemberSnapshot = { ...snap, statusHistory: [snap.statusHistory[0], { ...snap.statusHistory[1], from: 'lapsed' }] };
    expect(errorOf(() => Member.fromSnapshot(skipped)).code).toBe('invalid_member_snapshot');
    const overlapping: MemberSnapshot = {
      ...snap,
      branchHistory: [
        { branchId: 'A', from: '2024-01-10', to: '2024-06-01' },
        { branchId: 'B', from: '2024-05-01', to: null },
      ],
    };
    expect(errorOf(() => Member.fromSnapshot(overlapping)).code).toBe('branch_periods_overlap');
  });
});
