import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type {
  AdHocAppointmentSnapshot,
  CaseSnapshot,
  InterimMeasure,
  PanelDrawRecord,
  RecusalOutcome,
} from '../../domain';
import { parseJson } from './case.sql-repository';
import { CaseRecordsRepository, type InterimProposalRow } from '../../application/ports/case-records.repository';
import { maybeOne, query } from '@org/platform';
export type { InterimProposalRow };

/**
 * The case's records kept beside the snapshot, append-only where they are evidence: every
 * recusal computed (with the reasons for each conflict — ids and dates, no content), every
 * panel draw (seed and sorted eligible lists, so anyone entitled can re-run it), escalations,
 * interim decisions; and the small tables of the process (duty rotation, declarations,
 * ad-hoc appointments, interim proposals).
 */
/** `discipline.interim_proposals` as stored. */
interface InterimProposalDbRow {
  id: string;
  case_id: string;
  proposed_by: string;
  proposed_at: Date;
  outcome: InterimProposalRow['outcome'];
  /** jsonb */
  measures: InterimProposalRow['measures'] | string;
  reasons_ref: string;
  concurrences: string[];
}

@Injectable()
export class CaseRecordsSqlRepository implements CaseRecordsRepository {
  async insertRecusal(m: Tx, outcome: RecusalOutcome, trigger: string): Promise<void> {
    const eligible = outcome.assessments.filter((a) => a.eligible).length;
    await m.query(
      `INSERT INTO discipline.recusal_records (id, case_id, computed_at, intake_date, look_back_years, trigger, considered, assessments, eligible_count, conflicted_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [randomUUID(), outcome.caseId, outcome.computedAt, outcome.intakeDate, outcome.lookBackYears, trigger, JSON.stringify(outcome.considered),
        JSON.stringify(outcome.assessments), eligible, outcome.assessments.length - eligible],
    );
  }

  async recusalHistory(m: Tx, caseId: string): Promise<{ computedAt: string; trigger: string; eligible: number; conflicted: number }[]> {
    const rows = await query<{ computed_at: Date; trigger: string; eligible_count: number; conflicted_count: number }>(
      m,
      `SELECT computed_at, trigger, eligible_count, conflicted_count FROM discipline.recusal_records WHERE case_id = $1 ORDER BY computed_at, id`,
      [caseId],
    );
    return rows.map((r) => ({ computedAt: new Date(r.computed_at).toISOString(), trigger: r.trigger, eligible: r.eligible_count, conflicted: r.conflicted_count }));
  }

  async insertDraw(m: Tx, d: PanelDrawRecord, at: Date): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO discipline.panel_draws (id, case_id, kind, seed, seats_to_fill, recusal_computed_at, pool_commissioners, pool_alternates, kept_seats, excluded, vacated, drawn, shortfall, outcome, drawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[], $11, $12, $13, $14, $15)`,
      [id, d.caseId, d.kind, d.seed, d.seatsToFill, d.recusalComputedAt, d.pool.commissioners, d.pool.alternates, d.keptSeats, d.excluded, d.vacated,
        JSON.stringify(d.drawn), d.shortfall, d.outcome, at],
    );
    return id;
  }

  /** Escalations and interim decisions as their own rows (for the transparency report and the job). */
  async syncDecisionsAndEscalations(m: Tx, s: CaseSnapshot): Promise<void> {
    for (const e of s.escalations) {
      await m.query(
        `INSERT INTO discipline.escalations (id, case_id, deadline, due_at, escalated_at, recipients) VALUES ($1, $2, $3, $4, $5, $6::uuid[])
         ON CONFLICT (case_id, deadline, due_at) DO NOTHING`,
        [randomUUID(), s.id, e.deadline, e.dueAt, e.escalatedAt, e.recipients],
      );
    }
    for (const d of s.interimDecisions) {
      await m.query(
        `INSERT INTO discipline.interim_decisions (id, case_id, decided_at, decided_by, outcome, measures, reasons_ref, ended_at)
         VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET ended_at = EXCLUDED.ended_at, measures = EXCLUDED.measures`,
        [d.id, s.id, d.decidedAt, d.decidedBy, d.outcome, JSON.stringify(d.measures), d.reasons, d.endedAt],
      );
    }
  }

  // ── duty rotation ─────────────────────────────────────────────────────────────────────────

  /** The rotation's last index, locked until the transaction ends (one assignment at a time). */
  async lastDutyIndex(m: Tx): Promise<number | null> {
    const row = await maybeOne<{ last_index: number | null }>(m, `SELECT last_index FROM discipline.duty_rotation WHERE id = 1 FOR UPDATE`);
    return row?.last_index ?? null;
  }

  async setLastDutyIndex(m: Tx, index: number, at: Date): Promise<void> {
    await m.query(`UPDATE discipline.duty_rotation SET last_index = $1, updated_at = $2 WHERE id = 1`, [index, at]);
  }

  // ── declarations (S3) ─────────────────────────────────────────────────────────────────────

  async declareRelationship(m: Tx, memberId: string, otherMemberId: string, at: Date): Promise<boolean> {
    const rows = await query<{ id: string }>(
      m,
      `INSERT INTO discipline.declared_relationships (id, member_id, other_member_id, declared_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id, other_member_id) DO NOTHING RETURNING id`,
      [randomUUID(), memberId, otherMemberId, at],
    );
    return rows.length > 0;
  }

  // ── ad-hoc panels ─────────────────────────────────────────────────────────────────────────

  async adHocAppointment(m: Tx, caseId: string): Promise<AdHocAppointmentSnapshot | null> {
    const row = await maybeOne<{ snapshot: AdHocAppointmentSnapshot | string }>(m, `SELECT snapshot FROM discipline.ad_hoc_appointments WHERE case_id = $1 AND completed_at IS NULL`, [caseId]);
    return row ? parseJson<AdHocAppointmentSnapshot>(row.snapshot) : null;
  }

  async saveAdHocAppointment(m: Tx, s: AdHocAppointmentSnapshot): Promise<void> {
    await m.query(
      `INSERT INTO discipline.ad_hoc_appointments (case_id, snapshot, opened_at, completed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET snapshot = EXCLUDED.snapshot, opened_at = EXCLUDED.opened_at, completed_at = EXCLUDED.completed_at`,
      [s.caseId, JSON.stringify(s), s.openedAt, s.completedAt],
    );
  }

  // ── interim proposals (a panel decides by majority) ───────────────────────────────────────

  async openInterimProposal(m: Tx, caseId: string, proposalId: string): Promise<InterimProposalRow | null> {
    const r = await maybeOne<InterimProposalDbRow>(
      m,
      `SELECT id, case_id, proposed_by, proposed_at, outcome, measures, reasons_ref, concurrences FROM discipline.interim_proposals WHERE case_id = $1 AND id = $2 AND closed_at IS NULL FOR UPDATE`,
      [caseId, proposalId],
    );
    return r
      ? {
          id: r.id,
          caseId: r.case_id,
          proposedBy: r.proposed_by,
          proposedAt: new Date(r.proposed_at).toISOString(),
          outcome: r.outcome,
          measures: parseJson<InterimProposalRow['measures']>(r.measures),
          reasonsRef: r.reasons_ref,
          concurrences: r.concurrences,
        }
      : null;
  }

  async insertInterimProposal(m: Tx, p: InterimProposalRow): Promise<void> {
    await m.query(
      `INSERT INTO discipline.interim_proposals (id, case_id, proposed_by, proposed_at, outcome, measures, reasons_ref, concurrences)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[])`,
      [p.id, p.caseId, p.proposedBy, p.proposedAt, p.outcome, JSON.stringify(p.measures), p.reasonsRef, p.concurrences],
    );
  }

  async updateInterimProposal(m: Tx, id: string, concurrences: string[], decisionId: string | null, at: Date | null): Promise<void> {
    await m.query(`UPDATE discipline.interim_proposals SET concurrences = $2::uuid[], decision_id = $3, closed_at = $4 WHERE id = $1`, [id, concurrences, decisionId, at]);
  }

  /** A new interim decision supersedes every open proposal of the case. */
  async closeInterimProposals(m: Tx, caseId: string, at: Date): Promise<void> {
    await m.query(`UPDATE discipline.interim_proposals SET closed_at = $2 WHERE case_id = $1 AND closed_at IS NULL`, [caseId, at]);
  }
}
