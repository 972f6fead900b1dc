import { Injectable } from '@nestjs/common';
import { maybeOne, query, type Tx } from '@org/platform';
import type { BodyKind, MandateRole } from '../domain/body-kind';
import type { SeatedMandate } from '../domain/seat-limits';
import { BodySeatsRepository, type PublicMandateRow, type PublicBodyRow } from '../application/ports/body-seats.repository';

interface PublicBodySqlRow {
  id: string;
  kind: BodyKind;
  name: string;
  branch_id: string | null;
  branch_name: string | null;
  seats: number;
}

interface PublicMandateSqlRow {
  id: string;
  body_id: string;
  first_name: string;
  last_name: string;
  role: MandateRole;
  starts_on: string | Date;
  ends_on: string | Date | null;
  source_kind: PublicMandateRow['sourceKind'];
  source_ref: PublicMandateRow['sourceRef'];
}

/** Seats of a body: locked while counting (seat limits), and who sits on it (the public list). */
@Injectable()
export class BodySeatsSqlRepository extends BodySeatsRepository {
  /**
   * Locks the body row (FOR UPDATE) and returns it with every mandate it has: two concurrent
   * creations on the same body are serialized, so both cannot take the last seat.
   */
  async lockBodyWithMandates(tx: Tx, bodyId: string): Promise<{ kind: BodyKind; name: string; seats: number; mandates: SeatedMandate[] } | null> {
    const body = await maybeOne<{ kind: BodyKind; name: string; seats: number }>(tx, `SELECT kind, name, seats FROM identity.bodies WHERE id = $1 FOR UPDATE`, [bodyId]);
    if (!body) return null;
    const rows = await query<{ role: MandateRole; starts_on: string | Date; ends_on: string | Date | null }>(tx, `SELECT role, starts_on, ends_on FROM identity.mandates WHERE body_id = $1`, [bodyId]);
    return { kind: body.kind, name: body.name, seats: body.seats, mandates: rows.map((r) => ({ role: r.role, startsOn: iso(r.starts_on), endsOn: r.ends_on ? iso(r.ends_on) : null })) };
  }

  /** Bodies and their mandates current on `on` (holder's name only; nothing else about anyone). */
  async publicBodies(tx: Tx, on: string, bodyId?: string): Promise<PublicBodyRow[]> {
    const bodies = await query<PublicBodySqlRow>(
      tx,
      `SELECT b.id, b.kind, b.name, b.branch_id, br.name AS branch_name, b.seats
         FROM identity.bodies b LEFT JOIN membership.branches br ON br.id = b.branch_id
        WHERE ($1::uuid IS NULL OR b.id = $1::uuid)
        ORDER BY b.branch_id NULLS FIRST, b.kind, b.name`,
      [bodyId ?? null],
    );
    if (bodies.length === 0) return [];
    const mandates = await query<PublicMandateSqlRow>(
      tx,
      `SELECT md.id, md.body_id, mb.first_name, mb.last_name, md.role, md.starts_on, md.ends_on, md.source_kind, md.source_ref
         FROM identity.mandates md JOIN membership.members mb ON mb.id = md.member_id
        WHERE md.body_id = ANY($1::uuid[]) AND md.starts_on <= $2::date AND (md.ends_on IS NULL OR md.ends_on > $2::date)
        ORDER BY md.role = 'member', md.role, mb.last_name, mb.first_name`,
      [bodies.map((b) => b.id), on],
    );
    const byBody = new Map<string, PublicMandateRow[]>();
    for (const r of mandates) {
      const list = byBody.get(r.body_id) ?? [];
      list.push({ id: r.id, holderName: `${r.first_name} ${r.last_name}`, role: r.role, startsOn: iso(r.starts_on), endsOn: r.ends_on ? iso(r.ends_on) : null, sourceKind: r.source_kind, sourceRef: r.source_ref });
      byBody.set(r.body_id, list);
    }
    return bodies.map((b) => ({ id: b.id, kind: b.kind, name: b.name, branchId: b.branch_id, branchName: b.branch_name, seats: b.seats, mandates: byBody.get(b.id) ?? [] }));
  }
}

/** `date` columns come back as strings from pg (types set in libs/platform) and as Date from some drivers. */
const iso = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
