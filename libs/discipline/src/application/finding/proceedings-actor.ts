import type { Principal } from '@org/identity';
import { normalizeEmail } from '../../domain/case/case-access.policy';
import type { CaseActor } from '../../domain/case/case.types';
import type { FindingActorKind } from '../../domain/finding/finding-alteration.policy';

/**
 * Who is acting on a case, as part 2 needs it: the person id used in findings, appeals,
 * statements and messages (a member id, or `email:<address>` for a non-member complainant who
 * signed in with a verified address), the part-1 `CaseActor` for `caseAccess`, and the offices
 * held (an officer writing to a panel is recorded as such, S7).
 */
export interface ProceedingsActor {
  readonly personId: string | null;
  readonly memberId: string | null;
  readonly caseActor: CaseActor;
  /** Holds any current mandate (EC, CC, staff, branch officer, a commission seat…). */
  readonly isOfficer: boolean;
  readonly bodies: readonly string[];
  /** For the audit log. */
  readonly auditRef: { readonly id: string | null; readonly kind: string };
  /** The kind named when an attempt to alter a finding is refused (S7). */
  readonly findingActorKind: FindingActorKind;
}

export const personIdOfEmail = (email: string): string => `email:${normalizeEmail(email)}`;

export function actorOf(p: Principal): ProceedingsActor {
  const bodies = [...new Set(p.mandates.map((m) => m.bodyKind))].sort();
  const holds = (k: string) => bodies.includes(k as never);
  const findingActorKind: FindingActorKind = holds('EC')
    ? 'executive_committee'
    : holds('CC')
      ? 'central_committee'
      : holds('CCOM')
        ? 'control_commission'
        : holds('APPEALS')
          ? 'appeals_committee'
          : holds('STAFF')
            ? 'staff'
            : holds('BRANCH_COMMITTEE')
              ? 'branch_officer'
              : 'member';
  return {
    personId: p.memberId ?? (p.email ? personIdOfEmail(p.email) : null),
    memberId: p.memberId,
    caseActor: {
      ...(p.memberId ? { memberId: p.memberId } : {}),
      ...(!p.memberId && p.email ? { verifiedEmail: p.email } : {}),
      isCommissioner: p.holds('CCOM'),
      isAppealsCommitteeMember: p.holds('APPEALS'),
    },
    isOfficer: p.mandates.length > 0,
    bodies,
    auditRef: { id: p.memberId ?? p.accountId, kind: p.memberId ? 'member' : 'account' },
    findingActorKind,
  };
}
