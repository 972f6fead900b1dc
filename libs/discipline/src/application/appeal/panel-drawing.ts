import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Case } from '../../domain/case/case.aggregate';
import { drawPanel, verifyDraw, type PanelDrawRecord } from '../../domain/panel/panel-draw';
import { computeRecusal } from '../../domain/recusal/recusal.engine';
import type { CandidateSeat, RecusalCandidate, RecusalOutcome } from '../../domain/recusal/recusal.types';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { RecusalFacts } from '../ports/recusal-facts.port';

/**
 * A panel drawn after the first one — the Appeals Committee panel of an appeal, or the new panel after a
 * remand — by the same engine as a case's first panel (S3, S7): the recusal engine clears candidates
 * (`ownBodyKind` APPEALS for the appeals panel), then `drawPanel` draws from the cleared pool
 * with a recorded seed. Everything needed to re-run it is kept: seed, pools, who was excluded
 * beforehand and why (an earlier panel of the case), how many candidates were conflicted.
 */
export interface RecordedPanelDraw {
  readonly purpose: 'appeal' | 'remand';
  readonly body: 'APPEALS' | 'CCOM';
  readonly drawnAt: string;
  /** Members kept out before recusal: earlier panels of the case (and, for a remand, the appeals panel). */
  readonly excludedBeforehand: readonly string[];
  readonly conflicted: number;
  readonly record: PanelDrawRecord;
}

@Injectable()
export class PanelDrawing {
  constructor(
    private readonly facts: RecusalFacts,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  /**
   * Draws `settings.panelSize` seats for `purpose` from the current members of `body`, minus
   * `exclude`, through the recusal engine. On the appeals committee every member is drawn as
   * one kind of seat (recorded as `commissioner` in the draw's pool: the committee's members).
   */
  async draw(
    m: Tx,
    input: { c: Case; purpose: 'appeal' | 'remand'; exclude: readonly string[]; now: string; seed?: string },
  ): Promise<RecordedPanelDraw> {
    const body = input.purpose === 'appeal' ? 'APPEALS' : 'CCOM';
    const today = input.now.slice(0, 10);
    const members = await this.facts.currentBodyMembers(m, body, today);
    const excluded = new Set(input.exclude);
    const seatOf = (role: string): CandidateSeat => (body === 'CCOM' && role === 'alternate' ? 'alternate' : 'commissioner');
    const candidates: RecusalCandidate[] = [];
    const seen = new Set<string>();
    for (const x of members) {
      if (excluded.has(x.memberId) || seen.has(x.memberId)) continue;
      seen.add(x.memberId);
      candidates.push({ memberId: x.memberId, seat: seatOf(x.role) });
    }
    const recusal = await this.assess(m, input.c, candidates, body, input.now);
    const record = drawPanel({ caseId: input.c.id, seed: input.seed ?? randomBytes(16).toString('hex'), recusal, size: this.settings.panelSize });
    if (!verifyDraw(record).matches) throw new Error('A panel draw did not re-run to its own seats.');
    return {
      purpose: input.purpose,
      body,
      drawnAt: input.now,
      excludedBeforehand: [...excluded].sort(),
      conflicted: recusal.assessments.filter((a) => !a.eligible).length,
      record,
    };
  }

  /**
   * The recusal engine's verdict on these candidates for this case, from the current facts
   * (branch history, mandates, declared relationships, other open cases). `ownBodyKind` is the
   * body whose panel is being formed: sitting on it is no conflict.
   */
  async assess(m: Tx, c: Case, candidates: readonly RecusalCandidate[], ownBodyKind: 'APPEALS' | 'CCOM', now: string): Promise<RecusalOutcome> {
    const people = c.participantsForRecusal();
    const concerned = [...new Set([...candidates.map((x) => x.memberId), ...people.parties])];
    // One after another: the transaction has one connection.
    const branchHistory = await this.facts.branchHistory(m, concerned);
    const mandates = await this.facts.mandates(m, concerned);
    const relationships = await this.facts.relationships(m, concerned);
    const otherOpenCases = await this.facts.otherOpenCases(m, c.id, concerned);
    const ex = c.recusalExclusions();
    return computeRecusal({
      caseId: c.id,
      intakeDate: c.state.receivedAt.slice(0, 10),
      computedAt: now,
      ...people,
      reportedEvents: c.state.when ? [c.state.when] : [],
      candidates: [...candidates],
      facts: { branchHistory, mandates, relationships, otherOpenCases },
      selfRecused: ex.selfRecused,
      challengeUpheld: ex.challengeUpheld,
      lookBackYears: this.settings.lookBackYears,
      ownBodyKind,
    });
  }
}
