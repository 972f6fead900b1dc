import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberRegister } from '../application/ports/member-register.port';

export interface DirectoryEntry {
  readonly memberId: string;
  readonly name: string;
  readonly branch: string | null;
}

/** Statuses of people who can be named as respondents or witnesses (current and former members). */
const NAMEABLE = ['active', 'lapsed', 'suspended', 'expelled', 'resigned'];

/**
 * The minimal directory a complainant picks people from (S1: name and branch only — no contact
 * data), and the few facts about members the context needs (is this a member; what is their
 * status). Asked of the register through the `MemberRegister` port, in the caller's transaction.
 */
@Injectable()
export class MemberDirectoryRepository {
  constructor(private readonly register: MemberRegister) {}

  /** Members whose first or last name starts with each word (a person looked for, not a list). */
  async search(m: EntityManager, words: readonly string[], limit: number): Promise<DirectoryEntry[]> {
    if (words.length === 0) return [];
    const found = await this.register.searchByName(m, words, NAMEABLE, Math.max(1, Math.min(50, limit)));
    return found.map((r) => ({ memberId: r.memberId, name: `${r.firstName} ${r.lastName}`, branch: r.branch ?? null }));
  }

  async names(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await this.register.people(m, [...new Set(ids)]);
    return new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  }

  /** Those of these ids that are not (and never were) members. */
  async unknown(m: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const people = await this.register.people(m, [...new Set(ids)]);
    const known = new Set(people.filter((p) => NAMEABLE.includes(p.status)).map((p) => p.id));
    return [...new Set(ids)].filter((id) => !known.has(id));
  }

  async status(m: EntityManager, id: string): Promise<string | null> {
    const [p] = await this.register.people(m, [id]);
    return p?.status ?? null;
  }
}
