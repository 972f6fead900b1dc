import { DomainError } from '@org/kernel';
import { Branch } from './branch.entity';
import { Member } from './member.entity';
import { MembershipActor } from './member-status.value-object';
import { RestrictionCheck, noRestrictions } from './restriction-check.port';
import { Transfer } from './transfer.entity';

const at = (on: string) => ({ on, at: `${on}T10:00:00Z` });
const self: MembershipActor = { kind: 'member', actorId: 'm1' };
const secretaryA: MembershipActor = { kind: 'secretary', actorId: 'sec-a', branchId: 'A' };
const secretaryB: MembershipActor = { kind: 'secretary', actorId: 'sec-b', branchId: 'B' };
const branchB = Branch.create({ id: 'B', code: 'b-north', name: 'North', createdOn: '2000-01-01' }).branch;
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

function member(): Member {
  const applied = Member.apply({ id: 'm1', profile: { firstName: 'Ana' }, branchId: 'A', actor: self, moment: at('2024-01-01') }).member;
  return applied.admit({ actor: secretaryA, moment: at('2024-01-02'), restrictions: noRestrictions }).member;
}

describe('Transfer', () => {
  it('the member asks, the receiving branch secretary accepts; the member moves on the acceptance date', () => {
    const { transfer } = Transfer.request({ id: 't1', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01'), reason: 'Moved house' });
    expect(transfer.status).toBe('requested');
    const decided = transfer.accept({ member: member(), toBranch: branchB, actor: secretaryB, moment: at('2024-03-05'), restrictions: noRestrictions });
    expect(decided.transfer.toSnapshot()).toMatchObject({ status: 'accepted', decidedBy: 'sec-b', effectiveOn: '2024-03-05', kind: 'ordinary' });
    expect(decided.member.branchHistory.toSnapshot()).toEqual([
      { branchId: 'A', from: '2024-01-02', to: '2024-03-05' },
      { branchId: 'B', from: '2024-03-05', to: null },
    ]);
    expect(decided.events.map((e) => e.type)).toEqual(['transfer.accepted', 'member.branch_changed']);
  });

  it('only the receiving secretary decides; the sending one sees "not found"', () => {
    const { transfer } = Transfer.request({ id: 't1', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01') });
    expect(errorOf(() => transfer.accept({ member: member(), toBranch: branchB, actor: secretaryA, moment: at('2024-03-05'), restrictions: noRestrictions })).code).toBe(
      'member_not_found',
    );
    expect(errorOf(() => transfer.accept({ member: member(), toBranch: branchB, actor: self, moment: at('2024-03-05'), restrictions: noRestrictions })).code).toBe(
      'actor_not_allowed',
    );
  });

  it('declining needs a reason; a decided request cannot be decided again', () => {
    const { transfer } = Transfer.request({ id: 't1', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01') });
    expect(errorOf(() => transfer.decline({ actor: secretaryB, moment: at('2024-03-02'), reason: '' })).code).toBe('reason_required');
    const declined = transfer.decline({ actor: secretaryB, moment: at('2024-03-02'), reason: 'Branch is full' }).transfer;
    expect(declined.status).toBe('declined');
    expect(errorOf(() => declined.accept({ member: member(), toBranch: branchB, actor: secretaryB, moment: at('2024-03-05'), restrictions: noRestrictions })).code).toBe(
      'transfer_not_pending',
    );
  });

  it('acceptance into a branch where a separation applies is refused with the confidential message', () => {
    const { transfer } = Transfer.request({ id: 't1', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01') });
    const e = errorOf(() => transfer.accept({ member: member(), toBranch: branchB, actor: secretaryB, moment: at('2024-03-05'), restrictions: blocked }));
    expect(e.code).toBe('blocked_by_restriction');
    expect(e.message).not.toMatch(/complain|case|accus|witness/i);
  });

  it('a transfer to the branch the member is already in is refused', () => {
    const branchA = Branch.create({ id: 'A', code: 'A', name: 'A', createdOn: '2000-01-01' }).branch;
    expect(errorOf(() => Transfer.request({ id: 't1', member: member(), toBranch: branchA, actor: self, moment: at('2024-03-01') })).code).toBe('same_branch_transfer');
  });

  it('S13: a protected transfer is granted at once, with no reason field, by system', () => {
    const decided = Transfer.grantProtected({
      id: 't2',
      member: member(),
      toBranch: branchB,
      actor: self,
      moment: at('2024-03-01'),
      confirmedByControlCommission: true,
      restrictions: noRestrictions,
    });
    expect(decided.transfer.toSnapshot()).toMatchObject({ kind: 'protected', status: 'accepted', reason: null, decidedBy: 'system', effectiveOn: '2024-03-01' });
    expect(decided.member.currentBranchId).toBe('B');
    // events do not reveal that it was protected
    expect(JSON.stringify(decided.events)).not.toContain('protected');
  });

  it('S13: a reason passed with a protected transfer is refused, not stored', () => {
    const input = {
      id: 't2',
      member: member(),
      toBranch: branchB,
      actor: self,
      moment: at('2024-03-01'),
      confirmedByControlCommission: true,
      restrictions: noRestrictions,
      reason: 'I reported X',
    };
    expect(errorOf(() => Transfer.grantProtected(input)).code).toBe('protected_transfer_takes_no_reason');
  });

  it('S13: a protected transfer needs the Control Commission confirmation and is still restriction-checked', () => {
    const base = { id: 't2', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01'), restrictions: noRestrictions };
    expect(errorOf(() => Transfer.grantProtected({ ...base, confirmedByControlCommission: false })).code).toBe('protected_transfer_not_confirmed');
    expect(errorOf(() => Transfer.grantProtected({ ...base, confirmedByControlCommission: true, restrictions: blocked })).code).toBe('blocked_by_restriction');
  });

  it('the member can withdraw a pending request', () => {
    const { transfer } = Transfer.request({ id: 't1', member: member(), toBranch: branchB, actor: self, moment: at('2024-03-01') });
    expect(transfer.withdraw({ actor: self, moment: at('2024-03-02') }).transfer.status).toBe('withdrawn');
    expect(errorOf(() => transfer.withdraw({ actor: secretaryB, moment: at('2024-03-02') })).code).toBe('actor_not_allowed');
  });

  it('a transfer into a closed branch is refused', () => {
    const closed = branchB.close({ on: '2024-02-01', openMemberCount: 0 }).branch;
    expect(errorOf(() => Transfer.request({ id: 't1', member: member(), toBranch: closed, actor: self, moment: at('2024-03-01') })).code).toBe('branch_not_active');
  });
});
