import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import type { ElectionSnapshot } from '../domain';
import type { ElectionAnnouncement } from './ports/election-notices.port';

/** Returning officers hold an Elections Committee mandate with that role. */
export const RETURNING_OFFICER = { body: 'ELECTIONS' as const, roles: ['returning-officer' as const] };

export function requireReturningOfficer(p: Principal): void {
  if (!p.holds(RETURNING_OFFICER.body, RETURNING_OFFICER.roles)) {
    throw new DomainError('forbidden', 'not_allowed', 'Only a returning officer (an Elections Committee mandate) runs elections.');
  }
}

export function requireMember(p: Principal): string {
  if (!p.memberId || !p.isMember) throw new DomainError('forbidden', 'not_allowed', 'Only members take part in elections.');
  return p.memberId;
}

/** Who hears about an election: its branch, or the whole organization (national and congress elections). */
export const audienceOf = (s: ElectionSnapshot): ElectionAnnouncement['audience'] =>
  s.scope.kind === 'branch' ? { kind: 'branch', branchId: s.scope.branchId } : { kind: 'organization' };
