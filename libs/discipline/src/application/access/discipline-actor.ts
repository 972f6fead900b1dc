import type { Principal } from '@org/identity';
import { normalizeEmail, type CaseActor, type FindingActorKind } from '../../domain';
import type { ContentActor } from '../case-content/case-content.service';

/**
 * Who acts on a case, as every use case receives it — the one actor of the context:
 * - `memberId`: a member (or former member), else null;
 * - `personId`: how findings, appeals, statements and messages name them — the member id, or
 *   `email:<address>` for a non-member complainant proving their address;
 * - `caseActor`: the domain's `CaseActor` for `caseAccess` (member id or verified email, and the
 *   two mandates the statutes tie to cases);
 * - `audit`: how the audit log names them;
 * - `isOfficer`/`bodies`: the offices held (an officer writing to a panel is recorded as such,
 *   S7) and `findingActorKind`, the kind named when an attempt to alter a finding is refused.
 * Offices give no access to a case: EC, CC, staff and branch officers appear only in the audit
 * of refused attempts and in the readdressing of their messages.
 */
export interface DisciplineActor {
  readonly memberId: string | null;
  readonly personId: string | null;
  readonly caseActor: CaseActor;
  readonly audit: ContentActor;
  /** Holds any current mandate (EC, CC, staff, branch officer, a commission seat…). */
  readonly isOfficer: boolean;
  readonly bodies: readonly string[];
  readonly findingActorKind: FindingActorKind;
}

export const personIdOfEmail = (email: string): string => `email:${normalizeEmail(email)}`;

const FINDING_ACTOR_KINDS: readonly (readonly [string, FindingActorKind])[] = [
  ['EC', 'executive_committee'],
  ['CC', 'central_committee'],
  ['CCOM', 'control_commission'],
  ['APPEALS', 'appeals_committee'],
  ['STAFF', 'staff'],
  ['BRANCH_COMMITTEE', 'branch_officer'],
];

/** A signed-in caller: a member (or former member) by their member id; an account without one by its verified email. */
export function actorFromPrincipal(p: Principal): DisciplineActor {
  const memberId = p.memberId ?? null;
  const bodies = [...new Set(p.mandates.map((m) => m.bodyKind as string))].sort();
  return {
    memberId,
    personId: memberId ?? (p.email ? personIdOfEmail(p.email) : null),
    caseActor: {
      ...(memberId ? { memberId } : p.email ? { verifiedEmail: normalizeEmail(p.email) } : {}),
      isCommissioner: p.holds('CCOM'),
      isAppealsCommitteeMember: p.holds('APPEALS'),
    },
    audit: { actorId: memberId ?? p.accountId, actorKind: memberId ? 'member' : 'account' },
    isOfficer: p.mandates.length > 0,
    bodies,
    findingActorKind: FINDING_ACTOR_KINDS.find(([body]) => bodies.includes(body))?.[1] ?? 'member',
  };
}

/** A non-member complainant proving their address with a verification token. */
export function actorFromVerifiedEmail(email: string): DisciplineActor {
  const address = normalizeEmail(email);
  return {
    memberId: null,
    personId: personIdOfEmail(address),
    caseActor: { verifiedEmail: address },
    audit: { actorId: null, actorKind: 'non_member_complainant' },
    isOfficer: false,
    bodies: [],
    findingActorKind: 'member',
  };
}

/**
 * A member acting without a request (the demo organization, benchmarks): a commissioner when
 * `commissioner`, holding no other office.
 */
export function memberActor(memberId: string, options: { commissioner?: boolean; appealsCommitteeMember?: boolean } = {}): DisciplineActor {
  const bodies = [...(options.appealsCommitteeMember ? ['APPEALS'] : []), ...(options.commissioner ? ['CCOM'] : [])];
  return {
    memberId,
    personId: memberId,
    caseActor: { memberId, isCommissioner: options.commissioner ?? false, isAppealsCommitteeMember: options.appealsCommitteeMember ?? false },
    audit: { actorId: memberId, actorKind: 'member' },
    isOfficer: bodies.length > 0,
    bodies,
    findingActorKind: options.commissioner ? 'control_commission' : options.appealsCommitteeMember ? 'appeals_committee' : 'member',
  };
}

export const SYSTEM_ACTOR: DisciplineActor = {
  memberId: null,
  personId: null,
  caseActor: {},
  audit: { actorId: null, actorKind: 'system' },
  isOfficer: false,
  bodies: [],
  findingActorKind: 'system',
};
