import type { Tx } from './tx';

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

/** A span of time `[from, to)`: a restriction applies in it when it is in force at any instant of it. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * S9: a person applying or imported, described by what they gave — raw values; the disciplinary
 * side normalizes and hashes them itself, so the asking context never sees a hash or a key.
 */
export interface RejoinCandidate {
  /** Full name as given (first and last name together). */
  name: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  email?: string | null;
}

/**
 * `tx` is the caller's transaction (`Tx`: a TypeORM EntityManager fits, and the kernel names no
 * ORM): implementations must read through it when given, because the embedded database has one
 * connection and a second one inside a transaction would wait forever.

 */
export abstract class RestrictionsPort {
  abstract restrictionsFor(memberId: string, at: Date, tx?: Tx): Promise<Restriction[]>;
  /** Members currently separated from `memberId` (both directions). */
  abstract separatedFrom(memberId: string, at: Date, tx?: Tx): Promise<string[]>;
  /** S13: a complainant or witness may transfer branch without giving reasons. */
  abstract hasProtectedTransferRight(memberId: string, at: Date, tx?: Tx): Promise<boolean>;
  /**
   * E4, set-based: the members under a restriction of `kind` in force at some instant of
   * `during` — among `memberIds` when given, otherwise among everyone. One query, however many
   * members: an electoral roll of 100,000 asks once, never once per member. Says who, never why.
   */
  abstract membersRestricted(kind: RestrictionKind, during: TimeWindow, memberIds: readonly string[] | null, tx?: Tx): Promise<Set<string>>;
  /**
   * S9: whether this expelled person may rejoin only by a Control Commission readmission
   * decision (true until the commission decides to readmit). Asked only about people whose
   * membership ended in expulsion.
   */
  abstract readmissionRequired(memberId: string, tx?: Tx): Promise<boolean>;
  /**
   * S9, by identity rather than by record: for each candidate, whether they are recognised as a
   * person who may rejoin only by a Control Commission readmission decision still to be made —
   * same e-mail, or same name together with the same date of birth, phone or postal address.
   * One call for a whole import (answers in the order asked). Says *that*, never who or why.
   */
  abstract rejoinHeld(candidates: readonly RejoinCandidate[], tx?: Tx): Promise<boolean[]>;
}

/**
 * The default until the disciplinary context is bound: nothing is restricted — except that an
 * expelled person always needs a readmission decision (S9), since without the disciplinary
 * context no decision can have been made.
 */
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
  async membersRestricted(): Promise<Set<string>> {
    return new Set();
  }
  async readmissionRequired(): Promise<boolean> {
    return true;
  }
  /** Without the disciplinary context nobody has been expelled by identity: the e-mail check (above) stays. */
  async rejoinHeld(candidates: readonly RejoinCandidate[]): Promise<boolean[]> {
    return candidates.map(() => false);
  }
}

export const CONFIDENTIAL_RESTRICTION_MESSAGE =
  'This is blocked by a confidential restriction. If you believe this is wrong, contact the Control Commission.';
