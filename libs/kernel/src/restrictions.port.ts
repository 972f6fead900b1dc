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

export abstract class RestrictionsPort {
  abstract restrictionsFor(memberId: string, at: Date): Promise<Restriction[]>;
  /** Members currently separated from `memberId` (both directions). */
  abstract separatedFrom(memberId: string, at: Date): Promise<string[]>;
}

export class NoRestrictions extends RestrictionsPort {
  async restrictionsFor(): Promise<Restriction[]> {
    return [];
  }
  async separatedFrom(): Promise<string[]> {
    return [];
  }
}

export const CONFIDENTIAL_RESTRICTION_MESSAGE =
  'This is blocked by a confidential restriction. If you believe this is wrong, contact the Control Commission.';
