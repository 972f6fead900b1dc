import { DomainError } from '@org/kernel';
import type { Principal } from '@org/identity';
import type { MembershipActor } from '../domain';
import { MembershipApplicationErrorCode, memberNotFound } from './membership-application.errors';

/**
 * Whose personal data a caller may read and manage (issue 3, "Scope"):
 * - a national membership secretary (NATIONAL_OFFICE, role membership-secretary): every member;
 * - a branch secretary: the members of the branches where they hold that office, and the
 *   applications addressed to those branches; every other member is "not found";
 * - anyone else (the EC included): nobody's contact details — the EC sees aggregates only.
 * A member's own record is reached through `/me/member`, never through these scopes.
 */
export type RegisterScope = { kind: 'all' } | { kind: 'branches'; branchIds: string[] };

export function isNationalMembershipSecretary(p: Principal): boolean {
  return p.holds('NATIONAL_OFFICE', ['membership-secretary']);
}

/** The scope for reading and managing members' personal data, or null when the caller has none. */
export function registerScopeOf(p: Principal): RegisterScope | null {
  if (isNationalMembershipSecretary(p)) return { kind: 'all' };
  const branchIds = [...new Set(p.branchesWhere(['secretary']))];
  return branchIds.length > 0 ? { kind: 'branches', branchIds } : null;
}

/** Like `registerScopeOf`, but refuses a caller with no scope (403: they may know the route exists). */
export function requireRegisterScope(p: Principal): RegisterScope {
  const scope = registerScopeOf(p);
  if (!scope) {
    throw new DomainError(
      'forbidden',
      MembershipApplicationErrorCode.noBranchScope,
      p.holds('EC')
        ? 'The Executive Committee sees the register as aggregates (GET /membership/aggregates), not members’ personal data.'
        : 'Only a branch secretary (for their branch) or the national membership secretary can see members’ records.',
    );
  }
  return scope;
}

export function scopeIncludes(scope: RegisterScope, branchId: string | null): boolean {
  return scope.kind === 'all' || (branchId !== null && scope.branchIds.includes(branchId));
}

/** Where a member sits for scope purposes: their branch, or the branch their application is for. */
export interface MemberLocation {
  id: string;
  branchId: string | null;
  applicationBranchId: string | null;
  status: string;
}

/** A member outside the scope is answered exactly like a member that does not exist. */
export function assertInScope(scope: RegisterScope, loc: MemberLocation | null): MemberLocation {
  if (!loc) throw memberNotFound();
  if (scope.kind === 'all') return loc;
  // Former members are in no branch: only the national membership secretary sees them.
  if (loc.status === 'expelled' || loc.status === 'resigned' || loc.status === 'declined') throw memberNotFound();
  const branch = loc.branchId ?? loc.applicationBranchId;
  if (!scopeIncludes(scope, branch)) throw memberNotFound();
  return loc;
}

/** The domain actor for an officer acting on a member in `branchId`. */
export function officerActor(p: Principal, scope: RegisterScope, branchId: string | null): MembershipActor {
  const actorId = p.memberId ?? p.accountId;
  if (scope.kind === 'all') return { kind: 'membership-secretary', actorId };
  if (branchId === null || !scope.branchIds.includes(branchId)) throw memberNotFound();
  return { kind: 'secretary', actorId, branchId };
}

/** The domain actor for the member acting on their own record. */
export function selfActor(p: Principal): MembershipActor & { kind: 'member' } {
  if (!p.memberId) throw new DomainError('not_found', 'member_not_found', 'Your account is not linked to a member record.');
  return { kind: 'member', actorId: p.memberId };
}
