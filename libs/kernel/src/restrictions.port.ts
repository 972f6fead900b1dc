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
 * `tx` is the caller's transaction (a TypeORM EntityManager, typed loosely to keep the kernel
 * framework-free): implementations must read through it when given, because the embedded
 * database has one connection and a second one inside a transaction would wait forever.
 *
 * `membersRestricted` and `readmissionRequired` are declared optional only so that partial test
 * doubles written before they existed still compile; both real implementations (the disciplinary
 * adapter and `NoRestrictions`) provide them, and callers fail closed when one is missing (see
 * `readmissionRequiredOf` and `membersRestrictedOf`).
 */
export abstract class RestrictionsPort {
  abstract restrictionsFor(memberId: string, at: Date, tx?: unknown): Promise<Restriction[]>;
  /** Members currently separated from `memberId` (both directions). */
  abstract separatedFrom(memberId: string, at: Date, tx?: unknown): Promise<string[]>;
  /** S13: a complainant or witness may transfer branch without giving reasons. */
  abstract hasProtectedTransferRight(memberId: string, at: Date, tx?: unknown): Promise<boolean>;
  /**
   * E4, set-based: the members under a restriction of `kind` in force at some instant of
   * `during` — among `memberIds` when given, otherwise among everyone. One query, however many
   * members: an electoral roll of 100,000 asks once, never once per member. Says who, never why.
   */
  membersRestricted?(kind: RestrictionKind, during: TimeWindow, memberIds: readonly string[] | null, tx?: unknown): Promise<Set<string>>;
  /**
   * S9: whether this expelled person may rejoin only by a Control Commission readmission
   * decision (true until the commission decides to readmit). Asked only about people whose
   * membership ended in expulsion.
   */
  readmissionRequired?(memberId: string, tx?: unknown): Promise<boolean>;
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
  override async membersRestricted(): Promise<Set<string>> {
    return new Set();
  }
  override async readmissionRequired(): Promise<boolean> {
    return true;
  }
}

/** S9, failing closed: a port that cannot answer is taken to require a readmission decision. */
export function readmissionRequiredOf(port: RestrictionsPort, memberId: string, tx?: unknown): Promise<boolean> {
  return port.readmissionRequired ? port.readmissionRequired(memberId, tx) : Promise.resolve(true);
}

/**
 * E4, failing closed: a port that cannot answer the set-based question is a configuration error
 * (a roll frozen without consulting sanctions would be wrong, and frozen rolls never change).
 */
export function membersRestrictedOf(port: RestrictionsPort, kind: RestrictionKind, during: TimeWindow, memberIds: readonly string[] | null, tx?: unknown): Promise<Set<string>> {
  if (!port.membersRestricted) {
    return Promise.reject(new Error('The bound RestrictionsPort cannot list restricted members (membersRestricted); bind an implementation that can.'));
  }
  return port.membersRestricted(kind, during, memberIds, tx);
}

export const CONFIDENTIAL_RESTRICTION_MESSAGE =
  'This is blocked by a confidential restriction. If you believe this is wrong, contact the Control Commission.';
