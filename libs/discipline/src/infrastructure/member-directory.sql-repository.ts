import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsOf } from './sealed-snapshots';
import { MemberDirectoryRepository, type DirectoryEntry, type MemberEntry } from '../application/ports/member-directory.repository';
export type { DirectoryEntry };

/** Statuses of people who can be named as respondents or witnesses (current and former members). */
const NAMEABLE = ['active', 'lapsed', 'suspended', 'expelled', 'resigned'];

/**
 * The minimal directory a complainant picks people from (S1: name and branch only — no contact
 * data), and the few facts about members the context needs (is this a member; what is their
 * status). Read from the register through the discipline connection.
 */
@Injectable()
export class MemberDirectorySqlRepository implements MemberDirectoryRepository {
  /** Members whose first or last name starts with each word (a person looked for, not a list). */
  async search(m: EntityManager, words: readonly string[], limit: number): Promise<DirectoryEntry[]> {
    if (words.length === 0) return [];
    const conditions = words.map((_, i) => `(lower(m.first_name) LIKE $${i + 2} OR lower(m.last_name) LIKE $${i + 2})`).join(' AND ');
    const rows = await m.query(
      `SELECT m.id, m.first_name, m.last_name, b.name AS branch FROM membership.members m LEFT JOIN membership.branches b ON b.id = m.branch_id
        WHERE m.status = ANY($1::text[]) AND ${conditions}
        ORDER BY lower(m.last_name), lower(m.first_name), m.id LIMIT ${Math.max(1, Math.min(50, limit))}`,
      [NAMEABLE, ...words.map((w) => `${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)],
    );
    return rows.map((r: any) => ({ memberId: r.id, name: `${r.first_name} ${r.last_name}`, branch: r.branch ?? null }));
  }

  async names(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await m.query(`SELECT id, first_name, last_name FROM membership.members WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r: any) => [r.id, `${r.first_name} ${r.last_name}`]));
  }

  /** Those of these ids that are not (and never were) members. */
  async unknown(m: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await m.query(`SELECT id FROM membership.members WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[])`, [[...new Set(ids)], NAMEABLE]);
    const known = new Set(rows.map((r: any) => r.id));
    return [...new Set(ids)].filter((id) => !known.has(id));
  }

  async status(m: EntityManager, id: string): Promise<string | null> {
    const rows = await m.query(`SELECT status FROM membership.members WHERE id = $1`, [id]);
    return rows[0]?.status ?? null;
  }

  /** Names for notices, contact for introductions (S10). */
  async entries(m: EntityManager, ids: readonly string[]): Promise<Map<string, MemberEntry>> {
    const memberIds = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const out = new Map<string, MemberEntry>();
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
