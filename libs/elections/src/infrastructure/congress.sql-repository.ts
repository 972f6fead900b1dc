import { Injectable } from '@nestjs/common';
import { maybeOne, one, query, type Tx } from '@org/platform';
import type { CongressSnapshot } from '../domain';
import { CongressRepository, type DelegateRow } from '../application/ports/congress.repository';
import { iso } from './sql-rows';

/** A row of `elections.congresses`. */
interface CongressRow {
  id: string;
  title: string;
  roll_id: string;
  apportionment_id: string;
  delegate_seats: number;
  quorum: number;
  opens_on: string;
  created_by: string | null;
  created_at: Date;
}

/** A row of `elections.delegates`. */
interface DelegateTableRow {
  congress_id: string;
  member_id: string;
  branch_id: string;
  election_id: string;
  credential_hash: string | null;
  accredited_at: Date | null;
  accredited_by: string | null;
}

const toDelegate = (r: DelegateTableRow): DelegateRow => ({
  memberId: r.member_id,
  branchId: r.branch_id,
  electionId: r.election_id,
  hasCredential: r.credential_hash !== null,
  accreditedAt: iso(r.accredited_at),
});

/** Congresses, their allocations and delegates, in plain SQL. */
@Injectable()
export class CongressSqlRepository extends CongressRepository {
  async insert(m: Tx, c: CongressSnapshot): Promise<void> {
    await m.query(
      `INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, c.title, c.rollId, c.apportionmentId, c.delegateSeats, c.quorum, c.opensOn, c.createdBy, c.createdAt],
    );
    await m.query(
      `INSERT INTO elections.congress_allocations (congress_id, branch_id, seats) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::int[])`,
      [c.id, c.allocations.map((a) => a.branchId), c.allocations.map((a) => a.seats)],
    );
  }

  async load(m: Tx, id: string, forUpdate = false): Promise<CongressSnapshot | null> {
    const r = await maybeOne<CongressRow>(m, `SELECT * FROM elections.congresses WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!r) return null;
    const allocations = await query<{ branch_id: string; seats: number }>(m, `SELECT branch_id, seats FROM elections.congress_allocations WHERE congress_id = $1 ORDER BY branch_id`, [id]);
    return {
      id: r.id,
      title: r.title,
      rollId: r.roll_id,
      apportionmentId: r.apportionment_id,
      delegateSeats: Number(r.delegate_seats),
      quorum: Number(r.quorum),
      opensOn: r.opens_on,
      allocations: allocations.map((a) => ({ branchId: a.branch_id, seats: Number(a.seats) })),
      createdBy: r.created_by,
      createdAt: iso(r.created_at) as string,
    };
  }

  async delegates(m: Tx, congressId: string): Promise<DelegateRow[]> {
    return (await query<DelegateTableRow>(m, `SELECT * FROM elections.delegates WHERE congress_id = $1 ORDER BY branch_id, member_id`, [congressId])).map(toDelegate);
  }

  async delegate(m: Tx, congressId: string, memberId: string): Promise<DelegateRow | null> {
    const r = await maybeOne<DelegateTableRow>(m, `SELECT * FROM elections.delegates WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId]);
    return r ? toDelegate(r) : null;
  }

  async addDelegate(m: Tx, d: { congressId: string; memberId: string; branchId: string; electionId: string }): Promise<void> {
    await m.query(`INSERT INTO elections.delegates (congress_id, member_id, branch_id, election_id) VALUES ($1, $2, $3, $4)`, [d.congressId, d.memberId, d.branchId, d.electionId]);
  }

  async setCredential(m: Tx, congressId: string, memberId: string, credentialHash: string): Promise<void> {
    await m.query(`UPDATE elections.delegates SET credential_hash = $3 WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId, credentialHash]);
  }

  async delegateByCredential(m: Tx, congressId: string, credentialHash: string): Promise<DelegateRow | null> {
    const r = await maybeOne<DelegateTableRow>(m, `SELECT * FROM elections.delegates WHERE congress_id = $1 AND credential_hash = $2 FOR UPDATE`, [congressId, credentialHash]);
    return r ? toDelegate(r) : null;
  }

  async accredit(m: Tx, congressId: string, memberId: string, at: Date, by: string | null): Promise<void> {
    await m.query(`UPDATE elections.delegates SET accredited_at = $3, accredited_by = $4 WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId, at, by]);
  }

  async accreditedCount(m: Tx, congressId: string): Promise<number> {
    const r = await one<{ n: number }>(m, `SELECT count(*)::int AS n FROM elections.delegates WHERE congress_id = $1 AND accredited_at IS NOT NULL`, [congressId]);
    return Number(r.n);
  }

  async copyAccreditedToElectorate(m: Tx, congressId: string, electionId: string): Promise<number> {
    const r = await one<{ n: number }>(
      m,
      `WITH ins AS (
         INSERT INTO elections.electors (election_id, member_id, branch_id)
         SELECT $2::uuid, member_id, branch_id FROM elections.delegates WHERE congress_id = $1::uuid AND accredited_at IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [congressId, electionId],
    );
    return Number(r.n);
  }
}
