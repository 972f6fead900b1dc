import { Injectable } from '@nestjs/common';
import { Clock, query, type Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { isDomainError } from '@org/kernel';
import type { Member, Moment } from '../domain';
import { MembershipAudit } from '../application/membership-audit';
import { MemberAccounts } from '../application/ports/member-accounts.port';
import type { LoadedMember } from '../application/ports/member.repository';
import { MemberSqlRepository } from './member.sql-repository';

/** A member as other contexts see the register: no contact details beyond what matching needs. */
export interface RegisteredMember {
  id: string;
  memberNumber: string;
  branchId: string | null;
  status: 'applicant' | 'active' | 'lapsed' | 'suspended' | 'expelled' | 'resigned' | 'declined';
}

/** A member as a treasurer looks them up. */
export interface RegisteredPerson extends RegisteredMember {
  firstName: string;
  lastName: string;
}

export interface RegisteredContact {
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface RegisteredStatusChange {
  from: RegisteredMember['status'] | null;
  to: RegisteredMember['status'];
  on: string;
}

/** Finds members by number or e-mail for matching bank references. */
export interface RegisterDirectory {
  memberIdByNumber(memberNumber: string): string | undefined;
  memberIdByEmail(email: string): string | undefined;
}

/**
 * The register's published API for other contexts (the dues context binds its
 * `MembershipRegisterPort` to this class in the app's composition root). Every method runs in
 * the caller's transaction. Lapsing and reinstating go through the member aggregate's own rules.
 * Constructed with global providers only, so the composition root can bind it anywhere.
 */
@Injectable()
export class MembershipRegisterFacade {
  private readonly members = new MemberSqlRepository();
  private readonly audit: MembershipAudit;

  constructor(
    auditLog: AuditLog,
    clock: Clock,
    private readonly accounts: MemberAccounts,
  ) {
    this.audit = new MembershipAudit(auditLog, clock);
  }

  async member(m: Tx, memberId: string): Promise<RegisteredMember | null> {
    const rows = await query<RegisteredRow>(m, `SELECT id, register_number, branch_id, status FROM membership.members WHERE id = $1`, [memberId]);
    return rows[0] ? toRegistered(rows[0]) : null;
  }

  /**
   * Members of these branches (all when null) whose member number is `text` (any case) or whose
   * name contains it, in name order (the register's sort key), at most `limit`. Names only: contact
   * details come from `contactDetails`, for callers who may see them.
   */
  async lookup(m: Tx, text: string, branchIds: readonly string[] | null, limit: number): Promise<RegisteredPerson[]> {
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await query<PersonRow>(
      m,
      `SELECT id, register_number, branch_id, status, first_name, last_name FROM membership.members
        WHERE ($3::uuid[] IS NULL OR branch_id = ANY($3::uuid[]))
          AND (upper(register_number) = upper($1) OR lower(first_name || ' ' || last_name || ' ' || first_name) LIKE $2)
        ORDER BY sort_key, id LIMIT $4`,
      [text, like, branchIds, limit],
    );
    return rows.map(toPerson);
  }

  async person(m: Tx, memberId: string): Promise<RegisteredPerson | null> {
    const rows = await query<PersonRow>(m, `SELECT id, register_number, branch_id, status, first_name, last_name FROM membership.members WHERE id = $1`, [memberId]);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async contactDetails(m: Tx, memberIds: readonly string[]): Promise<Map<string, RegisteredContact>> {
    if (memberIds.length === 0) return new Map();
    const rows = await query<{ id: string; email: string | null; phone: string | null; address: string | null }>(
      m,
      `SELECT id, email, phone, address FROM membership.members WHERE id = ANY($1::uuid[])`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, phone: r.phone, address: r.address }]));
  }

  /** Members in id order after `after`, optionally of some branches only. */
  async page(m: Tx, after: string | null, limit: number, branchIds: readonly string[] | null): Promise<RegisteredMember[]> {
    const rows = await query<RegisteredRow>(
      m,
      `SELECT id, register_number, branch_id, status FROM membership.members
        WHERE ($1::uuid IS NULL OR id > $1::uuid) AND ($3::uuid[] IS NULL OR branch_id = ANY($3::uuid[]))
        ORDER BY id LIMIT $2`,
      [after, limit, branchIds],
    );
    return rows.map(toRegistered);
  }

  async statusHistories(m: Tx, memberIds: readonly string[]): Promise<Map<string, RegisteredStatusChange[]>> {
    const out = new Map<string, RegisteredStatusChange[]>();
    if (memberIds.length === 0) return out;
    let lo = memberIds[0];
    let hi = memberIds[0];
    for (const id of memberIds) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    // The id range lets PostgreSQL walk the (member_id, …) index; `= ANY` keeps exactly these members.
    const rows = await query<{ member_id: string; h: string }>(
      m,
      `SELECT member_id, string_agg(coalesce(from_status, '') || ':' || to_status || ':' || effective_on::text, ',' ORDER BY effective_on, id) AS h
         FROM membership.status_history WHERE member_id BETWEEN $2 AND $3 AND member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [memberIds, lo.toLowerCase(), hi.toLowerCase()],
    );
    for (const r of rows) {
      out.set(
        r.member_id,
        r.h.split(',').map((x) => {
          const [from, to, on] = x.split(':');
          return { from: (from || null) as RegisteredStatusChange['from'], to: to as RegisteredStatusChange['to'], on };
        }),
      );
    }
    return out;
  }

  /** Current members of these branches (all when null), by member number (upper case) and e-mail (lower case). */
  async directory(m: Tx, branchIds: readonly string[] | null): Promise<RegisterDirectory> {
    const rows = await query<{ id: string; n: string; e: string | null }>(
      m,
      `SELECT id, upper(register_number) AS n, lower(email) AS e FROM membership.members
        WHERE status IN ('applicant', 'active', 'lapsed', 'suspended') AND ($1::uuid[] IS NULL OR branch_id = ANY($1::uuid[]) OR application_branch_id = ANY($1::uuid[]))`,
      [branchIds],
    );
    const byNumber = new Map<string, string>();
    const byEmail = new Map<string, string>();
    for (const r of rows) {
      byNumber.set(r.n, r.id);
      if (r.e) byEmail.set(r.e, r.id);
    }
    return { memberIdByNumber: (n) => byNumber.get(n.toUpperCase()), memberIdByEmail: (e) => byEmail.get(e.toLowerCase()) };
  }

  /**
   * The standing job's outcome: active members out of good standing lapse, lapsed members back in
   * good standing are reinstated, each through the aggregate (`member.lapse()`/`reinstate()`).
   * A member whose record refuses the change (a newer status change, inconsistent history) is
   * skipped and reported, never forced.
   */
  async applyStanding(
    m: Tx,
    decisions: { lapse: readonly string[]; reinstate: readonly string[] },
    moment: Moment,
  ): Promise<{ lapsed: string[]; reinstated: string[]; skipped: string[] }> {
    const lapsed: string[] = [];
    const reinstated: string[] = [];
    const skipped: string[] = [];
    const ids = [...decisions.lapse, ...decisions.reinstate];
    const lapseSet = new Set(decisions.lapse);
    const chunk = 2000;
    for (let i = 0; i < ids.length; i += chunk) {
      const slice = ids.slice(i, i + chunk);
      const { loaded, invalid } = await this.members.loadMany(m, slice);
      skipped.push(...invalid);
      const changes: Array<{ before: LoadedMember; after: Member }> = [];
      for (const id of slice) {
        const before = loaded.get(id);
        if (!before) continue;
        try {
          const { member } = lapseSet.has(id)
            ? before.member.lapse({ actor: { kind: 'standing-job' }, moment })
            : before.member.reinstate({ actor: { kind: 'standing-job' }, moment });
          changes.push({ before, after: member });
          (lapseSet.has(id) ? lapsed : reinstated).push(id);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          skipped.push(id);
        }
      }
      await this.members.saveStatusChanges(m, changes);
    }
    // A lapsed member's sessions end with the lapse, in this transaction.
    await this.accounts.membersLeft(m, lapsed, 'lapsed');
    if (lapsed.length + reinstated.length > 0) {
      await this.audit.record(m, {
        actorId: null,
        actorKind: 'system',
        action: 'members.standing-applied',
        subjectType: 'member',
        subjectId: null,
        data: { on: moment.on, lapsed: lapsed.length, reinstated: reinstated.length, skipped: skipped.length, lapsedIds: lapsed.slice(0, 5000), reinstatedIds: reinstated.slice(0, 5000) },
      });
    }
    return { lapsed, reinstated, skipped };
  }
}

interface RegisteredRow {
  id: string;
  register_number: string;
  branch_id: string | null;
  status: RegisteredMember['status'];
}
interface PersonRow extends RegisteredRow {
  first_name: string;
  last_name: string;
}

const toRegistered = (r: RegisteredRow): RegisteredMember => ({ id: r.id, memberNumber: r.register_number, branchId: r.branch_id, status: r.status });
const toPerson = (r: PersonRow): RegisteredPerson => ({ ...toRegistered(r), firstName: r.first_name, lastName: r.last_name });
