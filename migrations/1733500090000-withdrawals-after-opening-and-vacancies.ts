import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Elections that survive real life:
 * - `withdrawals_after_opening`: a candidate who withdraws once voting has opened stays on the
 *   ballot paper (ballots name candidates by their number on it); the count skips them on every
 *   ballot, and the BLT file says so with its withdrawn line.
 * - `vacancies`: a winner who cannot take the seat or leaves it, and how the seat was filled
 *   (countback on the original ballots, or the next-highest candidate), with the recount kept so
 *   anyone can check it.
 */
export class WithdrawalsAfterOpeningAndVacancies1733500090000 implements MigrationInterface {
  name = 'WithdrawalsAfterOpeningAndVacancies1733500090000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE elections.withdrawals_after_opening (
        candidate_id uuid PRIMARY KEY REFERENCES elections.candidates (id),
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        withdrawn_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX withdrawals_after_opening_election_idx ON elections.withdrawals_after_opening (election_id)`);
    await q.query(`
      CREATE TABLE elections.vacancies (
        id uuid PRIMARY KEY,
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        vacating_candidate_id uuid NOT NULL REFERENCES elections.candidates (id),
        reason text NOT NULL CHECK (reason IN ('declined', 'left', 'ineligible')),
        rule text NOT NULL CHECK (rule IN ('countback', 'next-highest')),
        filled_by_candidate_id uuid REFERENCES elections.candidates (id),
        mandate_id uuid,
        recount jsonb,
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL,
        UNIQUE (election_id, vacating_candidate_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE elections.vacancies`);
    await q.query(`DROP TABLE elections.withdrawals_after_opening`);
  }
}
