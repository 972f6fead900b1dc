import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { Appeal, type AppealSnapshot } from '../../domain/appeal/appeal.entity';
import type { RecordedPanelDraw } from '../../application/appeal/panel-drawing';
import { maybeOne, query } from '@org/platform';
import { SealedSnapshots, type SealedRecordRow } from '../sealed-snapshots';
import { AppealRepository } from '../../application/ports/appeal.repository';

const field = (appealId: string) => `appeal:${appealId}`;

/** Appeals: a sealed snapshot (grounds, reasons) and the recorded draw of the appeals panel. */
@Injectable()
export class AppealSqlRepository implements AppealRepository {
  constructor(private readonly sealed: SealedSnapshots) {}

  async insert(m: Tx, a: Appeal, draw: RecordedPanelDraw | null): Promise<void> {
    const s = a.toSnapshot();
    await m.query(
      `INSERT INTO discipline.appeals (id, finding_id, case_id, status, outcome, lodged_at, decided_at, panel_draw, sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [s.appealId, s.findingId, s.caseId, s.status, s.decision?.outcome ?? null, s.lodgedAt, s.decision?.decidedAt ?? null,
        draw ? JSON.stringify(draw) : null, await this.sealed.seal(m, s.caseId, field(s.appealId), s)],
    );
  }

  async update(m: Tx, a: Appeal, draw?: RecordedPanelDraw | null): Promise<void> {
    const s = a.toSnapshot();
    await m.query(
      `UPDATE discipline.appeals SET status = $2, outcome = $3, decided_at = $4, sealed = $5,
              panel_draw = CASE WHEN $6::boolean THEN $7::jsonb ELSE panel_draw END, version = version + 1
        WHERE id = $1`,
      [s.appealId, s.status, s.decision?.outcome ?? null, s.decision?.decidedAt ?? null, await this.sealed.seal(m, s.caseId, field(s.appealId), s),
        draw !== undefined, draw ? JSON.stringify(draw) : null],
    );
  }

  async ofCase(m: Tx, caseId: string): Promise<Appeal[]> {
    const rows = await query<SealedRecordRow>(m, `SELECT id, case_id, sealed FROM discipline.appeals WHERE case_id = $1 ORDER BY lodged_at, id`, [caseId]);
    const out: Appeal[] = [];
    for (const r of rows) out.push(Appeal.fromSnapshot(await this.sealed.open<AppealSnapshot>(m, r.case_id, field(r.id), r.sealed)));
    return out;
  }

  async drawOf(m: Tx, appealId: string): Promise<RecordedPanelDraw | null> {
    const r = await maybeOne<{ panel_draw: RecordedPanelDraw | null }>(m, `SELECT panel_draw FROM discipline.appeals WHERE id = $1`, [appealId]);
    return r?.panel_draw ?? null;
  }

  async recordRemandPanel(m: Tx, findingId: string, appealId: string, draw: RecordedPanelDraw, at: string): Promise<void> {
    await m.query(`INSERT INTO discipline.remand_panels (finding_id, appeal_id, draw, seated_at) VALUES ($1, $2, $3::jsonb, $4)`, [findingId, appealId, JSON.stringify(draw), at]);
  }

  async remandDrawOf(m: Tx, findingId: string): Promise<RecordedPanelDraw | null> {
    const r = await maybeOne<{ draw: RecordedPanelDraw }>(m, `SELECT draw FROM discipline.remand_panels WHERE finding_id = $1`, [findingId]);
    return r?.draw ?? null;
  }

  /** Plain facts of every appeal, for the transparency report. */
  async reportFacts(m: Tx): Promise<{ caseId: string; lodgedAt: string; outcome: string | null }[]> {
    const rows = await query<{ case_id: string; lodged_at: Date; outcome: string | null }>(m, `SELECT case_id, lodged_at, outcome FROM discipline.appeals ORDER BY lodged_at`);
    return rows.map((r) => ({ caseId: r.case_id, lodgedAt: new Date(r.lodged_at).toISOString(), outcome: r.outcome }));
  }
}
