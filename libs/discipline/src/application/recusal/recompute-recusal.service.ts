import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Case, CaseEvent, RecusalOutcome } from '../../domain';
import { PanelService } from '../panel/panel.service';
import { RecusalService } from './recusal.service';

/**
 * What follows any change of the facts (S3): recompute recusal; a panelist or duty commissioner
 * now conflicted has left (the case did that); refill their seat by a fresh recorded draw and
 * hand the duty to the next cleared commissioner. Called after a party, witness or support
 * person is added, after a stand-down or upheld challenge, on every read by a commissioner
 * (a transfer or a new mandate may have changed the facts), and by the deadlines job for every
 * open case (so a transfer is picked up within one run even if nobody opens the case).
 */
@Injectable()
export class RecomputeRecusal {
  constructor(
    private readonly recusal: RecusalService,
    private readonly panel: PanelService,
  ) {}

  async run(m: Tx, c: Case, now: Date, trigger: string, adHocNominees: readonly string[] = []): Promise<{ events: CaseEvent[]; outcome: RecusalOutcome }> {
    const { outcome, events } = await this.recusal.refresh(m, c, now, trigger, adHocNominees);
    events.push(...(await this.panel.fillVacancies(m, c, outcome, now)));
    events.push(...(await this.panel.assignDuty(m, c, outcome, now)));
    return { events, outcome };
  }
}
