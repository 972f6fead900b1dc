import { DomainError } from '@org/kernel';
import type { Principal } from '@org/identity';
import { DuesApplicationErrorCode, memberNotFound } from './dues-application.errors';

/**
 * Whose subs records a caller keeps: the national office's treasurer or membership secretary,
 * every member, former members included; a branch treasurer, the current members of their
 * branches (never a former member — expelled, resigned or declined — whatever branch the record
 * still names). Members outside the scope are "not found". Hardship waivers are seen by
 * treasurers only (not by secretaries).
 */
export type TreasurerScope = { kind: 'all' } | { kind: 'branches'; branchIds: string[] };

export function treasurerScopeOf(p: Principal): TreasurerScope | null {
  if (p.holds('NATIONAL_OFFICE', ['treasurer', 'membership-secretary'])) return { kind: 'all' };
  const branchIds = [...new Set(p.branchesWhere(['treasurer']))];
  return branchIds.length ? { kind: 'branches', branchIds } : null;
}

/** Treasurers and, for reading standing only, secretaries. */
export function standingReaderScopeOf(p: Principal): TreasurerScope | null {
  if (p.holds('NATIONAL_OFFICE', ['treasurer', 'membership-secretary'])) return { kind: 'all' };
  const branchIds = [...new Set(p.branchesWhere(['treasurer', 'secretary']))];
  return branchIds.length ? { kind: 'branches', branchIds } : null;
}

export function requireScope(scope: TreasurerScope | null): TreasurerScope {
  if (!scope) throw new DomainError('forbidden', DuesApplicationErrorCode.noTreasurerScope, 'Only a branch treasurer (for their branch) or the national treasurer can do this.');
  return scope;
}

/** Statuses of a former member: in no branch, seen only by the national membership office. */
export const FORMER_MEMBER_STATUSES: readonly string[] = ['expelled', 'resigned', 'declined'];

/** Whether a branch-scoped caller may see this member: a current member of one of their branches. */
export function inBranchScope(scope: TreasurerScope, member: { branchId: string | null; status: string }): boolean {
  if (scope.kind === 'all') return true;
  return !FORMER_MEMBER_STATUSES.includes(member.status) && member.branchId !== null && scope.branchIds.includes(member.branchId);
}

export function assertMemberInScope<T extends { branchId: string | null; status: string }>(scope: TreasurerScope, member: T | null): T {
  if (!member || !inBranchScope(scope, member)) throw memberNotFound();
  return member;
}

export const branchFilter = (scope: TreasurerScope): string[] | null => (scope.kind === 'all' ? null : scope.branchIds);
