import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MemberRegister } from '../../application/ports/member-register.port';

export interface DirectoryEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly status: string;
}

/**
 * What part 2 reads of the register: names for notices, contact for introductions (S10) — asked
 * of the register through the `MemberRegister` port, in the caller's transaction.
 */
@Injectable()
export class MemberDirectorySql {
  constructor(private readonly register: MemberRegister) {}

  async entries(m: EntityManager, ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
    const memberIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const out = new Map<string, DirectoryEntry>();
    if (memberIds.length === 0) return out;
    for (const p of await this.register.people(m, memberIds)) out.set(p.id, { id: p.id, firstName: p.firstName, lastName: p.lastName, email: p.email, status: p.status });
    return out;
  }

  async fullName(m: EntityManager, id: string): Promise<string | null> {
    const e = (await this.entries(m, [id])).get(id);
    return e ? `${e.firstName} ${e.lastName}`.trim() : null;
  }

  /** Terms an outcome notice may never contain: names (full, first, last) of these people. */
  async namesOf(m: EntityManager, ids: readonly string[]): Promise<string[]> {
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
