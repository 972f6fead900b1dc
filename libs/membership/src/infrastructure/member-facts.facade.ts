import { Injectable } from '@nestjs/common';
import { maybeOne, query, type Tx } from '@org/platform';

/** A person on the register, as another context may know them: names, address for e-mail, status. */
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

/** A stay in a branch: `[from, to)` as calendar dates, `to` null while it lasts. */
export interface BranchStay {
  readonly memberId: string;
  readonly branchId: string;
  readonly from: string;
  readonly to: string | null;
}

/** What identifies a person beyond the e-mail (names, date of birth, phone, postal address). */
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
 * The register's published reads for other contexts (bound by the composition): by member id, or
 * a name search that finds a person rather than lists the register. Each runs inside the
 * caller's transaction, on this context's own tables.
 */
@Injectable()
export class MemberFactsFacade {
  async people(m: Tx, ids: readonly string[]): Promise<RegisterPerson[]> {
    if (ids.length === 0) return [];
    const rows = await query<{ id: string; first_name: string; last_name: string; email: string | null; status: string }>(m, `SELECT id, first_name, last_name, email, status FROM membership.members WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      status: r.status,
    }));
  }

  /**
   * Members with one of these statuses whose first or last name starts with each word
   * (case-insensitive), ordered by last name, first name, id; at most `limit` (1–50).
   */
  async searchByName(m: Tx, words: readonly string[], statuses: readonly string[], limit: number): Promise<NamedMember[]> {
    if (words.length === 0) return [];
    const conditions = words.map((_, i) => `(lower(m.first_name) LIKE $${i + 2} OR lower(m.last_name) LIKE $${i + 2})`).join(' AND ');
    const rows = await query<{ id: string; first_name: string; last_name: string; branch: string | null }>(
      m,
      `SELECT m.id, m.first_name, m.last_name, b.name AS branch FROM membership.members m LEFT JOIN membership.branches b ON b.id = m.branch_id
        WHERE m.status = ANY($1::text[]) AND ${conditions}
        ORDER BY lower(m.last_name), lower(m.first_name), m.id LIMIT ${Math.max(1, Math.min(50, Math.floor(limit)))}`,
      [[...statuses], ...words.map((w) => `${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)],
    );
    return rows.map((r) => ({
      memberId: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      branch: r.branch ?? null,
    }));
  }

  /** Branch stays of these members that end after `since` (or are still running); all of them without `since`. */
  async branchStays(m: Tx, memberIds: readonly string[], since: string | null = null): Promise<BranchStay[]> {
    if (memberIds.length === 0) return [];
    const rows = await query<{ member_id: string; branch_id: string; from_date: unknown; to_date: unknown }>(
      m,
      `SELECT member_id, branch_id, from_date, to_date FROM membership.branch_periods
        WHERE member_id = ANY($1::uuid[]) AND ($2::date IS NULL OR to_date IS NULL OR to_date > $2::date)`,
      [[...new Set(memberIds)], since],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      branchId: r.branch_id,
      from: dateOf(r.from_date),
      to: r.to_date === null ? null : dateOf(r.to_date),
    }));
  }

  /** Names, e-mail, phone, postal address and date of birth of one member, as the register holds them now. */
  async personalDetails(m: Tx, memberId: string): Promise<PersonalDetails | null> {
    const p = await maybeOne<{ first_name: string; last_name: string; email: string | null; phone: string | null; address: string | null; dob: string | null }>(
      m,
      `SELECT first_name, last_name, email, phone, address, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM membership.members WHERE id = $1`,
      [memberId],
    );
    return p ? { firstName: p.first_name, lastName: p.last_name, email: p.email, phone: p.phone, address: p.address, dateOfBirth: p.dob } : null;
  }

  /** The first `limit` active members by member number, leaving out `except`. */
  async activeMembers(m: Tx, o: { except: readonly string[]; afterNumber?: string | null; limit: number }): Promise<{ id: string; memberNumber: string }[]> {
    const rows = await query<{ id: string; member_number: string | number }>(
      m,
      `SELECT id, member_number FROM membership.members
        WHERE status = 'active' AND NOT (id = ANY($1::uuid[])) AND ($2::bigint IS NULL OR member_number > $2::bigint)
        ORDER BY member_number LIMIT $3`,
      [[...o.except], o.afterNumber ?? null, o.limit],
    );
    return rows.map((r) => ({ id: r.id, memberNumber: String(r.member_number) }));
  }
}

const dateOf = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));
