import type { Tx } from '@org/platform';

/**
 * Good standing (subs) on a date, as the dues context decides it. Implemented by the dues
 * context and bound in the app's composition root; membership never computes standing itself.
 */
export abstract class StandingLookup {
  /** Of `memberIds`, those in good standing on `asOf`, using the stored read model when it is for that date. */
  abstract inGoodStandingOn(m: Tx, memberIds: readonly string[], asOf: string): Promise<Set<string>>;
}
