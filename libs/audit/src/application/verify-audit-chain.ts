import { maybeOne, query, type Tx } from '@org/platform';
import { ChainVerifier, type ChainBreak } from '../domain/audit-chain';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBreak?: ChainBreak;
}

/** audit.entries as stored (int8 as a string, timestamptz as a Date). */
interface EntryRow {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_kind: string;
  context: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

/** Recomputes the whole chain in seq order, in batches, and returns the first break. */
export async function verifyAuditChain(db: Tx, batch = 5000): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await query<EntryRow>(
      db,
      `SELECT seq, occurred_at, actor_id, actor_kind, context, action, subject_type, subject_id, data, prev_hash, hash
         FROM audit.entries WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, batch],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const brk = verifier.next({
        seq: Number(r.seq),
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorId: r.actor_id,
        actorKind: r.actor_kind,
        context: r.context,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        data: r.data,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
      if (brk) return { ok: false, checked: verifier.checked, firstBreak: brk };
      after = Number(r.seq);
    }
  }
  const head = await maybeOne<{ last_seq: string }>(db, `SELECT last_seq FROM audit.chain_head WHERE id = 1`);
  if (head && Number(head.last_seq) !== after) {
    return { ok: false, checked: verifier.checked, firstBreak: { seq: after + 1, problem: 'missing_entry', expectedSeq: after + 1 } };
  }
  return { ok: true, checked: verifier.checked };
}
