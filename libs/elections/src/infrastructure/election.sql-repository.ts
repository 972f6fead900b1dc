import { Injectable } from '@nestjs/common';
import { maybeOne, query, type Tx } from '@org/platform';
import { INDEPENDENT_BODIES, type BodyKind } from '@org/identity';
import type { CandidacySnapshot, CandidacyStatus, ElectionSnapshot, SlateEntry } from '../domain';
import { ElectionRepository, type SlateView, type StoredResult } from '../application/ports/election.repository';
import { ELECTION_COLUMNS, iso, json, toCandidacy, toElection, type CandidacyRow, type ElectionRow } from './sql-rows';

interface SlateRow {
  id: string;
  name: string;
  created_by: string;
  created_at: Date;
}

interface SlateEntryRow {
  election_id: string;
  body_id: string | null;
  body_kind: string | null;
}

interface SlateOfElectionRow {
  id: string;
  name: string;
  /** json_agg of candidate ids. */
  candidate_ids: string[] | string;
}

const CANDIDATE_SELECT = `
  SELECT c.id, c.election_id, c.member_id, c.display_name, c.status, c.nominated_by_kind, c.nominating_body_id, c.slate_id,
         c.ballot_number, c.statement, c.created_at,
         COALESCE((SELECT json_agg(n.member_id ORDER BY n.created_at, n.member_id) FROM elections.nominators n WHERE n.candidate_id = c.id), '[]'::json) AS nominators,
         EXISTS (SELECT 1 FROM elections.withdrawals_after_opening w WHERE w.candidate_id = c.id) AS withdrawn_after_opening
    FROM elections.candidates c`;

/** Elections, candidacies and slates in plain SQL (`elections.*`). */
@Injectable()
export class ElectionSqlRepository extends ElectionRepository {
  /** The election's row, locked FOR UPDATE: waits for every cast and nomination in flight (they hold it FOR SHARE). */
  async lockExclusive(m: Tx, electionId: string): Promise<void> {
    await m.query(`SELECT 1 FROM elections.elections WHERE id = $1 FOR UPDATE`, [electionId]);
  }

  async lockShared(m: Tx, electionId: string): Promise<void> {
    await m.query(`SELECT 1 FROM elections.elections WHERE id = $1 FOR SHARE`, [electionId]);
  }

  async isElector(m: Tx, electionId: string, memberId: string): Promise<boolean> {
    const rows = await query<{ member_id: string }>(m, `SELECT member_id FROM elections.electors WHERE election_id = $1 AND member_id = $2`, [electionId, memberId]);
    return rows.length > 0;
  }

  async load(m: Tx, id: string): Promise<ElectionSnapshot | null> {
    const r = await maybeOne<ElectionRow>(m, `SELECT ${ELECTION_COLUMNS} FROM elections.elections e WHERE e.id = $1`, [id]);
    return r ? toElection(r) : null;
  }

  async list(m: Tx): Promise<ElectionSnapshot[]> {
    return (await query<ElectionRow>(m, `SELECT ${ELECTION_COLUMNS} FROM elections.elections e ORDER BY e.created_at DESC, e.id LIMIT 500`)).map(toElection);
  }

  async dueForReminder(m: Tx, now: Date, withinMs: number): Promise<string[]> {
    const rows = await query<{ id: string }>(
      m,
      `SELECT id FROM elections.elections
        WHERE status = 'voting' AND voters_reminded_at IS NULL AND voting_closes_at > $1 AND voting_closes_at <= $1::timestamptz + ($2::bigint * interval '1 millisecond')
        ORDER BY voting_closes_at, id`,
      [now, withinMs],
    );
    return rows.map((r) => String(r.id));
  }

  async markReminded(m: Tx, electionId: string, at: Date): Promise<boolean> {
    const rows = await query<{ id: string }>(m, `UPDATE elections.elections SET voters_reminded_at = $2 WHERE id = $1 AND voters_reminded_at IS NULL RETURNING id`, [electionId, at]);
    return rows.length === 1;
  }

  async ofCongress(m: Tx, congressId: string): Promise<ElectionSnapshot[]> {
    return (await query<ElectionRow>(m, `SELECT ${ELECTION_COLUMNS} FROM elections.elections e WHERE e.congress_id = $1 ORDER BY e.created_at, e.id`, [congressId])).map(toElection);
  }

  async insert(m: Tx, s: ElectionSnapshot): Promise<void> {
    await m.query(
      `INSERT INTO elections.elections (id, title, purpose, scope_kind, branch_id, congress_id, body_id, body_kind, seats, method, motion_text, motion_threshold,
         status, electorate_kind, roll_id, electorate_as_of, electorate_size, term_starts_on, term_ends_on, created_by, created_at, recall_mandate_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        s.id,
        s.title,
        s.purpose,
        s.scope.kind,
        s.scope.kind === 'branch' ? s.scope.branchId : null,
        s.congressId,
        s.bodyId,
        s.bodyKind,
        s.seats,
        s.method,
        s.motionText,
        s.motionThreshold,
        s.status,
        s.electorate.kind,
        s.electorate.kind === 'roll' ? s.electorate.rollId : null,
        s.electorate.kind === 'freeze' ? s.electorate.asOf : null,
        s.electorateSize,
        s.termStartsOn,
        s.termEndsOn,
        s.createdBy,
        s.createdAt,
        s.recallMandateId,
      ],
    );
  }

  async update(m: Tx, s: ElectionSnapshot): Promise<void> {
    await m.query(
      `UPDATE elections.elections SET status = $2, electorate_size = $3, nominations_opened_at = $4, voting_opened_at = $5, voting_closes_at = $6,
         closed_at = $7, certified_at = $8, published_at = $9, acclaimed = $10, tie_break_seed = $11, ballots_hash = $12,
         ballot_order_seed = $13 WHERE id = $1`,
      [s.id, s.status, s.electorateSize, s.nominationsOpenedAt, s.votingOpenedAt, s.votingClosesAt, s.closedAt, s.certifiedAt, s.publishedAt, s.acclaimed, s.tieBreakSeed, s.ballotsHash, s.ballotOrderSeed],
    );
  }

  async candidates(m: Tx, electionId: string): Promise<CandidacySnapshot[]> {
    const rows = await query<CandidacyRow>(m, `${CANDIDATE_SELECT} WHERE c.election_id = $1 ORDER BY c.ballot_number NULLS LAST, c.created_at, c.id`, [electionId]);
    return rows.map(toCandidacy);
  }

  async candidate(m: Tx, candidateId: string, forUpdate = false): Promise<CandidacySnapshot | null> {
    if (forUpdate) await m.query(`SELECT id FROM elections.candidates WHERE id = $1 FOR UPDATE`, [candidateId]);
    const r = await maybeOne<CandidacyRow>(m, `${CANDIDATE_SELECT} WHERE c.id = $1`, [candidateId]);
    return r ? toCandidacy(r) : null;
  }

  async insertCandidate(m: Tx, c: CandidacySnapshot): Promise<void> {
    await m.query(
      `INSERT INTO elections.candidates (id, election_id, member_id, display_name, status, nominated_by_kind, nominating_body_id, slate_id, ballot_number, statement, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c.id, c.electionId, c.memberId, c.displayName, c.status, c.nominatedBy.kind, c.nominatedBy.kind === 'body' ? c.nominatedBy.bodyId : null, c.slateId, c.ballotNumber, c.statement, c.createdAt],
    );
  }

  async setCandidateStatus(m: Tx, candidateId: string, status: CandidacyStatus): Promise<void> {
    await m.query(`UPDATE elections.candidates SET status = $2 WHERE id = $1`, [candidateId, status]);
  }

  async addNominator(m: Tx, candidateId: string, memberId: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO elections.nominators (candidate_id, member_id, created_at) VALUES ($1, $2, $3)`, [candidateId, memberId, at]);
  }

  async assignBallotNumbers(m: Tx, electionId: string, order: readonly string[]): Promise<void> {
    await m.query(`UPDATE elections.candidates SET ballot_number = NULL WHERE election_id = $1`, [electionId]);
    await m.query(
      `UPDATE elections.candidates c SET ballot_number = x.n
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)
        WHERE c.id = x.id AND c.election_id = $1 AND c.status = 'nominated'`,
      [electionId, order],
    );
  }

  async insertSlate(m: Tx, s: SlateView): Promise<void> {
    await m.query(`INSERT INTO elections.slates (id, name, created_by, created_at) VALUES ($1, $2, $3, $4)`, [s.id, s.name, s.createdBy, s.createdAt]);
  }

  async slateForUpdate(m: Tx, slateId: string): Promise<SlateView | null> {
    const r = await maybeOne<SlateRow>(m, `SELECT id, name, created_by, created_at FROM elections.slates WHERE id = $1 FOR UPDATE`, [slateId]);
    return r ? { id: r.id, name: r.name, createdBy: r.created_by, createdAt: iso(r.created_at) as string } : null;
  }

  async slateEntries(m: Tx, slateId: string): Promise<SlateEntry[]> {
    const rows = await query<SlateEntryRow>(
      m,
      `SELECT c.election_id, e.body_id, e.body_kind FROM elections.candidates c JOIN elections.elections e ON e.id = c.election_id
        WHERE c.slate_id = $1 AND c.status <> 'withdrawn'`,
      [slateId],
    );
    return rows.map((r) => ({ electionId: r.election_id, bodyId: r.body_id, independentBody: r.body_kind !== null && INDEPENDENT_BODIES.includes(r.body_kind as BodyKind) }));
  }

  async slatesOf(m: Tx, electionId: string): Promise<{ id: string; name: string; candidateIds: string[] }[]> {
    const rows = await query<SlateOfElectionRow>(
      m,
      `SELECT s.id, s.name, json_agg(c.id ORDER BY c.ballot_number NULLS LAST, c.id) AS candidate_ids
         FROM elections.slates s JOIN elections.candidates c ON c.slate_id = s.id
        WHERE c.election_id = $1 AND c.status <> 'withdrawn'
        GROUP BY s.id, s.name ORDER BY s.name, s.id`,
      [electionId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, candidateIds: json<string[]>(r.candidate_ids) }));
  }

  async saveResult(m: Tx, electionId: string, result: StoredResult): Promise<void> {
    await m.query(`UPDATE elections.elections SET result = $2::jsonb, ballots_counted = $3, participation_count = $4 WHERE id = $1`, [
      electionId,
      JSON.stringify(result),
      result.ballotsCounted,
      result.participation,
    ]);
  }

  async result(m: Tx, electionId: string): Promise<StoredResult | null> {
    const r = (await maybeOne<{ result: StoredResult | string | null }>(m, `SELECT result FROM elections.elections WHERE id = $1`, [electionId]))?.result;
    return r ? json<StoredResult>(r) : null;
  }
}
