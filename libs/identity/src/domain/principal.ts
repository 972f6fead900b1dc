import type { BodyKind, MandateRole } from './body-kind';

export interface MandateView {
  id: string;
  bodyId: string;
  bodyKind: BodyKind;
  role: MandateRole;
  /** For branch bodies: the branch the mandate gives authority over. */
  branchId: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** Member statuses under which a member's mandates carry no authority. */
const WITHOUT_AUTHORITY = new Set(['suspended', 'expelled', 'resigned', 'declined', 'applicant']);

/**
 * Who is calling, as known on this request: re-read from the database on every request, so an
 * ended mandate, a suspension or a logout takes effect on the very next one.
 */
export class Principal {
  readonly mandates: readonly MandateView[];

  constructor(
    readonly accountId: string,
    readonly sessionId: string,
    readonly email: string,
    readonly memberId: string | null,
    readonly memberStatus: string | null,
    readonly branchId: string | null,
    mandates: readonly MandateView[],
  ) {
    this.mandates = memberStatus && WITHOUT_AUTHORITY.has(memberStatus) ? [] : mandates;
  }

  get isMember(): boolean {
    return this.memberId !== null && (this.memberStatus === 'active' || this.memberStatus === 'lapsed' || this.memberStatus === 'suspended');
  }

  holds(bodyKind: BodyKind, roles?: readonly MandateRole[]): boolean {
    return this.mandates.some((m) => m.bodyKind === bodyKind && (!roles || roles.includes(m.role)));
  }

  /** Branches in which this principal holds one of the given officer roles. */
  branchesWhere(roles: readonly MandateRole[]): string[] {
    return this.mandates.filter((m) => m.bodyKind === 'BRANCH_COMMITTEE' && m.branchId && roles.includes(m.role)).map((m) => m.branchId as string);
  }

  isOfficerOf(branchId: string, roles: readonly MandateRole[]): boolean {
    return this.branchesWhere(roles).includes(branchId);
  }
}
