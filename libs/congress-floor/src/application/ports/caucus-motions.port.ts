import type { Tx } from '@org/kernel';

/**
 * Whether a member may act for a caucus (submit, edit or withdraw its motion). Implemented by
 * the caucuses context; until it is bound, `NoCaucusMotions` refuses every caucus submission.
 * It answers yes or no — never who else is in the caucus.
 */
export abstract class CaucusMotions {
  abstract mayActFor(caucusId: string, memberId: string, tx: Tx): Promise<boolean>;
}
