import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { RejoinCandidate } from '@org/kernel';
import { deriveRejoinFingerprintKey, rejoinFingerprint, type RejoinFingerprintKey } from '../crypto';
import { DisciplineKeys } from '../application/case-content/discipline-keys';
import { MemberRegister } from '../application/ports/member-register.port';
import { rejoinFingerprintSources } from '../domain/readmission/rejoin-identity';
import { query } from '@org/platform';
import { DisciplineDb } from './discipline-db';

/**
 * S9: the keyed hashes by which an expelled person is recognised when they apply again or are
 * imported under another e-mail (`restrictions.rejoin_fingerprints`). Written by the disciplinary
 * role when an expulsion takes effect, from the register's `MemberRegister.personalDetails` (and, once at start, for anyone listed as needing a
 * readmission decision who has none yet); read through the asking context's transaction. The
 * key never leaves this context; the normalized values are never stored.
 */
@Injectable()
export class RejoinFingerprints implements OnModuleInit {
  private readonly keys = new Map<string, RejoinFingerprintKey>();

  constructor(
    private readonly disciplineKeys: DisciplineKeys,
    private readonly db: DisciplineDb,
    private readonly register: MemberRegister,
  ) {}

  private key(masterKeyId?: string): RejoinFingerprintKey {
    const ring = this.disciplineKeys.ring();
    const id = masterKeyId ?? ring.activeKeyId;
    let k = this.keys.get(id);
    if (!k) {
      k = deriveRejoinFingerprintKey(ring, id);
      this.keys.set(id, k);
    }
    return k;
  }

  /** Records the fingerprints of this member as the register holds them now (idempotent). */
  async record(m: Tx, memberId: string, at: Date): Promise<void> {
    const p = await this.register.personalDetails(m, memberId);
    if (!p) return;
    const key = this.key();
    const sources = rejoinFingerprintSources({ name: `${p.firstName ?? ''} ${p.lastName ?? ''}`, dateOfBirth: p.dateOfBirth, phone: p.phone, postalAddress: p.address, email: p.email });
    if (sources.length === 0) return;
    await m.query(
      `INSERT INTO restrictions.rejoin_fingerprints (member_id, kind, hash, master_key_id, recorded_at)
       SELECT $1, k, h, $4, $5 FROM unnest($2::text[], $3::text[]) AS t(k, h) ON CONFLICT DO NOTHING`,
      [memberId, sources.map((s) => s.kind), sources.map((s) => rejoinFingerprint(key, s.value)), key.masterKeyId, at],
    );
  }

  /**
   * For each candidate, whether one of their fingerprints is that of a person still waiting for
   * a readmission decision. One read of the (small) set of such fingerprints, then in memory.
   */
  async held(m: Tx, candidates: readonly RejoinCandidate[]): Promise<boolean[]> {
    if (candidates.length === 0) return [];
    const rows = await query<{ hash: string; master_key_id: string }>(
      m,
      `SELECT DISTINCT f.hash, f.master_key_id FROM restrictions.rejoin_fingerprints f
         JOIN restrictions.readmission_required r ON r.member_id = f.member_id`,
    );
    if (rows.length === 0) return candidates.map(() => false);
    const known = new Set(rows.map((r) => r.hash));
    const keyIds = [...new Set(rows.map((r) => r.master_key_id))].filter((id) => this.disciplineKeys.ring().keyIds().includes(id));
    const keys = keyIds.map((id) => this.key(id));
    return candidates.map((c) => {
      const sources = rejoinFingerprintSources({ name: c.name, dateOfBirth: c.dateOfBirth, phone: c.phone, postalAddress: c.postalAddress, email: c.email });
      return sources.some((s) => keys.some((k) => known.has(rejoinFingerprint(k, s.value))));
    });
  }

  /** People listed as needing a readmission decision before fingerprints existed get theirs once. */
  async onModuleInit(): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const missing = await query<{ member_id: string }>(
          m,
          `SELECT r.member_id FROM restrictions.readmission_required r
            WHERE NOT EXISTS (SELECT 1 FROM restrictions.rejoin_fingerprints f WHERE f.member_id = r.member_id)`,
        );
        for (const r of missing) await this.record(m, r.member_id, new Date());
      });
    } catch (e) {
      // A database not yet migrated this far: nothing to fill (the next start does it).
      if ((e as { code?: string })?.code !== '42P01' && !/rejoin_fingerprints|readmission_required/.test(String((e as Error)?.message))) throw e;
    }
  }
}
