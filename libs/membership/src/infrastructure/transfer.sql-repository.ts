import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { Transfer, type TransferSnapshot } from '../domain';
import { TransferRepository, type IncomingTransfer } from '../application/ports/transfer.repository';
import { iso } from './member-row.mapper';

const COLUMNS = `id, member_id, from_branch_id, to_branch_id, kind, status, reason, requested_on, requested_at, decided_by, decided_at, effective_on, decline_reason`;

/** A row of membership.transfers (COLUMNS). */
interface TransferRow {
  id: string;
  member_id: string;
  from_branch_id: string;
  to_branch_id: string;
  kind: TransferSnapshot['kind'];
  status: TransferSnapshot['status'];
  reason: string | null;
  requested_on: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  effective_on: string | null;
  decline_reason: string | null;
}

interface IncomingTransferRow {
  id: string;
  member_id: string;
  member_name: string;
  from_branch_id: string;
  to_branch_id: string;
  requested_on: string;
  reason: string | null;
}

const toSnapshot = (r: TransferRow): TransferSnapshot => ({
  id: r.id,
  memberId: r.member_id,
  fromBranchId: r.from_branch_id,
  toBranchId: r.to_branch_id,
  kind: r.kind,
  status: r.status,
  reason: r.reason,
  requestedOn: r.requested_on,
  requestedAt: iso(r.requested_at),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? iso(r.decided_at) : null,
  effectiveOn: r.effective_on,
  declineReason: r.decline_reason,
});

@Injectable()
export class TransferSqlRepository extends TransferRepository {
  async load(m: Tx, id: string): Promise<Transfer | null> {
    const rows = await query<TransferRow>(m, `SELECT ${COLUMNS} FROM membership.transfers WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? Transfer.fromSnapshot(toSnapshot(rows[0])) : null;
  }

  async insert(m: Tx, t: Transfer): Promise<void> {
    const s = t.toSnapshot();
    await m.query(
      `INSERT INTO membership.transfers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [s.id, s.memberId, s.fromBranchId, s.toBranchId, s.kind, s.status, s.reason, s.requestedOn, s.requestedAt, s.decidedBy, s.decidedAt, s.effectiveOn, s.declineReason],
    );
  }

  async save(m: Tx, t: Transfer): Promise<void> {
    const s = t.toSnapshot();
    await m.query(`UPDATE membership.transfers SET status = $2, decided_by = $3, decided_at = $4, effective_on = $5, decline_reason = $6 WHERE id = $1`, [
      s.id,
      s.status,
      s.decidedBy,
      s.decidedAt,
      s.effectiveOn,
      s.declineReason,
    ]);
  }

  async pendingFor(m: Tx, memberId: string): Promise<Transfer | null> {
    const rows = await query<TransferRow>(m, `SELECT ${COLUMNS} FROM membership.transfers WHERE member_id = $1 AND status = 'requested' FOR UPDATE`, [memberId]);
    return rows[0] ? Transfer.fromSnapshot(toSnapshot(rows[0])) : null;
  }

  async ofMember(m: Tx, memberId: string): Promise<TransferSnapshot[]> {
    const rows = await query<TransferRow>(m, `SELECT ${COLUMNS} FROM membership.transfers WHERE member_id = $1 ORDER BY requested_at DESC`, [memberId]);
    return rows.map(toSnapshot);
  }

  async incoming(m: Tx, branchIds: readonly string[] | null): Promise<IncomingTransfer[]> {
    const rows = await query<IncomingTransferRow>(
      m,
      `SELECT t.id, t.member_id, mb.first_name || ' ' || mb.last_name AS member_name, t.from_branch_id, t.to_branch_id, t.requested_on, t.reason
         FROM membership.transfers t JOIN membership.members mb ON mb.id = t.member_id
        WHERE t.status = 'requested' AND ($1::uuid[] IS NULL OR t.to_branch_id = ANY($1::uuid[]))
        ORDER BY t.requested_at`,
      [branchIds],
    );
    return rows.map((r) => ({ id: r.id, memberId: r.member_id, memberName: r.member_name.trim(), fromBranchId: r.from_branch_id, toBranchId: r.to_branch_id, requestedOn: r.requested_on, reason: r.reason }));
  }
}
