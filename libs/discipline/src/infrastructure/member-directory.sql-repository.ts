import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { MemberRegister } from '../application/ports/member-register.port';
import { MemberDirectoryRepository, type DirectoryEntry, type MemberEntry } from '../application/ports/member-directory.repository';
export type { DirectoryEntry };

/** Statuses of people who can be named as respondents or witnesses (current and former members). */
const NAMEABLE = ['active', 'lapsed', 'suspended', 'expelled', 'resigned'];

/**
 * The minimal directory a complainant picks people from (S1: name and branch only — no contact
 * data), and the few facts about members the context needs (is this a member; what is their
 * status; names for notices, contact for introductions, S10). Asked of the register through the
 * `MemberRegister` port, in the caller's transaction: this context runs no SQL on the register.
 */
@Injectable()
export class MemberDirectorySqlRepository implements MemberDirectoryRepository {
  constructor(private readonly register: MemberRegister) {}

  /** Members whose first or last name starts with each word (a person looked for, not a list). */
  async search(m: Tx, words: readonly string[], limit: number): Promise<DirectoryEntry[]> {
    if (words.length === 0) return [];
    const found = await this.register.searchByName(m, words, NAMEABLE, Math.max(1, Math.min(50, limit)));
    return found.map((r) => ({ memberId: r.memberId, name: `${r.firstName} ${r.lastName}`, branch: r.branch ?? null }));
  }

  async names(m: Tx, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await this.register.people(m, [...new Set(ids)]);
    return new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  }

  /** Those of these ids that are not (and never were) members. */
  async unknown(m: Tx, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const people = await this.register.people(m, [...new Set(ids)]);
    const known = new Set(people.filter((p) => NAMEABLE.includes(p.status)).map((p) => p.id));
    return [...new Set(ids)].filter((id) => !known.has(id));
  }

  async status(m: Tx, id: string): Promise<string | null> {
    const [p] = await this.register.people(m, [id]);
    return p?.status ?? null;
  }

  /** Names for notices, contact for introductions (S10). */
  async entries(m: Tx, ids: readonly string[]): Promise<Map<string, MemberEntry>> {
    const memberIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const out = new Map<string, MemberEntry>();
    if (memberIds.length === 0) return out;
    for (const p of await this.register.people(m, memberIds)) out.set(p.id, { id: p.id, firstName: p.firstName, lastName: p.lastName, email: p.email, status: p.status });
    return out;
  }

  async fullName(m: Tx, id: string): Promise<string | null> {
    const e = (await this.entries(m, [id])).get(id);
    return e ? `${e.firstName} ${e.lastName}`.trim() : null;
  }

  /** Terms an outcome notice may never contain: names (full, first, last) of these people. */
  async namesOf(m: Tx, ids: readonly string[]): Promise<string[]> {
    const terms = new Set<string>();
    for (const e of (await this.entries(m, ids)).values()) {
      const full = `${e.firstName} ${e.lastName}`.trim();
      if (full) terms.add(full);
      if (e.lastName?.trim().length >= 3) terms.add(e.lastName.trim());
      if (e.firstName?.trim().length >= 3) terms.add(e.firstName.trim());
    }
    return [...terms];
  }
}
