import type { Principal } from '@org/identity';
import { normalizeEmail, type CaseActor } from '../../domain';
import type { ContentActor } from '../case-content/case-content.service';

/**
 * Who acts on a case, as every use case receives it: the domain's `CaseActor` (member id or
 * verified email, and the two mandates the statutes tie to cases), and how the audit log names
 * them. Offices — EC, CC, staff, branch officer — are deliberately absent: they give nothing.
 */
export interface DisciplineActor {
  readonly memberId: string | null;
  readonly caseActor: CaseActor;
  readonly audit: ContentActor;
}

/** A signed-in caller: a member (or former member) by their member id; an account without one by its verified email. */
export function actorFromPrincipal(p: Principal): DisciplineActor {
  const memberId = p.memberId ?? null;
  return {
    memberId,
    caseActor: {
      ...(memberId ? { memberId } : { verifiedEmail: normalizeEmail(p.email) }),
      isCommissioner: p.holds('CCOM'),
      isAppealsCommitteeMember: p.holds('APPEALS'),
    },
    audit: { actorId: memberId ?? p.accountId, actorKind: memberId ? 'member' : 'account' },
  };
}

/** A non-member complainant proving their address with a verification token. */
export function actorFromVerifiedEmail(email: string): DisciplineActor {
  return { memberId: null, caseActor: { verifiedEmail: normalizeEmail(email) }, audit: { actorId: null, actorKind: 'non_member_complainant' } };
}

export const SYSTEM_ACTOR: DisciplineActor = { memberId: null, caseActor: {}, audit: { actorId: null, actorKind: 'system' } };
