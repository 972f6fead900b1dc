import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SeatChangesRepository, type StoredMinimum, type VacancyRecord } from '../application/ports/seat-changes.repository';
import { iso } from './sql-rows';

/** Late withdrawals and vacancies in plain SQL. */
@Injectable()
export class SeatChangesSqlRepository extends SeatChangesRepository {
  /** False when the withdrawal was already recorded (a retry). */
  async recordWithdrawal(m: EntityManager, x: { candidateId: string; electionId: string; at: Date; by: string }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO elections.withdrawals_after_opening (candidate_id, election_id, withdrawn_at, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (candidate_id) DO NOTHING RETURNING candidate_id`,
      [x.candidateId, x.electionId, x.at, x.by],
    );
    return rows.length > 0;
  }

  async insertVacancy(m: EntityManager, v: VacancyRecord): Promise<void> {
    await m.query(
      `INSERT INTO elections.vacancies (id, election_id, vacating_candidate_id, reason, rule, filled_by_candidate_id, mandate_id, recount, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [v.id, v.electionId, v.vacatingCandidateId, v.reason, v.rule, v.filledByCandidateId, v.mandateId, v.recount === null ? null : JSON.stringify(v.recount), v.recordedAt, v.recordedBy],
    );
  }

  async vacancies(m: EntityManager, electionId: string): Promise<VacancyRecord[]> {
    const rows = await m.query(`SELECT * FROM elections.vacancies WHERE election_id = $1 ORDER BY recorded_at, id`, [electionId]);
    return rows.map((r: any) => ({
      id: r.id,
      electionId: r.election_id,
      vacatingCandidateId: r.vacating_candidate_id,
      reason: r.reason,
      rule: r.rule,
      filledByCandidateId: r.filled_by_candidate_id,
      mandateId: r.mandate_id,
      recount: typeof r.recount === 'string' ? JSON.parse(r.recount) : r.recount,
      recordedAt: iso(r.recorded_at) as string,
      recordedBy: r.recorded_by,
    }));
  }

  async replaceMinimums(m: EntityManager, electionId: string, groups: readonly StoredMinimum[]): Promise<void> {
    await m.query(`DELETE FROM elections.representation_minimums WHERE election_id = $1`, [electionId]);
    for (const g of groups) {
      await m.query(`INSERT INTO elections.representation_minimums (election_id, group_name, candidate_ids, minimum) VALUES ($1, $2, $3::jsonb, $4)`, [electionId, g.group, JSON.stringify(g.candidateIds), g.minimum]);
    }
  }

  async minimums(m: EntityManager, electionId: string): Promise<StoredMinimum[]> {
    const rows = await m.query(`SELECT group_name, candidate_ids, minimum FROM elections.representation_minimums WHERE election_id = $1 ORDER BY group_name`, [electionId]);
    return rows.map((r: any) => ({ group: r.group_name, candidateIds: typeof r.candidate_ids === 'string' ? JSON.parse(r.candidate_ids) : r.candidate_ids, minimum: Number(r.minimum) }));
  }
}
