import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { query } from '@org/platform';
import {
  ACTIVE_STAGES,
  Case,
  CLOSED_STAGES,
  deadlinesFor,
  isSerious,
  normalizeCaseReference,
  respondentInformed,
  type CaseSnapshot,
  type DeadlinePolicy,
  type PersonRef,
} from '../../domain';
import { CaseRepository, type CaseRow } from '../../application/ports/case.repository';
export type { CaseRow };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A reference no case can have (the lookup still runs, so every path costs the same). */
const NO_REFERENCE = 'CC-0000-NONE-NONE';

/** Stages in which a case is still open (from intake until a finding is final). */
export const OPEN_STAGES = [...ACTIVE_STAGES, 'finding'] as const;
/** Stages after which a complainant or witness no longer needs the protected transfer right. */
const PROTECTION_ENDS = [...CLOSED_STAGES, 'published'];

/** A case's stored snapshot (jsonb: parsed by the driver; a string on one that does not parse it). */
interface CaseSnapshotRow {
  snapshot: CaseSnapshot | string;
}

interface ParticipantRow {
  role: string;
  member_id: string | null;
  description_ref: string | null;
}

/**
 * `discipline.cases` and `discipline.participants`. The aggregate is stored as its plain
 * snapshot (stages, dates, member ids and `sealed:<id>` references — never content), with the
 * columns the queries need (stage, handlers, deadlines) kept beside it on every save.
 */
@Injectable()
export class CaseSqlRepository implements CaseRepository {
  /**
   * One lookup by a reference someone typed, or by the internal id; anything else looks up a
   * reference that cannot exist — the same single query either way (S1: no timing tell).
   */
  async findByKey(m: Tx, key: string, forUpdate = false): Promise<CaseRow | null> {
    const raw = typeof key === 'string' ? key.trim() : '';
    const byId = UUID_RE.test(raw);
    const reference = byId ? NO_REFERENCE : normalizeCaseReference(raw) ?? NO_REFERENCE;
    const rows = await query<CaseSnapshotRow & { version: number }>(
      m,
      `SELECT snapshot, version FROM discipline.cases WHERE ${byId ? 'id = $1::uuid' : 'reference = $1'}${forUpdate ? ' FOR UPDATE' : ''}`,
      [byId ? raw.toLowerCase() : reference],
    );
    return rows[0] ? { snapshot: parseJson<CaseSnapshot>(rows[0].snapshot), version: rows[0].version } : null;
  }

  async load(m: Tx, caseId: string, forUpdate = false): Promise<Case | null> {
    if (!UUID_RE.test(caseId)) return null;
    const rows = await query<CaseSnapshotRow>(m, `SELECT snapshot FROM discipline.cases WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [caseId]);
    return rows[0] ? Case.fromSnapshot(parseJson<CaseSnapshot>(rows[0].snapshot)) : null;
  }

  async referenceExists(m: Tx, reference: string): Promise<boolean> {
    const rows = await query<{ taken: number }>(m, `SELECT 1 AS taken FROM discipline.cases WHERE reference = $1`, [reference]);
    return rows.length > 0;
  }

  async insert(m: Tx, c: Case, policy: DeadlinePolicy, at: Date): Promise<void> {
    const s = c.toSnapshot();
    await m.query(
      `INSERT INTO discipline.cases (id, reference, stage, path, serious, serious_violence, serious_sexual_misconduct, serious_threats,
         received_at, clock_started_at, snapshot, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12)`,
      [s.id, s.reference, s.stage, s.path, isSerious(s.seriousness), s.seriousness.violence, s.seriousness.sexualMisconduct, s.seriousness.threats, s.receivedAt, s.clockStartedAt, JSON.stringify(s), at],
    );
    await this.update(m, c, policy, at);
  }

  /** Writes the snapshot and everything derived from it (columns, participants). */
  async update(m: Tx, c: Case, policy: DeadlinePolicy, at: Date): Promise<void> {
    const s = c.toSnapshot();
    const due = new Map(deadlinesFor(s, policy).filter((d) => d.metAt === null).map((d) => [d.kind, d.dueAt]));
    const complainant = s.complainant;
    await m.query(
      `UPDATE discipline.cases SET stage = $2, path = $3, serious = $4, serious_violence = $5, serious_sexual_misconduct = $6, serious_threats = $7,
          clock_started_at = $8, triaged_at = $9, panel_seated_at = $10, finding_at = $11, closed_at = $12,
          triage_due_at = $13, panel_due_at = $14, finding_due_at = $15, interim_due_at = $16,
          duty_commissioner_id = $17, panel_member_ids = $18::uuid[], conflicted_ids = $19::uuid[], respondents_informed = $20,
          ad_hoc_seats_requested = $21, complainant_member_id = $22, complainant_email = $23,
          snapshot = $24, version = version + 1, updated_at = $25
        WHERE id = $1`,
      [
        s.id, s.stage, s.path, isSerious(s.seriousness), s.seriousness.violence, s.seriousness.sexualMisconduct, s.seriousness.threats,
        s.clockStartedAt, s.triagedAt, s.panelSeatedAt, s.findingAt, s.closedAt,
        due.get('triage') ?? null, due.get('panel_seated') ?? null, due.get('finding') ?? null, due.get('interim_measures') ?? null,
        s.dutyCommissionerId, s.panel.seats.map((x) => x.memberId), s.recusal?.conflicted ?? [], respondentInformed(s),
        s.panel.adHocSeatsRequested, complainant.kind === 'non_member' ? null : complainant.memberId,
        complainant.kind === 'non_member' ? complainant.email : null,
        JSON.stringify(s), at,
      ],
    );
    await this.syncParticipants(m, s, at);
  }

  private async syncParticipants(m: Tx, s: CaseSnapshot, at: Date): Promise<void> {
    const rows: { role: string; memberId: string | null; description: string | null }[] = [];
    const c = s.complainant;
    rows.push({ role: 'complainant', memberId: c.kind === 'non_member' ? null : c.memberId, description: null });
    const add = (role: string) => (p: PersonRef) =>
      rows.push({ role, memberId: p.kind === 'member' ? p.memberId : null, description: p.kind === 'non_member' ? p.description : null });
    s.respondents.forEach(add('respondent'));
    s.witnesses.forEach(add('witness'));
    if (s.supportPerson) add('support_person')(s.supportPerson);
    const existing = await query<ParticipantRow>(m, `SELECT role, member_id, description_ref FROM discipline.participants WHERE case_id = $1 ORDER BY id`, [s.id]);
    const key = (r: { role: string; memberId: string | null; description: string | null }) => `${r.role}|${r.memberId ?? ''}|${r.description ?? ''}`;
    const have = new Set(existing.map((r) => key({ role: r.role, memberId: r.member_id, description: r.description_ref })));
    const missing = rows.filter((r) => !have.has(key(r)));
    if (missing.length === 0 && existing.length === rows.length) return;
    await m.query(`DELETE FROM discipline.participants WHERE case_id = $1`, [s.id]);
    await m.query(
      `INSERT INTO discipline.participants (case_id, role, member_id, description_ref, added_at)
       SELECT $1, r, mid, d, $5 FROM unnest($2::text[], $3::uuid[], $4::text[]) AS t(r, mid, d)`,
      [s.id, rows.map((r) => r.role), rows.map((r) => r.memberId), rows.map((r) => r.description), at],
    );
  }

  /** Cases a commissioner handles now: seated on the panel, or on duty (before a panel). */
  async handledBy(m: Tx, memberId: string): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(
      m,
      `SELECT snapshot FROM discipline.cases
        WHERE (duty_commissioner_id = $1 OR panel_member_ids @> ARRAY[$1]::uuid[]) AND NOT (conflicted_ids @> ARRAY[$1]::uuid[])
        ORDER BY received_at DESC`,
      [memberId],
    );
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  /**
   * Cases still being handled that have escalated a missed deadline (S6) and in which the member
   * is not recorded as conflicted, newest first. Candidates only: `caseAccess` decides whether
   * the member is cleared for the case (`commission_oversight`), so a conflicted commissioner
   * never gets one (S3).
   */
  async escalatedCandidates(m: Tx, memberId: string): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(
      m,
      `SELECT c.snapshot FROM discipline.cases c
        WHERE c.stage = ANY($2::text[]) AND NOT (c.conflicted_ids @> ARRAY[$1]::uuid[])
          AND EXISTS (SELECT 1 FROM discipline.escalations e WHERE e.case_id = c.id)
        ORDER BY c.received_at DESC`,
      [memberId, [...ACTIVE_STAGES]],
    );
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  /** Cases in which a member is named (complainant, respondent, witness), newest first. */
  async namingMember(m: Tx, memberId: string): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(
      m,
      `SELECT c.snapshot FROM discipline.cases c
        WHERE c.id IN (SELECT case_id FROM discipline.participants WHERE member_id = $1 AND role IN ('complainant', 'respondent', 'witness'))
        ORDER BY c.received_at DESC`,
      [memberId],
    );
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  async filedByEmail(m: Tx, email: string): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(m, `SELECT snapshot FROM discipline.cases WHERE complainant_email = $1 ORDER BY received_at DESC`, [email.trim().toLowerCase()]);
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  /** Cases waiting for the Appeals Committee to appoint ad-hoc panelists. */
  async awaitingAdHocPanel(m: Tx): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(m, `SELECT snapshot FROM discipline.cases WHERE ad_hoc_seats_requested > 0 ORDER BY received_at`);
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  /** Ids of the cases still open (for the deadlines job), oldest first. */
  async openCaseIds(m: Tx): Promise<string[]> {
    const rows = await query<{ id: string }>(m, `SELECT id FROM discipline.cases WHERE stage = ANY($1::text[]) ORDER BY received_at`, [[...OPEN_STAGES]]);
    return rows.map((r) => r.id);
  }

  async tryHoldForDeadlines(m: Tx, caseId: string): Promise<boolean> {
    const [lock] = await query<{ ok: boolean }>(m, `SELECT pg_try_advisory_xact_lock(hashtext('discipline:deadlines:' || $1)) AS ok`, [caseId]);
    return lock?.ok === true;
  }

  async page(m: Tx, afterId: string | null, limit: number): Promise<CaseSnapshot[]> {
    const rows = await query<CaseSnapshotRow>(
      m,
      `SELECT snapshot FROM discipline.cases WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, Math.max(1, Math.min(1000, limit))],
    );
    return rows.map((r) => parseJson<CaseSnapshot>(r.snapshot));
  }

  /**
   * S13: who may transfer branch without reasons — complainants of cases not yet over, and
   * witnesses of those cases once they have been told of them. Rewrites the projection for
   * these members only.
   */
  async refreshProtectedTransfers(m: Tx, memberIds: readonly string[]): Promise<void> {
    const ids = [...new Set(memberIds)];
    if (ids.length === 0) return;
    await m.query(`DELETE FROM restrictions.protected_transfer WHERE member_id = ANY($1::uuid[])`, [ids]);
    await m.query(
      `INSERT INTO restrictions.protected_transfer (member_id, until)
       SELECT DISTINCT p.member_id, NULL::timestamptz FROM discipline.participants p JOIN discipline.cases c ON c.id = p.case_id
        WHERE p.member_id = ANY($1::uuid[]) AND NOT (c.stage = ANY($2::text[]))
          AND (p.role = 'complainant' OR (p.role = 'witness' AND c.respondents_informed))`,
      [ids, PROTECTION_ENDS],
    );
  }
}

export const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
