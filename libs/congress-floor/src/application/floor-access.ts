import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { floorError, FloorErrorCode } from '../domain';
import type { FloorRecord } from './ports/floor.repository';

/** Returning officers (an Elections Committee mandate with that role) open a congress's floor. */
export const RETURNING_OFFICER_POLICY = { body: 'ELECTIONS' as const, roles: ['returning-officer' as const] };

export function requireMember(p: Principal): string {
  if (!p.memberId || !p.isMember) throw new DomainError('forbidden', 'not_allowed', 'Only members take part in congress.');
  return p.memberId;
}

export function requireReturningOfficer(p: Principal): string {
  if (!p.memberId || !p.holds(RETURNING_OFFICER_POLICY.body, RETURNING_OFFICER_POLICY.roles)) {
    throw new DomainError('forbidden', 'not_allowed', 'Only a returning officer (an Elections Committee mandate) opens the floor of a congress.');
  }
  return p.memberId;
}

/** The congress's chairs run the agenda, the speakers' lists and the votes. */
export function requireChair(f: FloorRecord, p: Principal): string {
  if (!p.memberId || !f.chairs.includes(p.memberId)) throw floorError('forbidden', FloorErrorCode.notAFloorOfficer, 'Only a chair of this congress does this.');
  return p.memberId;
}

/** The standing orders committee admits or refuses motions. */
export function requireStandingOrdersCommittee(f: FloorRecord, p: Principal): string {
  if (!p.memberId || !f.standingOrdersCommittee.includes(p.memberId)) {
    throw floorError('forbidden', FloorErrorCode.notAFloorOfficer, "Only a member of this congress's standing orders committee admits or refuses motions.");
  }
  return p.memberId;
}
