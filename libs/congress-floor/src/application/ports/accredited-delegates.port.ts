import type { Tx } from '@org/kernel';

/**
 * The congress's delegates as the elections context elected and accredited them. Bound in
 * apps/api/src/composition.ts to elections' published facade; the floor never reads the
 * elections schema itself.
 */
export abstract class AccreditedDelegates {
  /** Whether the congress exists. */
  abstract congressExists(congressId: string, tx: Tx): Promise<boolean>;
  /** Whether this member is a delegate of the congress accredited now. */
  abstract isAccredited(congressId: string, memberId: string, tx: Tx): Promise<boolean>;
  /** How many delegates are accredited now (a vote's electorate). */
  abstract accreditedCount(congressId: string, tx: Tx): Promise<number>;
  /** How many delegates were elected to the congress, accredited or not (a quorum set as a share). */
  abstract electedCount(congressId: string, tx: Tx): Promise<number>;
  /** The delegation (the branch that elected them) of an accredited delegate: their card in a card vote. */
  abstract delegationOf(congressId: string, memberId: string, tx: Tx): Promise<string | null>;
}
