import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { CaseCipher, createCaseKey, needsRewrap, rewrapCaseKey, unwrapCaseKey, wrappingKeyId } from '../../crypto';
import { sealedRef, type SealedRef } from '../../domain';
import { SealedContentRepository } from '../ports/sealed-content.repository';
import { DisciplineKeys } from './discipline-keys';

const SEALED_PREFIX = 'sealed:';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a piece of sealed content is (the field name bound into its ciphertext). */
export type ContentKind =
  | 'narrative'
  | 'where'
  | 'respondent'
  | 'witness'
  | 'support-person'
  | 'complainant-contact'
  | 'self-recusal-reason'
  | 'challenge-grounds'
  | 'interim-reasons'
  | 'informal-terms';

/** Who reads or writes content, as the audit log records them (ids only). */
export interface ContentActor {
  readonly actorId: string | null;
  readonly actorKind: string;
}

export interface ContentItem {
  /** What the item is, for the audit entry ("narrative", "respondent 2"…). */
  readonly item: string;
  readonly ref: SealedRef | string | null | undefined;
}

export const AUDIT_SUBJECT = 'discipline.case';

/**
 * Case content at rest (S11): every narrative, place, description, reason and term is sealed
 * with the case's own data key before it reaches the database, and the aggregate only ever holds
 * a reference (`sealed:<uuid>`) to the sealed row. Each row's ciphertext binds the case id, its
 * kind and its row id as associated data: moved to another case or another row, it does not open.
 *
 * Every read goes through `read`, which writes one audit entry naming who read which items of
 * which case (ids only, never the content) in the reader's transaction.
 */
@Injectable()
export class CaseContentService {
  constructor(
    private readonly keys: DisciplineKeys,
    private readonly repo: SealedContentRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Content for a case being filed: a fresh data key (wrapped under the active master key) and a
   * sealer. Nothing is written until `flush`, which must run after the case row exists.
   */
  forNewCase(caseId: string): CaseSealer {
    const ring = this.keys.ring();
    const { dataKey, wrapped } = createCaseKey(ring, caseId);
    return new CaseSealer(new CaseCipher(dataKey), this.repo, this.clock, { wrapped, masterKeyId: ring.activeKeyId });
  }

  /** A sealer for an existing case (its data key unwrapped from the database). */
  async forCase(m: Tx, caseId: string): Promise<CaseSealer> {
    return new CaseSealer(await this.cipherFor(m, caseId), this.repo, this.clock, null);
  }

  async cipherFor(m: Tx, caseId: string): Promise<CaseCipher> {
    const kept = this.transactionCiphers.get(m)?.get(caseId);
    if (kept) return kept;
    const cipher = await this.loadCipher(m, caseId);
    if (!cipher) throw new DomainError('unavailable', 'discipline.case_key_missing', 'This case cannot be read right now; the commission has been told.');
    return cipher;
  }

  /**
   * Reads the case's data key for the rest of the transaction — one statement, run alike whether
   * `caseId` names a case or not, so that loading a case file costs the same statements for a
   * real case and for an unknown key (S1): what is opened afterwards needs no further query.
   */
  async prepare(m: Tx, caseId: string): Promise<void> {
    await this.loadCipher(m, caseId);
  }

  /** Data keys unwrapped in a transaction, kept only while its manager lives (never outside one). */
  private readonly transactionCiphers = new WeakMap<Tx, Map<string, CaseCipher>>();

  private async loadCipher(m: Tx, caseId: string): Promise<CaseCipher | null> {
    const wrapped = await this.repo.wrappedKey(m, caseId);
    if (!wrapped) return null;
    const cipher = new CaseCipher(unwrapCaseKey(this.keys.ring(), caseId, wrapped));
    if (m.queryRunner?.isTransactionActive) {
      const kept = this.transactionCiphers.get(m) ?? new Map<string, CaseCipher>();
      kept.set(caseId, cipher);
      this.transactionCiphers.set(m, kept);
    }
    return cipher;
  }

  /**
   * Opens the referenced items of one case and records the read (who, when, which case, which
   * items) in the audit log, in the reader's transaction. Items without a reference are skipped.
   */
  async read(m: Tx, caseId: string, items: readonly ContentItem[], reader: ContentActor, view: string): Promise<Map<string, string>> {
    const wanted = items.filter((i) => typeof i.ref === 'string' && i.ref.startsWith(SEALED_PREFIX) && UUID_RE.test(i.ref.slice(SEALED_PREFIX.length)));
    const out = new Map<string, string>();
    if (wanted.length === 0) return out;
    const rows = await this.repo.sealedRows(m, caseId, wanted.map((i) => (i.ref as string).slice(SEALED_PREFIX.length)));
    const cipher = await this.cipherFor(m, caseId);
    for (const r of rows) out.set(`${SEALED_PREFIX}${r.id}`, cipher.open(r.field, r.ciphertext));
    await this.recordRead(m, caseId, reader, view, wanted.map((i) => ({ item: i.item, ref: i.ref as string })));
    return out;
  }

  /** The audit entry of a read of case content (for readers that open content themselves, e.g. the investigation's records). */
  async recordRead(m: Tx, caseId: string, reader: ContentActor, view: string, items: readonly { item: string; ref: string }[]): Promise<void> {
    await this.audit.record(
      m,
      {
        actorId: reader.actorId,
        actorKind: reader.actorKind,
        context: 'discipline',
        action: 'case.content-read',
        subjectType: AUDIT_SUBJECT,
        subjectId: caseId,
        data: { view, items: items.map((i) => ({ item: i.item, ref: i.ref.replace(SEALED_PREFIX, '') })) },
      },
      this.clock.now(),
    );
  }

  // ── values stored in other tables (statements, messages, evidence) ──────────────

  async sealValue(m: Tx, caseId: string, field: string, text: string): Promise<string> {
    return (await this.cipherFor(m, caseId)).seal(field, text);
  }

  async openValue(m: Tx, caseId: string, field: string, sealed: string): Promise<string> {
    return (await this.cipherFor(m, caseId)).open(field, sealed);
  }

  async sealBytes(m: Tx, caseId: string, field: string, bytes: Uint8Array): Promise<Buffer> {
    return (await this.cipherFor(m, caseId)).sealBytes(field, bytes);
  }

  async openBytes(m: Tx, caseId: string, field: string, sealed: Uint8Array): Promise<Buffer> {
    return (await this.cipherFor(m, caseId)).openBytes(field, sealed);
  }

  // ── key rotation ──────────────────────────────────────────────────────────────────────────

  /**
   * Re-wraps, under the ring's active master key, every case data key still wrapped under an
   * older one (a batch per call; call until it returns 0). Content is not re-encrypted: the data
   * keys do not change. Audited per batch.
   */
  async rewrapBatch(m: Tx, limit = 500): Promise<number> {
    const ring = this.keys.ring();
    const batch = await this.repo.keysToRewrap(m, ring.activeKeyId, limit);
    const now = this.clock.now();
    let done = 0;
    for (const k of batch) {
      if (!needsRewrap(ring, k.wrapped)) continue;
      const next = rewrapCaseKey(ring, k.caseId, k.wrapped);
      await this.repo.replaceKey(m, k.caseId, next, wrappingKeyId(next), now);
      done++;
    }
    if (done > 0) {
      await this.audit.record(
        m,
        { actorId: null, actorKind: 'system', context: 'discipline', action: 'keys.rewrapped', subjectType: 'discipline.keys', subjectId: ring.activeKeyId, data: { cases: done } },
        now,
      );
    }
    return done;
  }
}

/**
 * Seals text for one case: each value gets its own row id, and its ciphertext binds the case id,
 * its kind and that row id (`<kind>:<rowId>`) as associated data. The aggregate keeps only the
 * reference `sealed:<rowId>`. Rows (and a new case's wrapped key) are written by `flush`.
 */
export class CaseSealer {
  private pending: { id: string; field: string; ciphertext: string; createdBy: string | null }[] = [];

  constructor(
    private readonly cipher: CaseCipher,
    private readonly repo: SealedContentRepository,
    private readonly clock: Clock,
    private newKey: { wrapped: string; masterKeyId: string } | null,
  ) {}

  get caseId(): string {
    return this.cipher.caseId;
  }

  seal(kind: ContentKind, text: string, by: string | null): SealedRef {
    const id = randomUUID();
    const field = `${kind}:${id}`;
    this.pending.push({ id, field, ciphertext: this.cipher.seal(field, text), createdBy: by });
    return sealedRef(`${SEALED_PREFIX}${id}`);
  }

  sealOptional(kind: ContentKind, text: string | null | undefined, by: string | null): SealedRef | null {
    return typeof text === 'string' && text.trim().length > 0 ? this.seal(kind, text, by) : null;
  }

  async flush(m: Tx): Promise<void> {
    const now = this.clock.now();
    if (this.newKey) {
      await this.repo.insertKey(m, this.cipher.caseId, this.newKey.wrapped, this.newKey.masterKeyId, now);
      this.newKey = null;
    }
    for (const row of this.pending) await this.repo.insertSealed(m, { ...row, caseId: this.cipher.caseId }, now);
    this.pending = [];
  }
}
