import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CongressSnapshot } from '../domain';
import { CongressRepository, type DelegateRow } from '../application/ports/congress.repository';
import { iso } from './sql-rows';

const toDelegate = (r: any): DelegateRow => ({
  memberId: r.member_id,
  branchId: r.branch_id,
  electionId: r.election_id,
  hasCredential: r.credential_hash !== null,
  accreditedAt: iso(r.accredited_at),
});

/** Congresses, their allocations and delegates, in plain SQL. */
@Injectable()
export class CongressSqlRepository extends CongressRepository {
  async insert(m: EntityManager, c: CongressSnapshot): Promise<void> {
    await m.query(
      `INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, c.title, c.rollId, c.apportionmentId, c.delegateSeats, c.quorum, c.opensOn, c.createdBy, c.createdAt],
    );
    await m.query(
      `INSERT INTO elections.congress_allocations (congress_id, branch_id, seats) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::int[])`,
      [c.id, c.allocations.map((a) => a.branchId), c.allocations.map((a) => a.seats)],
    );
  }

  async load(m: EntityManager, id: string, forUpdate = false): Promise<CongressSnapshot | null> {
    const rows = await m.query(`SELECT * FROM elections.congresses WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    const r = rows[0];
    if (!r) return null;
    const allocations = await m.query(`SELECT branch_id, seats FROM elections.congress_allocations WHERE congress_id = $1 ORDER BY branch_id`, [id]);
    return {
      id: r.id,
      title: r.title,
      rollId: r.roll_id,
      apportionmentId: r.apportionment_id,
      delegateSeats: Number(r.delegate_seats),
      quorum: Number(r.quorum),
      opensOn: r.opens_on,
      allocations: allocations.map((a: any) => ({ branchId: a.branch_id, seats: Number(a.seats) })),
      createdBy: r.created_by,
      createdAt: iso(r.created_at) as string,
    };
  }

  async delegates(m: EntityManager, congressId: string): Promise<DelegateRow[]> {
    return (await m.query(`SELECT * FROM elections.delegates WHERE congress_id = $1 ORDER BY branch_id, member_id`, [congressId])).map(toDelegate);
  }

  async delegate(m: EntityManager, congressId: string, memberId: string): Promise<DelegateRow | null> {
    const rows = await m.query(`SELECT * FROM elections.delegates WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId]);
    return rows[0] ? toDelegate(rows[0]) : null;
  }

  async addDelegate(m: EntityManager, d: { congressId: string; memberId: string; branchId: string; electionId: string }): Promise<void> {
    await m.query(`INSERT INTO elections.delegates (congress_id, member_id, branch_id, election_id) VALUES ($1, $2, $3, $4)`, [d.congressId, d.memberId, d.branchId, d.electionId]);
  }

  async setCredential(m: EntityManager, congressId: string, memberId: string, credentialHash: string): Promise<void> {
    await m.query(`UPDATE elections.delegates SET credential_hash = $3 WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId, credentialHash]);
  }

  async delegateByCredential(m: EntityManager, congressId: string, credentialHash: string): Promise<DelegateRow | null> {
    const rows = await m.query(`SELECT * FROM elections.delegates WHERE congress_id = $1 AND credential_hash = $2 FOR UPDATE`, [congressId, credentialHash]);
    return rows[0] ? toDelegate(rows[0]) : null;
  }

  async accredit(m: EntityManager, congressId: string, memberId: string, at: Date, by: string | null): Promise<void> {
    await m.query(`UPDATE elections.delegates SET accredited_at = $3, accredited_by = $4 WHERE congress_id = $1 AND member_id = $2`, [congressId, memberId, at, by]);
  }

  async accreditedCount(m: EntityManager, congressId: string): Promise<number> {
    const [r] = await m.query(`SELECT count(*)::int AS n FROM elections.delegates WHERE congress_id = $1 AND accredited_at IS NOT NULL`, [congressId]);
    return Number(r.n);
  }

  async copyAccreditedToElectorate(m: EntityManager, congressId: string, electionId: string): Promise<number> {
    const [r] = await m.query(
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
