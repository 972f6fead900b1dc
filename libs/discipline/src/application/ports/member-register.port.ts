import type { Tx } from '@org/platform';

/** A person on the register: names, e-mail, status (current or former member). */
export interface RegisterPerson {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly status: string;
}

/** An answer of the name search: who, and the name of their current branch (if any). */
export interface NamedMember {
  readonly memberId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly branch: string | null;
}

/** A stay in a branch, `[from, to)` as calendar dates, `to` null while it lasts. */
export interface BranchStay {
  readonly memberId: string;
  readonly branchId: string;
  readonly from: string;
  readonly to: string | null;
}

/** What recognises a person beyond the e-mail (S9 fingerprints). */
export interface PersonalDetails {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  /** `YYYY-MM-DD` or null. */
  readonly dateOfBirth: string | null;
}

/**
 * What this context reads of the membership register — bound by the composition to the
 * membership context's published facade, never read here by SQL. Every call runs in the
 * caller's transaction (the discipline connection's), so a case lock and the facts it reads
 * belong to one snapshot.
 */
export abstract class MemberRegister {
  /** These members (unknown ids are simply absent). */
  abstract people(m: Tx, ids: readonly string[]): Promise<readonly RegisterPerson[]>;
  /** Members with one of `statuses` whose first or last name starts with each word; ordered by last name, first name, id; at most `limit`. */
  abstract searchByName(m: Tx, words: readonly string[], statuses: readonly string[], limit: number): Promise<readonly NamedMember[]>;
  /** Branch stays of these members that end after `since` (or are still running); all of them when `since` is null. */
  abstract branchStays(m: Tx, memberIds: readonly string[], since: string | null): Promise<readonly BranchStay[]>;
  /** Names, e-mail, phone, postal address and date of birth of one member, as the register holds them now. */
  abstract personalDetails(m: Tx, memberId: string): Promise<PersonalDetails | null>;
  /** Active members by member number, after `afterNumber`, leaving out `except` (the demo's cast). */
  abstract activeMembers(m: Tx, o: { except: readonly string[]; afterNumber?: string | null; limit: number }): Promise<readonly { id: string; memberNumber: string }[]>;
}
