import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsOf } from './sealed-snapshots';

export interface DirectoryEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly status: string;
}

/** What part 2 reads of the register: names for notices, contact for introductions (S10). */
@Injectable()
export class MemberDirectorySql {
  async entries(m: EntityManager, ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
    const memberIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const out = new Map<string, DirectoryEntry>();
    if (memberIds.length === 0) return out;
    const rows = await m.query(`SELECT id, first_name, last_name, email, status FROM membership.members WHERE id = ANY($1::uuid[])`, [memberIds]);
    for (const r of rowsOf(rows)) out.set(r.id, { id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, status: r.status });
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
