import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';

/** What a panel writes with a sanction of this kind (besides the kind itself). */
export type SanctionDetail = 'until' | 'conditions' | 'readmissionConditions' | null;

export interface SanctionKindDefinition {
  readonly kind: SanctionKind;
  /** The words members see for it. */
  readonly label: string;
  /** What it means, in one sentence. */
  readonly description: string;
  readonly detail: SanctionDetail;
}

/**
 * The words for each of the kernel's sanction kinds — the one list (`SANCTION_KINDS`) with the
 * labels the web interface shows (`GET /sanction-kinds`). A kind added to the kernel fails the
 * build here until it has its words; the interface keeps no list of its own.
 */
const WORDS: Readonly<Record<SanctionKind, Omit<SanctionKindDefinition, 'kind'>>> = {
  no_finding: { label: 'No finding against the respondent', description: 'The complaint is not upheld: no sanction.', detail: null },
  warning: { label: 'Warning', description: 'A written warning; no rights are removed.', detail: null },
  conditions: { label: 'Conditions', description: 'Written conditions the member must keep.', detail: 'conditions' },
  suspension: { label: 'Suspension', description: 'Voting, candidacy, office and hosting rights removed until a date.', detail: 'until' },
  expulsion: { label: 'Expulsion', description: 'Membership ends; readmission only by a commission decision, on the conditions stated.', detail: 'readmissionConditions' },
};

/** Every sanction kind, in the kernel's order (least to most severe), with its words. */
export function sanctionKindDefinitions(): SanctionKindDefinition[] {
  return SANCTION_KINDS.map((kind) => ({ kind, ...WORDS[kind] }));
}
