import { Injectable } from '@nestjs/common';
import { inTransaction, one, query, type Tx } from '@org/platform';
import { hashRecord, type AuditRecord } from '../domain/audit-chain';

export interface AuditEvent {
  actorId: string | null;
  /** 'member', 'system', 'operator', 'anonymous', … */
  actorKind: string;
  /** The bounded context writing the entry. */
  context: string;
  /** A dotted verb: 'member.admitted', 'case.content-read', 'mandate.end-refused'. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Facts about the change. Never case content, ballots, passwords or tokens. */
  data?: Record<string, unknown>;
}

/** audit.chain_head: the one row that serializes writers (int8 comes back as a string). */
interface ChainHeadRow {
  last_seq: string;
  last_hash: string;
}

/** audit.entries, the columns of a trail. */
interface TrailRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  data: unknown;
}

/**
 * Appends to the hash-chained audit log inside the caller's transaction: the entry commits or
 * rolls back with the change it records. The chain head row serializes writers, so seq numbers
 * have no gaps and each entry holds its predecessor's hash.
 */
@Injectable()
export class AuditLog {
  async record(tx: Tx, event: AuditEvent, now: Date = new Date()): Promise<{ seq: number; hash: string }> {
    if (!inTransaction(tx)) {
      throw new Error('AuditLog.record must be called inside the transaction of the change it records.');
    }
    const head = await one<ChainHeadRow>(tx, `SELECT last_seq, last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE`);
    const record: AuditRecord = {
      seq: Number(head.last_seq) + 1,
      occurredAt: now.toISOString(),
      actorId: event.actorId,
      actorKind: event.actorKind,
      context: event.context,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: JSON.parse(JSON.stringify(event.data ?? {})),
      prevHash: head.last_hash,
    };
    const hash = hashRecord(record);
    await query(
      tx,
      `INSERT INTO audit.entries (seq, occurred_at, actor_id, actor_kind, context, action, subject_type, subject_id, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [record.seq, record.occurredAt, record.actorId, record.actorKind, record.context, record.action, record.subjectType, record.subjectId, JSON.stringify(record.data), record.prevHash, hash],
    );
    await query(tx, `UPDATE audit.chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1`, [record.seq, hash]);
    return { seq: record.seq, hash };
  }

  /** Entries about one subject, oldest first (e.g. a case's trail for the Appeals Committee). */
  async trail(tx: Tx, subjectType: string, subjectId: string): Promise<AuditEntryView[]> {
    const rows = await query<TrailRow>(
      tx,
      `SELECT seq, occurred_at, actor_id, actor_kind, action, data FROM audit.entries WHERE subject_type = $1 AND subject_id = $2 ORDER BY seq`,
      [subjectType, subjectId],
    );
    return rows.map((r) => ({ seq: Number(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), actorId: r.actor_id, actorKind: r.actor_kind, action: r.action, data: r.data }));
  }
}

export interface AuditEntryView {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorKind: string;
  action: string;
  data: unknown;
}
