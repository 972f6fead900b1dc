import type { Tx } from '@org/platform';

/**
 * The dues levels (plans) an import may assign, as the dues context keeps them. Implemented by
 * the dues context and bound in the app's composition root; membership never writes dues tables.
 */
export abstract class DuesLevelBook {
  /** Plan names, lower-cased → as the plan writes its name. */
  abstract levelNames(m: Tx): Promise<Map<string, string>>;
  /** Each member's level from a date, in the caller's transaction (the plan's own amount). */
  abstract assign(m: Tx, levels: readonly { memberId: string; level: string; from: string }[]): Promise<void>;
}
