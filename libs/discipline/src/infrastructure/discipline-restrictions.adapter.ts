import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { RestrictionsPort, type RejoinCandidate, type Restriction, type RestrictionKind, type TimeWindow } from '@org/kernel';
import { DisciplineDb } from './discipline-db';
import { RejoinFingerprints } from './rejoin-fingerprints.repository';
import { RestrictionsRepository } from './restrictions.repository';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isManager = (tx: unknown): tx is Tx => !!tx && typeof (tx as Tx).query === 'function';

/**
 * The restrictions interface (S5, S9, S13) other contexts consult: what a member may not do and
 * until when — never why, never which case. It reads `restrictions.*` only (the app role's
 * grant), through the caller's transaction when one is given: on the embedded database a second
 * connection inside a transaction would wait forever.
 */
@Injectable()
export class DisciplineRestrictions extends RestrictionsPort {
  constructor(
    private readonly db: DisciplineDb,
    private readonly repo: RestrictionsRepository,
    private readonly fingerprints: RejoinFingerprints,
  ) {
    super();
  }

  private manager(tx: unknown): Tx {
    return isManager(tx) ? tx : this.db.dataSource.manager;
  }

  async restrictionsFor(memberId: string, at: Date, tx?: unknown): Promise<Restriction[]> {
    if (!UUID_RE.test(memberId)) return [];
    return this.repo.restrictionsFor(this.manager(tx), memberId, at);
  }

  async separatedFrom(memberId: string, at: Date, tx?: unknown): Promise<string[]> {
    const all = await this.restrictionsFor(memberId, at, tx);
    return [...new Set(all.filter((r) => r.kind === 'separation').flatMap((r) => r.separatedFrom ?? []))].sort();
  }

  async hasProtectedTransferRight(memberId: string, at: Date, tx?: unknown): Promise<boolean> {
    if (!UUID_RE.test(memberId)) return false;
    return this.repo.hasProtectedTransferRight(this.manager(tx), memberId, at);
  }

  /** E4: one query over the projection (it holds only members under a restriction, so it is small). */
  override async membersRestricted(kind: RestrictionKind, during: TimeWindow, memberIds: readonly string[] | null, tx?: unknown): Promise<Set<string>> {
    const ids = memberIds === null ? null : memberIds.filter((id) => UUID_RE.test(id));
    if (ids !== null && ids.length === 0) return new Set();
    const rows = await query<{ member_id: string }>(
      this.manager(tx),
      `SELECT DISTINCT member_id FROM restrictions.active
        WHERE kind = $1 AND since < $3 AND (until IS NULL OR until > $2) AND ($4::uuid[] IS NULL OR member_id = ANY($4::uuid[]))`,
      [kind, during.from, during.to, ids],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  /** S9: listed from the expulsion until the commission's readmission decision. */
  override async readmissionRequired(memberId: string, tx?: unknown): Promise<boolean> {
    if (!UUID_RE.test(memberId)) return true;
    const rows = await query<{ listed: number }>(this.manager(tx), `SELECT 1 AS listed FROM restrictions.readmission_required WHERE member_id = $1`, [memberId]);
    return rows.length > 0;
  }

  /**
   * S9 by identity: the candidates' raw values are normalized and hashed here, with the
   * disciplinary context's key, and compared with the fingerprints of people still waiting for a
   * readmission decision. The asking context never sees a hash or the key.
   */
  override async rejoinHeld(candidates: readonly RejoinCandidate[], tx?: unknown): Promise<boolean[]> {
    return this.fingerprints.held(this.manager(tx), candidates);
  }
}
