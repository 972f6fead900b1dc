import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts prove inclusion, not content (E3): the receipt codes leave the ballot rows for a table
 * of their own, `elections.receipts (election_id, receipt_code)`, with nothing that joins a code to
 * a ballot (no ballot id, no order the list is published in other than the codes' own). A voter
 * can check that their receipt is in the list, and can no longer show anyone which ballot was theirs.
 *
 * The ballot-list hash committed at a close covers the ballots and the receipt list apart
 * (`commons-ballot-list-v2`). An election closed under the old format and not yet certified could
 * not be certified after this change, so the migration refuses to run while one exists: certify
 * (or publish) it first. Elections already certified keep their recorded hash; their published
 * ballots no longer carry receipts.
 */
export class ReceiptsApartFromBallots1733500100000 implements MigrationInterface {
  name = 'ReceiptsApartFromBallots1733500100000';

  async up(q: QueryRunner): Promise<void> {
    const [closed] = await q.query(`SELECT count(*)::int AS n FROM elections.elections WHERE status = 'closed'`);
    if (Number(closed.n) > 0) {
      throw new Error(
        `${closed.n} election(s) are closed but not certified: their ballot-list hash was committed in the previous format. Certify them, then run the migrations again.`,
      );
    }
    await q.query(`
      CREATE TABLE elections.receipts (
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        receipt_code text NOT NULL,
        PRIMARY KEY (election_id, receipt_code)
      )`);
    // Copied in code order, not in the ballots' physical order.
    await q.query(`INSERT INTO elections.receipts (election_id, receipt_code) SELECT election_id, receipt_code FROM elections.ballots ORDER BY election_id, receipt_code`);
    await q.query(`ALTER TABLE elections.ballots DROP COLUMN receipt_code`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The link between a receipt and its ballot is gone for good; ballots moved back get a fresh random code.
    await q.query(`ALTER TABLE elections.ballots ADD COLUMN receipt_code text`);
    await q.query(`UPDATE elections.ballots SET receipt_code = replace(gen_random_uuid()::text, '-', '')`);
    await q.query(`ALTER TABLE elections.ballots ALTER COLUMN receipt_code SET NOT NULL, ADD CONSTRAINT ballots_election_id_receipt_code_key UNIQUE (election_id, receipt_code)`);
    await q.query(`DROP TABLE elections.receipts`);
  }
}
