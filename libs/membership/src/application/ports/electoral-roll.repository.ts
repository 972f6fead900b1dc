import type { Tx } from '@org/platform';
import type { ApportionmentResult, RollScope } from '../../domain';

export interface FrozenRoll {
  id: string;
  scope: RollScope;
  asOf: string;
  label: string | null;
  entryCount: number;
  frozenAt: string;
  frozenBy: string | null;
}

/** A member active and in a branch on the freeze date: a candidate before standing is checked. */
export interface RollCandidateRow {
  memberId: string;
  branchId: string;
}

export abstract class ElectoralRollRepository {
  /**
   * Members whose status on `asOf` was `active` and who were in a branch on `asOf` (in `branchId`
   * for a branch scope), by set-based SQL over the status and branch histories.
   */
  abstract candidates(m: Tx, asOf: string, scope: RollScope): Promise<RollCandidateRow[]>;
  /** Creates the roll and its entries (INSERT … SELECT from the candidates given). */
  abstract freeze(m: Tx, roll: Omit<FrozenRoll, 'entryCount'>, entries: { memberIds: string[]; branchIds: string[] }): Promise<number>;
  abstract load(m: Tx, id: string): Promise<FrozenRoll | null>;
  abstract list(m: Tx): Promise<FrozenRoll[]>;
  abstract sizesByBranch(m: Tx, rollId: string): Promise<Array<{ branchId: string; code: string; rollSize: number }>>;
  abstract saveApportionment(m: Tx, a: { id: string; rollId: string; result: ApportionmentResult; createdAt: string; createdBy: string | null }): Promise<void>;
}
