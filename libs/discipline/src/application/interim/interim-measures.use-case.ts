import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { caseNotFound, measureEnforcement, unenforcedWarning, type Case, type InterimMeasure, type MeasureEnforcement, type MeasureKind } from '../../domain';
import { CaseRecordsRepository, type InterimProposalRow } from '../ports/case-records.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseContentService } from '../case-content/case-content.service';
import type { Tx } from '@org/platform';

export interface MeasureInput {
  readonly kind: MeasureKind;
  readonly memberId: string;
  readonly until: string;
  readonly separatedFrom?: readonly string[];
}

export interface InterimInput {
  readonly outcome: 'measures' | 'no_measures';
  readonly measures: readonly MeasureInput[];
  readonly reasons: string;
}

export interface InterimResult {
  reference: string;
  /** Set once the decision is recorded (and in force). */
  decisionId: string | null;
  /** A panel proposal waiting for a majority. */
  proposalId: string | null;
  concurrences: number;
  needed: number;
  /**
   * For each kind of measure in this decision (or proposal): whether, and where, the platform
   * enforces it. `no_speaking` binds congress and branch-meeting speakers' lists and the bulletin;
   * `no_recruiting` binds nothing yet.
   */
  enforcement: MeasureEnforcement[];
  /** A plain warning naming the measures no platform feature enforces; `null` when all are. */
  notEnforced: string | null;
}

/**
 * Interim measures (S5). Before a panel is seated the duty commissioner decides alone (the
 * 72-hour limit falls long before a panel can be seated); afterwards a panelist proposes and the
 * decision is recorded when a majority of the panel's full size has concurred. The decision
 * takes effect in the same transaction: `restrictions.active` is rebuilt for the members
 * concerned, so membership, identity and elections refuse at once — without learning why. The
 * answer says, per measure, whether and where the platform enforces it (`measureEnforcement`):
 * `no_speaking` binds congress and branch-meeting speakers' lists and the bulletin; `no_recruiting`
 * is recorded but no feature consults it yet.
 */
@Injectable()
export class InterimMeasures {
  constructor(
    private readonly gate: CaseGate,
    private readonly store: CaseStore,
    private readonly content: CaseContentService,
    private readonly records: CaseRecordsRepository,
    private readonly clock: Clock,
  ) {}

  decide(key: string, actor: DisciplineActor, input: InterimInput): Promise<InterimResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const me = actor.memberId;
      if (!me) throw caseNotFound();
      const now = this.clock.now();
      const sealer = await this.content.forCase(tx, c.id);
      const reasons = sealer.seal('interim-reasons', input.reasons, me);
      await sealer.flush(tx);
      const proposal: InterimProposalRow = {
        id: randomUUID(),
        caseId: c.id,
        proposedBy: me,
        proposedAt: now.toISOString(),
        outcome: input.outcome,
        measures: input.measures.map((x) => ({ kind: x.kind, memberId: x.memberId, until: x.until, ...(x.separatedFrom ? { separatedFrom: [...x.separatedFrom] } : {}) })),
        reasonsRef: reasons,
        concurrences: [me],
      };
      if (c.state.panelSeatedAt === null) return this.record(tx, c, actor, proposal, null);
      if (!c.seatedPanel.includes(me)) {
        throw new DomainError('forbidden', 'discipline.interim_decision_not_authorized', 'Only seated panelists decide interim measures.');
      }
      return this.concurOrWait(tx, c, actor, proposal, true);
    });
  }

  concur(key: string, actor: DisciplineActor, proposalId: string): Promise<InterimResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const me = actor.memberId;
      if (!me) throw caseNotFound();
      const proposal = /^[0-9a-f-]{36}$/i.test(proposalId) ? await this.records.openInterimProposal(tx, c.id, proposalId) : null;
      if (!proposal) throw new DomainError('not_found', 'discipline.interim_proposal_not_found', 'There is no open interim-measures proposal with this id in this case.');
      if (!c.seatedPanel.includes(me)) {
        throw new DomainError('forbidden', 'discipline.interim_decision_not_authorized', 'Only seated panelists decide interim measures.');
      }
      if (proposal.concurrences.includes(me)) return this.result(c, null, proposal);
      return this.concurOrWait(tx, c, actor, { ...proposal, concurrences: [...proposal.concurrences, me] }, false);
    });
  }

  private async concurOrWait(tx: Tx, c: Case, actor: DisciplineActor, p: InterimProposalRow, isNew: boolean): Promise<InterimResult> {
    const seated = c.seatedPanel;
    const backing = p.concurrences.filter((m) => seated.includes(m));
    const size = c.state.panel.size ?? seated.length;
    if (2 * backing.length > size) return this.record(tx, c, actor, { ...p, concurrences: backing }, isNew ? null : p.id);
    if (isNew) await this.records.insertInterimProposal(tx, p);
    else await this.records.updateInterimProposal(tx, p.id, p.concurrences, null, null);
    return this.result(c, null, p);
  }

  private async record(tx: Tx, c: Case, actor: DisciplineActor, p: InterimProposalRow, storedProposalId: string | null): Promise<InterimResult> {
    const now = this.clock.now();
    const decisionId = randomUUID();
    const measures: InterimMeasure[] = p.measures.map((x) => ({ ...x }));
    const events = c.recordInterimDecision(
      { decisionId, decidedBy: p.concurrences, outcome: p.outcome, measures, reasons: p.reasonsRef as never },
      now.toISOString(),
    );
    if (storedProposalId) await this.records.updateInterimProposal(tx, storedProposalId, p.concurrences, decisionId, now);
    await this.records.closeInterimProposals(tx, c.id, now);
    await this.store.save(tx, c, events, actor.audit);
    return { reference: c.reference, decisionId, proposalId: null, concurrences: p.concurrences.length, needed: 0, ...enforcementOf(p) };
  }

  private result(c: Case, decisionId: string | null, p: InterimProposalRow): InterimResult {
    const size = c.state.panel.size ?? c.seatedPanel.length;
    return { reference: c.reference, decisionId, proposalId: p.id, concurrences: p.concurrences.length, needed: Math.floor(size / 2) + 1, ...enforcementOf(p) };
  }
}

/** What the platform does with the measures of a decision or proposal (S5): said where they are imposed. */
function enforcementOf(p: InterimProposalRow): Pick<InterimResult, 'enforcement' | 'notEnforced'> {
  const kinds = [...new Set(p.measures.map((x) => x.kind as MeasureKind))];
  return { enforcement: kinds.map(measureEnforcement), notEnforced: unenforcedWarning(kinds) };
}
