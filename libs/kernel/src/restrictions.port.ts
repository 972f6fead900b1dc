/**
 * What a member may not do for now, and until when — never why, and never which case.
 * The disciplinary context implements this port; membership, identity and elections consult
 * it. Until it is bound, `NoRestrictions` answers that nothing is restricted.
 */
export type RestrictionKind =
  | 'no_voting'
  | 'no_candidacy'
  | 'no_office'
  | 'no_hosting'
  | 'no_speaking'
  | 'no_recruiting'
  | 'separation';

export interface Restriction {
  kind: RestrictionKind;
  /** ISO date-time, or null when open-ended (expulsion). */
  until: string | null;
  /** For `separation`: the members this one must not be placed with. */
  separatedFrom?: string[];
}

/**
 * `tx` is the caller's transaction (a TypeORM EntityManager, typed loosely to keep the kernel
 * framework-free): implementations must read through it when given, because the embedded
 * database has one connection and a second one inside a transaction would wait forever.
 */
export abstract class RestrictionsPort {
  abstract restrictionsFor(memberId: string, at: Date, tx?: unknown): Promise<Restriction[]>;
  /** Members currently separated from `memberId` (both directions). */
  abstract separatedFrom(memberId: string, at: Date, tx?: unknown): Promise<string[]>;
  /** S13: a complainant or witness may transfer branch without giving reasons. */
  abstract hasProtectedTransferRight(memberId: string, at: Date, tx?: unknown): Promise<boolean>;
}

export class NoRestrictions extends RestrictionsPort {
  async restrictionsFor(): Promise<Restriction[]> {
    return [];
  }
  async separatedFrom(): Promise<string[]> {
    return [];
  }
  async hasProtectedTransferRight(): Promise<boolean> {
    return false;
  }
}

export const CONFIDENTIAL_RESTRICTION_MESSAGE =
  'This is blocked by a confidential restriction. If you believe this is wrong, contact the Control Commission.';
