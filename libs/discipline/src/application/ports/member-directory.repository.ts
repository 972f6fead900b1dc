import type { Tx } from '@org/platform';

/** A person a complainant may name: name and branch only — no contact data (S1). */
export interface DirectoryEntry {
  readonly memberId: string;
  readonly name: string;
  readonly branch: string | null;
}

/** A member as the proceedings need them: names for notices, contact for introductions (S10). */
export interface MemberEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly status: string;
}

/**
 * What the context reads of the membership register, and nothing more: the directory a
 * complainant picks people from, whether someone is a member and their status, and the names
 * and addresses the proceedings write to.
 */
export abstract class MemberDirectoryRepository {
  /** Members whose first or last name starts with each word (a person looked for, not a list). */
  abstract search(m: Tx, words: readonly string[], limit: number): Promise<DirectoryEntry[]>;
  abstract names(m: Tx, ids: readonly string[]): Promise<Map<string, string>>;
  /** The ids that are not members (current or former). */
  abstract unknown(m: Tx, ids: readonly string[]): Promise<string[]>;
  abstract status(m: Tx, id: string): Promise<string | null>;
  abstract entries(m: Tx, ids: readonly string[]): Promise<Map<string, MemberEntry>>;
  abstract fullName(m: Tx, id: string): Promise<string | null>;
  abstract namesOf(m: Tx, ids: readonly string[]): Promise<string[]>;
}
