import type { Tx } from '@org/platform';
import type { DelegateAllocation } from '../../domain';

export interface RegisterMember {
  id: string;
  status: string;
  branchId: string | null;
  displayName: string;
}

export interface RollSummary {
  id: string;
  scope: { kind: 'organization' } | { kind: 'branch'; branchId: string };
  asOf: string;
}

/**
 * What elections needs from the membership register (E4): members, frozen rolls and delegate
 * apportionments. Read-only. Bound to a SQL adapter over the membership tables until the
 * membership context exports a facade for rolls (see README, "Dependencies").
 */
export abstract class ElectoralRegister {
  abstract member(m: Tx, memberId: string): Promise<RegisterMember | null>;
  abstract roll(m: Tx, rollId: string): Promise<RollSummary | null>;
  /** Copies a frozen roll (optionally one branch of it) into the election's electorate; returns its size. */
  abstract copyRoll(m: Tx, electionId: string, rollId: string, branchId: string | null): Promise<number>;
  /**
   * Freezes the electorate here, set-based, as of a date: members active on that date, in a
   * branch (that branch, for a branch scope), and not out of good standing. Returns its size.
   */
  abstract freeze(m: Tx, electionId: string, asOf: string, branchId: string | null): Promise<number>;
  abstract apportionment(m: Tx, apportionmentId: string): Promise<{ id: string; rollId: string; allocations: DelegateAllocation[] } | null>;
}
