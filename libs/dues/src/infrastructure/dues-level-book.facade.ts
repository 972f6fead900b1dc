import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';

/**
 * The dues context's published answer to "which dues levels exist, and put these members on
 * them" — for the member import's `dues_level` (the membership context binds its
 * `DuesLevelBook` port to this class). A level is a plan, found by name (any case); the member's
 * amount is the plan's (its minimum for a sliding plan).
 */
@Injectable()
export class DuesLevelBookFacade {
  async levelNames(tx: Tx): Promise<Map<string, string>> {
    const rows = await query<{ name: string }>(tx, `SELECT DISTINCT name FROM dues.plans ORDER BY name`);
    return new Map(rows.map((r) => [r.name.toLowerCase(), r.name]));
  }

  async assign(tx: Tx, levels: readonly { memberId: string; level: string; from: string }[]): Promise<void> {
    if (levels.length === 0) return;
    for (let i = 0; i < levels.length; i += 10_000) {
      const chunk = levels.slice(i, i + 10_000);
      await query(
        tx,
        `INSERT INTO dues.member_levels (member_id, plan_id, amount_minor, effective_from)
         SELECT t.member_id, p.id, coalesce(p.amount_minor, p.minimum_minor), t.from_date
           FROM unnest($1::uuid[], $2::text[], $3::date[]) AS t(member_id, level, from_date)
           JOIN LATERAL (SELECT id, amount_minor, minimum_minor FROM dues.plans WHERE lower(name) = lower(t.level) ORDER BY is_default DESC, created_at LIMIT 1) p ON true`,
        [chunk.map((l) => l.memberId), chunk.map((l) => l.level), chunk.map((l) => l.from)],
      );
    }
  }
}
