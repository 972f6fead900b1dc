import { DomainError } from '@org/kernel';
import type { Principal } from '@org/identity';
import { DuesApplicationErrorCode, memberNotFound } from './dues-application.errors';

/**
 * Whose subs records a caller keeps: the national office's treasurer or membership secretary,
 * every member; a branch treasurer, the members of their branches. Members outside the scope are
 * "not found". Hardship waivers are seen by treasurers only (not by secretaries).
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

export function assertMemberInScope<T extends { branchId: string | null }>(scope: TreasurerScope, member: T | null): T {
  if (!member) throw memberNotFound();
  if (scope.kind === 'all') return member;
  if (member.branchId === null || !scope.branchIds.includes(member.branchId)) throw memberNotFound();
  return member;
}

export const branchFilter = (scope: TreasurerScope): string[] | null => (scope.kind === 'all' ? null : scope.branchIds);
