import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Restriction, RestrictionKind } from '@org/kernel';
import type { CaseSnapshot, MeasureKind } from '../domain';
import { RestrictionSources, type RestrictionSourceInput } from '../application/ports/restrictions.port';
import { query } from '@org/platform';
export type { RestrictionSourceInput };

/** The measure kinds of interim decisions, as the restrictions interface names them. */
export const KERNEL_KIND: Record<MeasureKind, RestrictionKind> = {
  suspension_from_office: 'no_office',
  no_hosting: 'no_hosting',
  no_speaking: 'no_speaking',
  no_recruiting: 'no_recruiting',
  no_candidacy: 'no_candidacy',
  separation: 'separation',
};

/**
 * Where restrictions come from and what other contexts see of them (S5, S9, S13).
 *
 * - `discipline.restriction_sources`: one row per measure or sanction, with its case and source
 *   (interim decision, or a final finding's sanction) — inside the sealed schema.
 * - `restrictions.active`: the projection other contexts read — member, kind, since, until,
 *   separated members. No case, no source, no reason. `refresh(memberIds)` rebuilds it for
 *   those members from every source in force, in the caller's transaction.
 *
 * A final finding adds its sanction with `replaceSources(m, caseId, 'sanction', sourceId, [...])`: the
 * projection is rebuilt for the members concerned in the same transaction. Nothing else writes
 * `restrictions.active` (a direct write would be overwritten at the member's next refresh).
 */
@Injectable()
export class RestrictionsRepository implements RestrictionSources {
  /** Replaces the interim-measure sources of a case by the measures its decisions hold in force. */
  async syncInterimMeasures(m: Tx, s: CaseSnapshot): Promise<void> {
    const sources: (RestrictionSourceInput & { sourceId: string })[] = [];
    for (const d of s.interimDecisions) {
      if (d.endedAt !== null || d.outcome !== 'measures') continue;
      for (const x of d.measures) {
        if (x.endedAt !== undefined) continue; // ended for this member (the finding about them is final)
        sources.push({ sourceId: d.id, memberId: x.memberId, kind: KERNEL_KIND[x.kind], since: d.decidedAt, until: x.until, separatedFrom: x.separatedFrom });
      }
    }
    await this.replace(m, s.id, 'interim', null, sources);
  }

  /** Replaces the sources of one kind (and, when given, one source id) of a case, then refreshes. */
  async replaceSources(m: Tx, caseId: string, kind: 'interim' | 'sanction', sourceId: string, sources: readonly RestrictionSourceInput[]): Promise<void> {
    await this.replace(m, caseId, kind, sourceId, sources.map((x) => ({ ...x, sourceId })));
  }

  private async replace(
    m: Tx,
    caseId: string,
    kind: 'interim' | 'sanction',
    onlySourceId: string | null,
    sources: readonly (RestrictionSourceInput & { sourceId: string })[],
  ): Promise<void> {
    const before = await query<{ member_id: string }>(
      m,
      `DELETE FROM discipline.restriction_sources WHERE case_id = $1 AND source_kind = $2 AND ($3::uuid IS NULL OR source_id = $3::uuid) RETURNING member_id`,
      [caseId, kind, onlySourceId],
    );
    const beforeIds = before.map((r) => r.member_id);
    if (sources.length > 0) {
      await m.query(
        `INSERT INTO discipline.restriction_sources (id, case_id, source_kind, source_id, member_id, kind, since, until, separated_from)
         SELECT gen_random_uuid(), $1, $2, sid, mid, k, s, u, COALESCE(string_to_array(sep, ',')::uuid[], '{}')
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[]) AS t(sid, mid, k, s, u, sep)`,
        [
          caseId,
          kind,
          sources.map((x) => x.sourceId),
          sources.map((x) => x.memberId),
          sources.map((x) => x.kind),
          sources.map((x) => x.since),
          sources.map((x) => x.until),
          sources.map((x) => (x.separatedFrom && x.separatedFrom.length ? x.separatedFrom.join(',') : null)),
        ],
      );
    }
    await this.refresh(m, [...beforeIds, ...sources.map((x) => x.memberId)]);
  }

  /** Rebuilds `restrictions.active` for these members from every source in force. */
  async refresh(m: Tx, memberIds: readonly string[]): Promise<void> {
    const ids = [...new Set(memberIds)];
    if (ids.length === 0) return;
    await m.query(`DELETE FROM restrictions.active WHERE member_id = ANY($1::uuid[])`, [ids]);
    await m.query(
      `INSERT INTO restrictions.active (member_id, kind, since, until, separated_from)
       SELECT member_id, kind, min(since), CASE WHEN bool_or(until IS NULL) THEN NULL ELSE max(until) END, '{}'::uuid[]
         FROM discipline.restriction_sources
        WHERE member_id = ANY($1::uuid[]) AND ended_at IS NULL AND kind <> 'separation'
        GROUP BY member_id, kind
       UNION ALL
       SELECT member_id, kind, since, until, separated_from
         FROM discipline.restriction_sources
        WHERE member_id = ANY($1::uuid[]) AND ended_at IS NULL AND kind = 'separation'`,
      [ids],
    );
  }

  // ── reads (the restrictions interface) ────────────────────────────────────────────────────

  /** What restricts `memberId` at `at`: kinds and ends, and separations in both directions. */
  async restrictionsFor(m: Tx, memberId: string, at: Date): Promise<Restriction[]> {
    const rows = await query<{ member_id: string; kind: RestrictionKind; until: Date | null; separated_from: string[] }>(
      m,
      `SELECT member_id, kind, until, separated_from FROM restrictions.active
        WHERE (member_id = $1 OR separated_from @> ARRAY[$1]::uuid[]) AND since <= $2 AND (until IS NULL OR until > $2)`,
      [memberId, at],
    );
    const latest = new Map<RestrictionKind, number | null>();
    const separated = new Map<string, number | null>();
    const later = (a: number | null | undefined, b: number | null) => (a === undefined ? b : a === null || b === null ? null : Math.max(a, b));
    for (const r of rows) {
      const until = r.until === null ? null : new Date(r.until).getTime();
      if (r.kind === 'separation') {
        const others: string[] = r.member_id === memberId ? r.separated_from : [r.member_id];
        for (const o of others) if (o !== memberId) separated.set(o, later(separated.get(o), until));
      } else if (r.member_id === memberId) {
        latest.set(r.kind, later(latest.get(r.kind), until));
      }
    }
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const out: Restriction[] = [...latest.entries()].map(([kind, until]) => ({ kind, until: iso(until) }));
    const byEnd = new Map<number | null, string[]>();
    for (const [other, until] of separated) byEnd.set(until, [...(byEnd.get(until) ?? []), other]);
    for (const [until, others] of byEnd) out.push({ kind: 'separation', until: iso(until), separatedFrom: others.sort() });
    return out.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : String(a.until) < String(b.until) ? -1 : 1));
  }

  async hasProtectedTransferRight(m: Tx, memberId: string, at: Date): Promise<boolean> {
    const rows = await query<{ held: number }>(m, `SELECT 1 AS held FROM restrictions.protected_transfer WHERE member_id = $1 AND (until IS NULL OR until > $2)`, [memberId, at]);
    return rows.length > 0;
  }
}

export const newSourceId = (): string => randomUUID();
