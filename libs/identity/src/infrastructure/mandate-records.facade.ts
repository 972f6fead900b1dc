import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import type { BodyKind, MandateRole } from '../domain/body-kind';

/** A mandate as another context may read it: who, which body (and its kind), from when until when. */
export interface MandateRecord {
  readonly memberId: string;
  readonly bodyId: string;
  readonly bodyKind: BodyKind;
  /** `YYYY-MM-DD`, first day inside. */
  readonly startsOn: string;
  /** `YYYY-MM-DD`, first day outside; null while open-ended. */
  readonly endsOn: string | null;
}

/** Someone sitting on a national body on a date, with their role there. */
export interface SeatHolder {
  readonly memberId: string;
  readonly bodyKind: BodyKind;
  readonly role: MandateRole;
}

/**
 * The published read of mandates for other contexts (bound by the composition): every query is
 * by member id or by body kind, on this context's own tables, inside the caller's transaction.
 */
@Injectable()
export class MandateRecordsFacade {
  /** Every mandate these members ever held. */
  async ofMembers(tx: Tx, memberIds: readonly string[]): Promise<MandateRecord[]> {
    if (memberIds.length === 0) return [];
    const rows = await query<{ member_id: string; body_id: string; kind: BodyKind; starts_on: unknown; ends_on: unknown }>(
      tx,
      `SELECT md.member_id, md.body_id, b.kind, md.starts_on, md.ends_on FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
        WHERE md.member_id = ANY($1::uuid[])`,
      [[...new Set(memberIds)]],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      bodyId: r.body_id,
      bodyKind: r.kind,
      startsOn: dateOf(r.starts_on),
      endsOn: r.ends_on === null ? null : dateOf(r.ends_on),
    }));
  }

  /**
   * Who sits on a national (not a branch's) body of these kinds on `on`: one row per member and
   * kind, their full seat before an alternate's; ordered by member id, then kind.
   */
  async sittingOnNationalBodies(tx: Tx, kinds: readonly BodyKind[], on: string): Promise<SeatHolder[]> {
    if (kinds.length === 0) return [];
    const rows = await query<{ member_id: string; kind: BodyKind; role: MandateRole }>(
      tx,
      `SELECT DISTINCT ON (md.member_id, b.kind) md.member_id, b.kind, md.role
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
        WHERE b.kind = ANY($1::text[]) AND b.branch_id IS NULL AND md.starts_on <= $2::date AND (md.ends_on IS NULL OR md.ends_on > $2::date)
        ORDER BY md.member_id, b.kind, (md.role = 'alternate')`,
      [[...kinds], on],
    );
    return rows.map((r) => ({ memberId: r.member_id, bodyKind: r.kind, role: r.role }));
  }
}

const dateOf = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));
