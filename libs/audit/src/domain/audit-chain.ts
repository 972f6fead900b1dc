import { createHash } from 'node:crypto';

/** One entry of the hash-chained audit log, as hashed. */
export interface AuditRecord {
  seq: number;
  occurredAt: string; // ISO timestamp, millisecond precision
  actorId: string | null;
  actorKind: string;
  context: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashRecord(r: AuditRecord): string {
  return createHash('sha256').update(canonicalJson(r)).digest('hex');
}

export type ChainBreak =
  | { seq: number; problem: 'missing_entry'; expectedSeq: number }
  | { seq: number; problem: 'prev_hash_mismatch' }
  | { seq: number; problem: 'hash_mismatch' };

/**
 * Walks stored entries in seq order and reports the first break: a gap in the sequence (a
 * deleted entry), an entry whose `prevHash` is not its predecessor's hash (reordered or
 * inserted), or an entry whose content no longer matches its hash (edited).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;

  constructor(start?: { seq: number; hash: string }) {
    if (start) {
      this.expectedSeq = start.seq + 1;
      this.prevHash = start.hash;
    }
  }

  next(stored: AuditRecord & { hash: string }): ChainBreak | null {
    this.checked++;
    if (stored.seq !== this.expectedSeq) return { seq: stored.seq, problem: 'missing_entry', expectedSeq: this.expectedSeq };
    if (stored.prevHash !== this.prevHash) return { seq: stored.seq, problem: 'prev_hash_mismatch' };
    const { hash, ...record } = stored;
    if (hashRecord(record) !== hash) return { seq: stored.seq, problem: 'hash_mismatch' };
    this.expectedSeq++;
    this.prevHash = hash;
    return null;
  }
}
