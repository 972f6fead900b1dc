import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { Finding, type FindingSnapshot } from '../../domain/finding/finding.entity';
import { query } from '@org/platform';
import { SealedSnapshots, type SealedRecordRow } from '../sealed-snapshots';
import { FindingRepository } from '../../application/ports/finding.repository';

const field = (findingId: string) => `finding:${findingId}`;

/** Findings: a sealed snapshot (votes, reasons, sanctions) and the plain columns jobs need. */
/** What the transparency report reads of a finding: statuses and dates, no content. */
interface FindingFactsRow {
  case_id: string;
  status: string;
  decided_at: Date | null;
  final_at: Date | null;
  final_sanction: string | null;
  remand_of: string | null;
}

@Injectable()
export class FindingSqlRepository implements FindingRepository {
  constructor(private readonly sealed: SealedSnapshots) {}

  async insert(m: Tx, f: Finding): Promise<void> {
    const s = f.toSnapshot();
    await m.query(
      `INSERT INTO discipline.findings (id, case_id, respondent_id, status, remand_of, upheld, decided_at, appeal_deadline, final_at, final_sanction, sealed, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [s.findingId, s.caseId, s.respondentId, s.status, s.remandOf, s.decision?.upheld ?? null, s.decision?.decidedAt ?? null, s.appealDeadline, s.finalAt,
        s.finalSanction?.kind ?? null, await this.sealed.seal(m, s.caseId, field(s.findingId), s), s.openedAt],
    );
  }

  async update(m: Tx, f: Finding): Promise<void> {
    const s = f.toSnapshot();
    await m.query(
      `UPDATE discipline.findings SET status = $2, upheld = $3, decided_at = $4, appeal_deadline = $5, final_at = $6, final_sanction = $7, sealed = $8, version = version + 1
        WHERE id = $1`,
      [s.findingId, s.status, s.decision?.upheld ?? null, s.decision?.decidedAt ?? null, s.appealDeadline, s.finalAt, s.finalSanction?.kind ?? null,
        await this.sealed.seal(m, s.caseId, field(s.findingId), s)],
    );
  }

  async ofCase(m: Tx, caseId: string): Promise<Finding[]> {
    const rows = await query<SealedRecordRow>(m, `SELECT id, case_id, sealed FROM discipline.findings WHERE case_id = $1 ORDER BY opened_at, id`, [caseId]);
    const out: Finding[] = [];
    for (const r of rows) out.push(Finding.fromSnapshot(await this.sealed.open<FindingSnapshot>(m, r.case_id, field(r.id), r.sealed)));
    return out;
  }

  /** Notified findings whose appeal window has ended by `now` (the finality job). */
  async dueForFinality(m: Tx, now: Date, limit: number): Promise<{ findingId: string; caseId: string }[]> {
    const rows = await query<{ id: string; case_id: string }>(
      m,
      `SELECT id, case_id FROM discipline.findings WHERE status = 'notified' AND appeal_deadline <= $1 ORDER BY appeal_deadline, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ findingId: r.id, caseId: r.case_id }));
  }

  /** Final expulsions of a member (for readmission), oldest first. */
  async finalExpulsionsOf(m: Tx, memberId: string): Promise<{ findingId: string; caseId: string; finalAt: string }[]> {
    const rows = await query<{ id: string; case_id: string; final_at: Date }>(
      m,
      `SELECT id, case_id, final_at FROM discipline.findings WHERE respondent_id = $1 AND status = 'final' AND final_sanction = 'expulsion' ORDER BY final_at`,
      [memberId],
    );
    return rows.map((r) => ({ findingId: r.id, caseId: r.case_id, finalAt: new Date(r.final_at).toISOString() }));
  }

  /** Plain facts of every finding, for the transparency report (no content). */
  async reportFacts(m: Tx): Promise<{ caseId: string; status: string; decidedAt: string | null; finalAt: string | null; finalSanction: string | null; remandOf: string | null }[]> {
    const rows = await query<FindingFactsRow>(m, `SELECT case_id, status, decided_at, final_at, final_sanction, remand_of FROM discipline.findings ORDER BY opened_at`);
    return rows.map((r) => ({
      caseId: r.case_id,
      status: r.status,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      finalAt: r.final_at ? new Date(r.final_at).toISOString() : null,
      finalSanction: r.final_sanction,
      remandOf: r.remand_of,
    }));
  }
}
