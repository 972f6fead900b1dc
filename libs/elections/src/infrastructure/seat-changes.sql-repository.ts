import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { SeatChangesRepository, type StoredMinimum, type VacancyReason, type VacancyRecord } from '../application/ports/seat-changes.repository';
import { iso, json } from './sql-rows';

/** A row of `elections.vacancies`. */
interface VacancyRow {
  id: string;
  election_id: string;
  vacating_candidate_id: string;
  reason: VacancyReason;
  rule: VacancyRecord['rule'];
  filled_by_candidate_id: string | null;
  mandate_id: string | null;
  recount: unknown;
  recorded_at: Date;
  recorded_by: string;
}

/** A row of `elections.representation_minimums`. */
interface MinimumRow {
  group_name: string;
  candidate_ids: string[] | string;
  minimum: number;
}

/** Late withdrawals and vacancies in plain SQL. */
@Injectable()
export class SeatChangesSqlRepository extends SeatChangesRepository {
  /** False when the withdrawal was already recorded (a retry). */
  async recordWithdrawal(m: Tx, x: { candidateId: string; electionId: string; at: Date; by: string }): Promise<boolean> {
    const rows = await query<{ candidate_id: string }>(
      m,
      `INSERT INTO elections.withdrawals_after_opening (candidate_id, election_id, withdrawn_at, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (candidate_id) DO NOTHING RETURNING candidate_id`,
      [x.candidateId, x.electionId, x.at, x.by],
    );
    return rows.length > 0;
  }

  async insertVacancy(m: Tx, v: VacancyRecord): Promise<void> {
    await m.query(
      `INSERT INTO elections.vacancies (id, election_id, vacating_candidate_id, reason, rule, filled_by_candidate_id, mandate_id, recount, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [v.id, v.electionId, v.vacatingCandidateId, v.reason, v.rule, v.filledByCandidateId, v.mandateId, v.recount === null ? null : JSON.stringify(v.recount), v.recordedAt, v.recordedBy],
    );
  }

  async vacancies(m: Tx, electionId: string): Promise<VacancyRecord[]> {
    const rows = await query<VacancyRow>(m, `SELECT * FROM elections.vacancies WHERE election_id = $1 ORDER BY recorded_at, id`, [electionId]);
    return rows.map((r) => ({
      id: r.id,
      electionId: r.election_id,
      vacatingCandidateId: r.vacating_candidate_id,
      reason: r.reason,
      rule: r.rule,
      filledByCandidateId: r.filled_by_candidate_id,
      mandateId: r.mandate_id,
      recount: json<unknown>(r.recount),
      recordedAt: iso(r.recorded_at) as string,
      recordedBy: r.recorded_by,
    }));
  }

  async replaceMinimums(m: Tx, electionId: string, groups: readonly StoredMinimum[]): Promise<void> {
    await m.query(`DELETE FROM elections.representation_minimums WHERE election_id = $1`, [electionId]);
    for (const g of groups) {
      await m.query(`INSERT INTO elections.representation_minimums (election_id, group_name, candidate_ids, minimum) VALUES ($1, $2, $3::jsonb, $4)`, [electionId, g.group, JSON.stringify(g.candidateIds), g.minimum]);
    }
  }

  async minimums(m: Tx, electionId: string): Promise<StoredMinimum[]> {
    const rows = await query<MinimumRow>(m, `SELECT group_name, candidate_ids, minimum FROM elections.representation_minimums WHERE election_id = $1 ORDER BY group_name`, [electionId]);
    return rows.map((r) => ({ group: r.group_name, candidateIds: json<string[]>(r.candidate_ids), minimum: Number(r.minimum) }));
  }
}
