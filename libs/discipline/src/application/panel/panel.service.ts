import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import {
  drawPanel,
  nextDutyCommissioner,
  redrawSeat,
  type Case,
  type CaseEvent,
  type RecusalOutcome,
} from '../../domain';
import { CaseRecordsRepository } from '../ports/case-records.repository';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';

/** 144 bits from the operating system's CSPRNG, recorded with the draw (anyone entitled can re-run it). */
export const newDrawSeed = (): string => randomBytes(18).toString('base64url');

/**
 * Panels and the duty rota (S3). The draw itself is the domain's (`drawPanel`, `redrawSeat`):
 * a seeded shuffle of the sorted cleared commissioners, then alternates; what is still missing
 * is requested from the Appeals Committee. This service picks a fresh random seed, records the
 * draw (seed, sorted eligible lists, kept and excluded people, seats) and hands it to the case,
 * which re-runs it before accepting it.
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly records: CaseRecordsRepository,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  /** The initial draw, once the case is triaged on a path that needs a panel. */
  async drawInitial(m: Tx, c: Case, outcome: RecusalOutcome, now: Date): Promise<CaseEvent[]> {
    if (c.stage !== 'triaged' || c.path === 'record-only' || c.state.panel.draws.length > 0) return [];
    const record = drawPanel({ caseId: c.id, seed: newDrawSeed(), recusal: outcome, size: this.settings.panelSize });
    const events = c.recordPanelDraw(record, now.toISOString());
    await this.records.insertDraw(m, record, now);
    return events;
  }

  /** Redraws every seat vacated and not yet refilled (conflict, self-recusal, upheld challenge). */
  async fillVacancies(m: Tx, c: Case, outcome: RecusalOutcome, now: Date): Promise<CaseEvent[]> {
    const events: CaseEvent[] = [];
    for (;;) {
      const vacancy = c.state.panel.removed.find((r) => r.replacement === 'pending');
      if (!vacancy || !['triaged', 'panel_seated', 'investigating'].includes(c.stage)) break;
      let seed = newDrawSeed();
      while (c.usedSeeds().includes(seed)) seed = newDrawSeed();
      const record = redrawSeat({
        caseId: c.id,
        seed,
        recusal: outcome,
        vacated: vacancy.memberId,
        remainingSeats: c.seatedPanel,
        previouslyRemoved: c.removedPanelists().filter((x) => x !== vacancy.memberId),
        previousSeeds: c.usedSeeds(),
      });
      events.push(...c.recordPanelDraw(record, now.toISOString()));
      await this.records.insertDraw(m, record, now);
    }
    return events;
  }

  /**
   * The duty commissioner for triage: the next cleared commissioner in the rota (round-robin
   * over all commissioners by id; a conflicted one loses the turn). Only before a panel, and
   * only when nobody holds the duty.
   */
  async assignDuty(m: Tx, c: Case, outcome: RecusalOutcome, now: Date): Promise<CaseEvent[]> {
    const s = c.state;
    if (s.dutyCommissionerId || s.panelSeatedAt !== null || !['received', 'triaged'].includes(s.stage)) return [];
    const standDown = new Set(s.selfRecusals.map((r) => r.memberId));
    const usable: RecusalOutcome = {
      ...outcome,
      assessments: outcome.assessments.map((a) => (standDown.has(a.memberId) ? { ...a, eligible: false } : a)),
    };
    const next = nextDutyCommissioner(usable, await this.records.lastDutyIndex(m));
    if (!next) return [];
    await this.records.setLastDutyIndex(m, next.index, now);
    return c.assignDutyCommissioner(next.memberId, now.toISOString());
  }
}
