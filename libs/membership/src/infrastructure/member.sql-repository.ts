import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { isDomainError } from '@org/kernel';
import type { Member, StatusHistoryEntry } from '../domain';
import { MemberRepository, type LoadedMember } from '../application/ports/member.repository';
import { actorColumn, storedSortKey, toMember, type BranchPeriodRow, type MemberRow, type StatusHistoryRow } from './member-row.mapper';

const MEMBER_COLUMNS = `id, register_number, first_name, last_name, email, phone, address, status, email_consent, email_consent_at, application_branch_id`;

/** SQL over membership.members, status_history and branch_periods (see README: why no ORM entities). */
@Injectable()
export class MemberSqlRepository extends MemberRepository {
  async load(m: Tx, id: string): Promise<LoadedMember | null> {
    const { loaded, invalid } = await this.loadMany(m, [id]);
    if (invalid.length > 0) {
      // Re-run the single load to surface the aggregate's own error message.
      const rows = await this.rows(m, [id]);
      toMember(rows.members[0], rows.history.get(id) ?? [], rows.periods.get(id) ?? []);
    }
    return loaded.get(id) ?? null;
  }

  async loadMany(m: Tx, ids: readonly string[]): Promise<{ loaded: Map<string, LoadedMember>; invalid: string[] }> {
    const loaded = new Map<string, LoadedMember>();
    const invalid: string[] = [];
    if (ids.length === 0) return { loaded, invalid };
    const rows = await this.rows(m, ids);
    for (const r of rows.members) {
      const periods = rows.periods.get(r.id) ?? [];
      try {
        loaded.set(r.id, { member: toMember(r, rows.history.get(r.id) ?? [], periods), periodIds: periods.map((p) => p.id) });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        invalid.push(r.id);
      }
    }
    return { loaded, invalid };
  }

  private async rows(m: Tx, ids: readonly string[]) {
    const members = await query<MemberRow>(m, `SELECT ${MEMBER_COLUMNS} FROM membership.members WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const history = await query<StatusHistoryRow>(
      m,
      `SELECT member_id, from_status, to_status, effective_on, changed_at, changed_by, source, reason, ref
         FROM membership.status_history WHERE member_id = ANY($1::uuid[]) ORDER BY member_id, effective_on, id`,
      [ids],
    );
    const periods = await query<BranchPeriodRow>(
      m,
      `SELECT id::text AS id, member_id, branch_id, from_date, to_date FROM membership.branch_periods WHERE member_id = ANY($1::uuid[]) ORDER BY member_id, from_date, id`,
      [ids],
    );
    return { members, history: groupBy(history, (h) => h.member_id), periods: groupBy(periods, (p) => p.member_id) };
  }

  async insert(m: Tx, member: Member): Promise<void> {
    await this.insertMany(m, [member], null);
  }

  async insertMany(m: Tx, members: readonly Member[], importBatchId: string | null, datesOfBirth?: ReadonlyMap<string, string>): Promise<void> {
    const chunk = 5000;
    for (let i = 0; i < members.length; i += chunk) await this.insertChunk(m, members.slice(i, i + chunk), importBatchId, datesOfBirth);
  }

  private async insertChunk(m: Tx, members: readonly Member[], importBatchId: string | null, datesOfBirth?: ReadonlyMap<string, string>): Promise<void> {
    const s = members.map((x) => x.toSnapshot());
    const appliedOn = s.map((x) => x.statusHistory[0].on);
    const joinedOn = s.map((x) => x.statusHistory.find((e) => e.to === 'active')?.on ?? null);
    await m.query(
      `INSERT INTO membership.members (id, register_number, first_name, last_name, email, phone, address, status, email_consent, email_consent_at,
                                       applied_on, joined_on, branch_id, application_branch_id, sort_key, import_batch_id, date_of_birth)
       SELECT id, nullif(rn, ''), fn, ln, em, ph, ad, st, coalesce(ec, false), eca, ao, jo, br, ab, sk, $16::uuid, dob
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::timestamptz[],
                     $11::date[], $12::date[], $13::uuid[], $14::uuid[], $15::text[], $17::date[]) AS t(id, rn, fn, ln, em, ph, ad, st, ec, eca, ao, jo, br, ab, sk, dob)`,
      [
        s.map((x) => x.id),
        s.map((x) => x.memberNumber ?? ''),
        s.map((x) => x.firstName),
        s.map((x) => x.lastName),
        s.map((x) => x.email),
        s.map((x) => x.phone),
        s.map((x) => x.address),
        s.map((x) => x.status),
        s.map((x) => x.emailConsent?.given ?? null),
        s.map((x) => x.emailConsent?.at ?? null),
        appliedOn,
        joinedOn,
        members.map((x) => x.currentBranchId),
        s.map((x) => x.applicationBranchId),
        s.map((x) => storedSortKey(x.firstName, x.lastName)),
        importBatchId,
        s.map((x) => datesOfBirth?.get(x.id) ?? null),
      ],
    );
    await this.insertHistory(
      m,
      s.flatMap((x) => x.statusHistory.map((e) => ({ memberId: x.id, e }))),
    );
    const periods = s.flatMap((x) => x.branchHistory.map((p) => ({ memberId: x.id, p })));
    if (periods.length > 0) {
      await m.query(
        `INSERT INTO membership.branch_periods (member_id, branch_id, from_date, to_date)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[])`,
        [periods.map((x) => x.memberId), periods.map((x) => x.p.branchId), periods.map((x) => x.p.from), periods.map((x) => x.p.to)],
      );
    }
  }

  private async insertHistory(m: Tx, entries: Array<{ memberId: string; e: StatusHistoryEntry }>): Promise<void> {
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, changed_by, reason, source, ref)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::date[], $6::uuid[], $7::text[], $8::text[], $9::text[])`,
      [
        entries.map((x) => x.memberId),
        entries.map((x) => x.e.from),
        entries.map((x) => x.e.to),
        entries.map((x) => x.e.at),
        entries.map((x) => x.e.on),
        entries.map((x) => actorColumn(x.e.by)),
        entries.map((x) => x.e.reason),
        entries.map((x) => x.e.source),
        entries.map((x) => x.e.ref),
      ],
    );
  }

  async save(m: Tx, before: LoadedMember, after: Member): Promise<void> {
    const s = after.toSnapshot();
    const firstActive = s.statusHistory.find((e) => e.to === 'active')?.on ?? null;
    await m.query(
      `UPDATE membership.members
          SET first_name = $2, last_name = $3, email = $4, phone = $5, address = $6, status = $7,
              email_consent = coalesce($8, email_consent), email_consent_at = $9, branch_id = $10, application_branch_id = $11,
              joined_on = coalesce(joined_on, $12::date), sort_key = $13, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [s.id, s.firstName, s.lastName, s.email, s.phone, s.address, s.status, s.emailConsent?.given ?? null, s.emailConsent?.at ?? null, after.currentBranchId, s.applicationBranchId, firstActive, storedSortKey(s.firstName, s.lastName)],
    );
    const known = before.member.statusHistory.length;
    await this.insertHistory(m, s.statusHistory.slice(known).map((e) => ({ memberId: s.id, e })));
    await this.savePeriods(m, s.id, before, after);
  }

  async saveStatusChanges(m: Tx, changes: ReadonlyArray<{ before: LoadedMember; after: Member }>): Promise<void> {
    if (changes.length === 0) return;
    await m.query(
      `UPDATE membership.members AS mb SET status = t.st, updated_at = now(), version = mb.version + 1
         FROM unnest($1::uuid[], $2::text[]) AS t(id, st) WHERE mb.id = t.id`,
      [changes.map((c) => c.after.id), changes.map((c) => c.after.status)],
    );
    await this.insertHistory(
      m,
      changes.flatMap((c) => c.after.statusHistory.slice(c.before.member.statusHistory.length).map((e) => ({ memberId: c.after.id, e }))),
    );
  }

  /** Periods are compared position by position: unchanged ones stay, changed ones are updated, the rest deleted or added. */
  private async savePeriods(m: Tx, memberId: string, before: LoadedMember, after: Member): Promise<void> {
    const old = before.member.branchHistory.periods;
    const next = after.branchHistory.periods;
    const inserts: typeof next[number][] = [];
    // Close or change first, so the "one open period" index never sees two open ones.
    for (let i = 0; i < Math.max(old.length, next.length); i++) {
      const a = old[i];
      const b = next[i];
      if (a && b) {
        if (a.branchId !== b.branchId || a.from !== b.from || a.to !== b.to) {
          await m.query(`UPDATE membership.branch_periods SET branch_id = $2, from_date = $3, to_date = $4 WHERE id = $1`, [before.periodIds[i], b.branchId, b.from, b.to]);
        }
      } else if (a) {
        await m.query(`DELETE FROM membership.branch_periods WHERE id = $1`, [before.periodIds[i]]);
      } else if (b) inserts.push(b);
    }
    for (const p of inserts) {
      await m.query(`INSERT INTO membership.branch_periods (member_id, branch_id, from_date, to_date) VALUES ($1, $2, $3, $4)`, [memberId, p.branchId, p.from, p.to]);
    }
  }

  async emailInUse(m: Tx, email: string, exceptMemberId?: string): Promise<boolean> {
    const rows = await query<{ found: number }>(
      m,
      `SELECT 1 AS found FROM membership.members WHERE lower(email) = lower($1) AND status NOT IN ('declined', 'resigned', 'expelled') AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1`,
      [email, exceptMemberId ?? null],
    );
    return rows.length > 0;
  }

  async formerMemberIds(m: Tx, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await query<{ id: string }>(
      m,
      `SELECT id FROM membership.members WHERE id = ANY($1::uuid[]) AND status IN ('declined', 'resigned', 'expelled')`,
      [[...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  async deleteExpiredPendingApplications(m: Tx, now: Date): Promise<number> {
    const rows = await query<{ id: string }>(m, `DELETE FROM membership.pending_applications WHERE expires_at <= $1 RETURNING id`, [now]);
    return rows.length;
  }

  async emailsInUse(m: Tx, emails: readonly string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await query<{ e: string }>(
      m,
      `SELECT lower(email) AS e FROM membership.members WHERE lower(email) = ANY($1::text[]) AND status NOT IN ('declined', 'resigned', 'expelled')`,
      [emails],
    );
    return new Set(rows.map((r) => r.e));
  }

  async memberNumbersInUse(m: Tx, numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = await query<{ n: string }>(m, `SELECT register_number AS n FROM membership.members WHERE upper(register_number) = ANY($1::text[])`, [numbers.map((n) => n.toUpperCase())]);
    const upper = new Set(rows.map((r) => r.n.toUpperCase()));
    return new Set(numbers.filter((n) => upper.has(n.toUpperCase())));
  }
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}
