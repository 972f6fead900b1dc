import { FindingErrorCode, findingError } from './finding.errors';
import { Sanction } from './sanction.value-object';

export type AppealOutcomeKind = 'uphold' | 'modify_sanction' | 'remand';

/**
 * What a finding needs to know of a decided appeal (the appeal module's `Appeal` satisfies it).
 * Declared here so that findings do not depend on the appeal module.
 */
export interface DecidedAppealView {
  readonly appealId: string;
  readonly findingId: string;
  readonly status: 'decided';
  readonly decision: {
    readonly outcome: AppealOutcomeKind;
    readonly sanction: Sanction | null;
    readonly decidedAt: string;
  };
}

/**
 * Everyone who might try to change a finding. Only one kind may: a decision of the Appeals
 * Committee on an appeal lodged by a party. Every other body, role, tool or setting is listed
 * so that the application layer can name who tried when it refuses and audits the attempt;
 * kinds not listed here are refused as well.
 */
export type FindingActor =
  | { readonly kind: 'appeal_decision'; readonly appeal: DecidedAppealView }
  | {
      readonly kind:
        | 'executive_committee'
        | 'central_committee'
        | 'control_commission'
        | 'panel'
        | 'appeals_committee'
        | 'staff'
        | 'branch_officer'
        | 'member'
        | 'operator'
        | 'configuration'
        | 'migration'
        | 'system';
      readonly actorId?: string;
    };

export type FindingActorKind = FindingActor['kind'];

/**
 * Refuses every attempt to alter a finding except through a decided appeal (S7). "Alter" is any
 * change of the verdict, the sanction, the reasons, the vote counts or the finality: annulling,
 * re-opening, "procedural" set-asides, narrowing, delaying. The finding itself calls this
 * before applying an appeal decision; the application layer calls it on every other route that
 * could reach a finding so the refusal is uniform and can be audited.
 *
 * The error is `forbidden` with details `{ actorKind }` for the audit record; an application
 * answering someone with no role in the case maps it to the case's "not found" (S1).
 */
export function assertMayAlterFinding(actor: FindingActor | null | undefined): void {
  if (
    actor &&
    actor.kind === 'appeal_decision' &&
    actor.appeal &&
    actor.appeal.status === 'decided' &&
    actor.appeal.decision !== null &&
    actor.appeal.decision !== undefined
  ) {
    return;
  }
  throw findingError(
    'forbidden',
    FindingErrorCode.FinalExceptByAppeal,
    'A finding of a disciplinary panel can only be changed by the Appeals Committee, on an appeal lodged by a party to the case. No other body, role or setting can change, annul or delay it.',
    { actorKind: actor && typeof actor === 'object' ? String(actor.kind) : 'unknown' },
  );
}
