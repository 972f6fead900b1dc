import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
 * status). Read from the register through the discipline connection.
 */
@Injectable()
export class MemberDirectoryRepository {
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
}
