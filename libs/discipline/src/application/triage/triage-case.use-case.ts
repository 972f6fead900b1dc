import { Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import type { SeriousnessFlags } from '../../domain';
import { CaseGate } from '../access/case-gate.service';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { PanelService } from '../panel/panel.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';

/**
 * Triage by the case's duty commissioner (S1, S3, S4): recusal is recomputed first (the facts
 * may have moved since intake); the duty commissioner may raise the seriousness flags, never
 * lower the complainant's; a record-only report is registered and closed; any other case has
 * its panel drawn at once from the cleared commissioners (then alternates) with a fresh,
 * recorded seed — and what the draw cannot fill is asked of the Appeals Committee.
 */
@Injectable()
export class TriageCase {
  constructor(
    private readonly gate: CaseGate,
    private readonly recompute: RecomputeRecusal,
    private readonly panel: PanelService,
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  run(key: string, actor: DisciplineActor, raise: Partial<SeriousnessFlags>): Promise<{ reference: string; stage: string; panel: string[]; adHocSeatsRequested: number }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const now = this.clock.now();
      const before = await this.recompute.run(tx, c, now, 'triage');
      const events = [...before.events, ...c.triage(actor.memberId ?? '', { raise }, now.toISOString())];
      events.push(...(await this.panel.drawInitial(tx, c, before.outcome, now)));
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage, panel: c.seatedPanel, adHocSeatsRequested: c.state.panel.adHocSeatsRequested };
    });
  }
}
