import { DomainError } from '@org/kernel';
import { Branch, mergeBranches } from './branch.entity';
import { Member } from './member.entity';
import { MembershipActor } from './member-status.value-object';
import { RestrictionCheck, noRestrictions } from './restriction-check.port';

const at = (on: string) => ({ on, at: `${on}T10:00:00Z` });

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function memberOf(id: string, branchId: string): Member {
  const actor: MembershipActor = { kind: 'member', actorId: id };
  const sec: MembershipActor = { kind: 'secretary', actorId: 's', branchId };
  const m = Member.apply({ id, profile: { firstName: id }, branchId, actor, moment: at('2024-01-01') }).member;
  return m.admit({ actor: sec, moment: at('2024-01-02'), restrictions: noRestrictions }).member;
}

const a = Branch.create({ id: 'A', code: 'south', name: 'South', createdOn: '2010-01-01' }).branch;
const b = Branch.create({ id: 'B', code: 'NORTH', name: 'North', createdOn: '2010-01-01' }).branch;

describe('Branch', () => {
  it('validates and normalizes its code', () => {
    expect(a.code).toBe('SOUTH');
    expect(errorOf(() => Branch.create({ id: 'X', code: 'no spaces', name: 'x', createdOn: '2010-01-01' })).code).toBe('invalid_branch');
  });

  it('closing requires no open members', () => {
    const e = errorOf(() => a.close({ on: '2024-06-01', openMemberCount: 3 }));
    expect([e.kind, e.code]).toEqual(['conflict', 'branch_has_members']);
    expect(a.close({ on: '2024-06-01', openMemberCount: 0 }).branch.status).toBe('closed');
  });

  it('a merge moves every open period into the target, gap-free, and retires the source', () => {
    const members = [memberOf('m1', 'A'), memberOf('m2', 'A')];
    const result = mergeBranches({ source: a, target: b, members, on: '2024-06-01', restrictions: noRestrictions });
    expect(result.source.toSnapshot()).toMatchObject({ status: 'merged', mergedIntoBranchId: 'B', endedOn: '2024-06-01' });
    for (const m of result.members) {
      expect(m.branchHistory.toSnapshot()).toEqual([
        { branchId: 'A', from: '2024-01-02', to: '2024-06-01' },
        { branchId: 'B', from: '2024-06-01', to: null },
      ]);
    }
    expect(result.events[0]).toEqual({ type: 'branch.merged', branchId: 'A', intoBranchId: 'B', on: '2024-06-01', movedMembers: 2 });
    expect(errorOf(() => result.source.close({ on: '2024-07-01', openMemberCount: 0 })).code).toBe('branch_not_active');
  });

  it('a merge that would break a separation moves nobody', () => {
    const asked: Array<[readonly string[], string]> = [];
    const check: RestrictionCheck = (ids, branchId) => {
      asked.push([ids, branchId]);
      return { blocked: true };
    };
    const e = errorOf(() => mergeBranches({ source: a, target: b, members: [memberOf('m1', 'A'), memberOf('m2', 'A')], on: '2024-06-01', restrictions: check }));
    expect(e.code).toBe('blocked_by_restriction');
    expect(asked).toEqual([[['m1', 'm2'], 'B']]);
  });

  it('refuses merging into itself, into a closed branch, or members from elsewhere', () => {
    expect(errorOf(() => mergeBranches({ source: a, target: a, members: [], on: '2024-06-01', restrictions: noRestrictions })).code).toBe('merge_into_self');
    const closed = b.close({ on: '2024-01-01', openMemberCount: 0 }).branch;
    expect(errorOf(() => mergeBranches({ source: a, target: closed, members: [], on: '2024-06-01', restrictions: noRestrictions })).code).toBe('branch_not_active');
    expect(errorOf(() => mergeBranches({ source: a, target: b, members: [memberOf('m3', 'C')], on: '2024-06-01', restrictions: noRestrictions })).code).toBe(
      'invalid_branch',
    );
  });

});
