import { Injectable } from '@nestjs/common';
import { maybeOne, one, query, type Tx } from '@org/platform';
import { parseBallotContent, type BallotContent, type BranchParticipation, type PublishedBallots } from '../domain';
import { BallotBox, type CastingContext } from '../application/ports/ballot-box.repository';
import { ELECTION_COLUMNS, toElection, type ElectionRow } from './sql-rows';

/** The casting context: the election's row, whether the voter is on its electorate, their status, their participation. */
interface CastingRow extends ElectionRow {
  on_electorate: boolean;
  member_status: string | null;
  voted: string | null;
  idempotency_key_hash: string | null;
  sealed_receipt: string | null;
}

interface ParticipationRow {
  idempotency_key_hash: string | null;
  sealed_receipt: string | null;
}

interface BranchParticipationRow {
  branch_id: string | null;
  branch_name: string | null;
  electors: number;
  voted: number;
}

/**
 * The participation roll and the ballots (E3), in plain SQL. See the migration and the README
 * ("Secrecy") for why the two tables share nothing and why ballots pass through a buffer.
 */
@Injectable()
export class BallotBoxSqlRepository extends BallotBox {
  /**
   * One round trip, and the election's row locked FOR SHARE: closing the poll locks it FOR
   * UPDATE, so a cast either commits before the close reads the ballot list, or waits and then
   * reads the election as closed (READ COMMITTED re-reads a row updated while it waited).
   */
  async castingContext(m: Tx, electionId: string, memberId: string): Promise<CastingContext | null> {
    const r = await maybeOne<CastingRow>(
      m,
      `SELECT ${ELECTION_COLUMNS},
              EXISTS (SELECT 1 FROM elections.electors x WHERE x.election_id = e.id AND x.member_id = $2) AS on_electorate,
              (SELECT mb.status FROM membership.members mb WHERE mb.id = $2) AS member_status,
              p.member_id AS voted, p.idempotency_key_hash, p.sealed_receipt
         FROM elections.elections e
         LEFT JOIN elections.participation p ON p.election_id = e.id AND p.member_id = $2
        WHERE e.id = $1
          FOR SHARE OF e`,
      [electionId, memberId],
    );
    if (!r) return null;
    return {
      election: toElection(r),
      onElectorate: Boolean(r.on_electorate),
      memberStatus: r.member_status ?? null,
      participation: r.voted ? { idempotencyKeyHash: r.idempotency_key_hash, sealedReceipt: r.sealed_receipt } : null,
    };
  }

  async record(
    m: Tx,
    x: { electionId: string; memberId: string; idempotencyKeyHash: string | null; sealedReceipt: string | null; receipt: string; content: BallotContent },
  ): Promise<{ recorded: boolean; buffered: number }> {
    const r = await one<{ recorded: number; buffered: number }>(
      m,
      `WITH voted AS (
         INSERT INTO elections.participation (election_id, member_id, idempotency_key_hash, sealed_receipt) VALUES ($1, $2, $3, $4)
         ON CONFLICT (election_id, member_id) DO NOTHING RETURNING election_id),
       deposited AS (
         INSERT INTO elections.ballot_buffer (election_id, receipt_code, content) SELECT election_id, $5, $6::jsonb FROM voted RETURNING 1)
       SELECT (SELECT count(*) FROM deposited)::int AS recorded,
              (SELECT count(*) FROM elections.ballot_buffer WHERE election_id = $1)::int AS buffered`,
      [x.electionId, x.memberId, x.idempotencyKeyHash, x.sealedReceipt, x.receipt, JSON.stringify(x.content)],
    );
    return { recorded: Number(r.recorded) === 1, buffered: Number(r.buffered) };
  }

  async participation(m: Tx, electionId: string, memberId: string): Promise<CastingContext['participation']> {
    const r = await maybeOne<ParticipationRow>(m, `SELECT idempotency_key_hash, sealed_receipt FROM elections.participation WHERE election_id = $1 AND member_id = $2`, [electionId, memberId]);
    return r ? { idempotencyKeyHash: r.idempotency_key_hash, sealedReceipt: r.sealed_receipt } : null;
  }

  async tryLockMover(m: Tx, electionId: string): Promise<boolean> {
    const r = await one<{ ok: boolean }>(m, `SELECT pg_try_advisory_xact_lock(hashtext('elections-mover:' || $1::text)) AS ok`, [electionId]);
    return Boolean(r.ok);
  }

  /**
   * One statement: the committed buffered ballots are deleted; their contents are inserted into
   * `ballots` in random order, each with a fresh random id and sort key, and their receipt codes
   * into `receipts` in code order — two tables with nothing to join them. All get this
   * transaction's xmin.
   */
  async moveBuffered(m: Tx, electionId: string, minimum: number): Promise<number> {
    const r = await one<{ n: number }>(
      m,
      `WITH ready AS (SELECT count(*) >= $2::int AS ok FROM elections.ballot_buffer WHERE election_id = $1::uuid),
            moved AS (DELETE FROM elections.ballot_buffer WHERE election_id = $1::uuid AND (SELECT ok FROM ready) RETURNING receipt_code, content),
            placed AS (INSERT INTO elections.ballots (election_id, content)
                       SELECT $1::uuid, content FROM moved ORDER BY random() RETURNING 1),
            listed AS (INSERT INTO elections.receipts (election_id, receipt_code)
                       SELECT $1::uuid, receipt_code FROM moved ORDER BY receipt_code RETURNING 1)
       SELECT count(*)::int AS n FROM placed`,
      [electionId, minimum],
    );
    return Number(r.n);
  }

  async publishedList(m: Tx, electionId: string): Promise<PublishedBallots> {
    const ballots = await query<{ content: unknown }>(m, `SELECT content FROM elections.ballots WHERE election_id = $1 ORDER BY sort_key, id`, [electionId]);
    const receipts = await query<{ receipt_code: string }>(m, `SELECT receipt_code FROM elections.receipts WHERE election_id = $1 ORDER BY receipt_code`, [electionId]);
    return { ballots: ballots.map((r) => parseBallotContent(r.content)), receipts: receipts.map((r) => String(r.receipt_code)) };
  }

  async counts(m: Tx, electionId: string): Promise<{ participation: number; ballots: number; buffered: number }> {
    const r = await one<{ participation: number; ballots: number; buffered: number }>(
      m,
      `SELECT (SELECT count(*) FROM elections.participation WHERE election_id = $1)::int AS participation,
              (SELECT count(*) FROM elections.ballots WHERE election_id = $1)::int AS ballots,
              (SELECT count(*) FROM elections.ballot_buffer WHERE election_id = $1)::int AS buffered`,
      [electionId],
    );
    return { participation: Number(r.participation), ballots: Number(r.ballots), buffered: Number(r.buffered) };
  }

  /** Reads the branches' names from membership (read-only), like the register adapter does. */
  async participationByBranch(m: Tx, electionId: string): Promise<BranchParticipation[]> {
    const rows = await query<BranchParticipationRow>(
      m,
      `SELECT x.branch_id, b.name AS branch_name, count(*)::int AS electors, count(p.member_id)::int AS voted
         FROM elections.electors x
         LEFT JOIN elections.participation p ON p.election_id = x.election_id AND p.member_id = x.member_id
         LEFT JOIN membership.branches b ON b.id = x.branch_id
        WHERE x.election_id = $1
        GROUP BY x.branch_id, b.name`,
      [electionId],
    );
    return rows.map((r) => ({ branchId: r.branch_id ?? null, branchName: r.branch_name ?? 'No branch', electors: Number(r.electors), voted: Number(r.voted) }));
  }

  async electors(m: Tx, electionId: string): Promise<string[]> {
    return (await query<{ member_id: string }>(m, `SELECT member_id FROM elections.electors WHERE election_id = $1 ORDER BY member_id`, [electionId])).map((r) => String(r.member_id));
  }

  async electorsYetToVote(m: Tx, electionId: string): Promise<string[]> {
    const rows = await query<{ member_id: string }>(
      m,
      `SELECT x.member_id FROM elections.electors x
        WHERE x.election_id = $1 AND NOT EXISTS (SELECT 1 FROM elections.participation p WHERE p.election_id = x.election_id AND p.member_id = x.member_id)
        ORDER BY x.member_id`,
      [electionId],
    );
    return rows.map((r) => String(r.member_id));
  }

  async hasReceipt(m: Tx, electionId: string, receipt: string): Promise<boolean> {
    return (await query<{ one: number }>(m, `SELECT 1 AS one FROM elections.receipts WHERE election_id = $1 AND receipt_code = $2`, [electionId, receipt])).length > 0;
  }
}
