import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { ReadmissionDecision, type ReadmissionDecisionSnapshot } from '../../domain/readmission/readmission-decision.entity';
import { query } from '@org/platform';
import { SealedSnapshots } from '../sealed-snapshots';
import { ReadmissionRepository } from '../../application/ports/readmission.repository';

const field = (id: string) => `readmission:${id}`;

/** Readmission decisions (S9): sealed under the data key of the case of the expulsion. */
@Injectable()
export class ReadmissionSqlRepository implements ReadmissionRepository {
  constructor(private readonly sealed: SealedSnapshots) {}

  async insert(m: Tx, caseId: string, d: ReadmissionDecision, decidedBy: string): Promise<void> {
    const s = d.toSnapshot();
    await m.query(
      `INSERT INTO discipline.readmission_decisions (id, member_id, expulsion_finding_id, outcome, decided_at, decided_by, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.decisionId, s.memberId, s.expulsionFindingId, s.outcome, s.decidedAt, decidedBy, await this.sealed.seal(m, caseId, field(s.decisionId), s)],
    );
  }

  /** Decisions about a member (sealed parts opened with the data key of each expulsion's case). */
  async ofMember(m: Tx, memberId: string): Promise<{ caseId: string; decision: ReadmissionDecisionSnapshot; decidedBy: string }[]> {
    const rows = await query<{ id: string; sealed: string; decided_by: string; case_id: string }>(
      m,
      `SELECT d.id, d.sealed, d.decided_by, f.case_id FROM discipline.readmission_decisions d JOIN discipline.findings f ON f.id = d.expulsion_finding_id
        WHERE d.member_id = $1 ORDER BY d.decided_at, d.id`,
      [memberId],
    );
    const out: { caseId: string; decision: ReadmissionDecisionSnapshot; decidedBy: string }[] = [];
    for (const r of rows) {
      out.push({ caseId: r.case_id, decidedBy: r.decided_by, decision: await this.sealed.open<ReadmissionDecisionSnapshot>(m, r.case_id, field(r.id), r.sealed) });
    }
    return out;
  }

  /** Plain facts (no sealed parts) for the rejoin rule. */
  async decisionFacts(m: Tx, memberId: string): Promise<ReadmissionDecisionSnapshot[]> {
    const rows = await query<{ id: string; member_id: string; expulsion_finding_id: string; outcome: ReadmissionDecisionSnapshot['outcome']; decided_at: Date }>(
      m,
      `SELECT id, member_id, expulsion_finding_id, outcome, decided_at FROM discipline.readmission_decisions WHERE member_id = $1 ORDER BY decided_at`,
      [memberId],
    );
    return rows.map((r) => ({
      decisionId: r.id,
      memberId: r.member_id,
      expulsionFindingId: r.expulsion_finding_id,
      outcome: r.outcome,
      consultations: [],
      conditionsAssessment: '',
      reasons: '',
      decidedAt: new Date(r.decided_at).toISOString(),
    }));
  }

  async readmissionRequired(m: Tx, memberId: string): Promise<boolean> {
    return (await query<{ required: number }>(m, `SELECT 1 AS required FROM restrictions.readmission_required WHERE member_id = $1`, [memberId])).length > 0;
  }
}
