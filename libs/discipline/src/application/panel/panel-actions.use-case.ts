import { Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import { AdHocPanelAppointment, caseError, CaseErrorCode, caseNotFound, type CaseEvent } from '../../domain';
import { CaseRecordsRepository } from '../ports/case-records.repository';
import { RecusalFacts } from '../ports/recusal-facts.port';
import { CaseGate } from '../access/case-gate.service';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseContentService } from '../case-content/case-content.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';

/**
 * What the seated panel does before its findings — begin its work (from then on the respondents and
 * witnesses are told of the case), put informal terms to a complainant who chose that path — and
 * how the Appeals Committee fills the seats a draw could not (S3): its members cleared for the
 * case nominate and back eligible members; a nominee is assessed by the same recusal engine
 * (seat `ad_hoc`), must hold no EC, CC, Appeals or staff seat, and is appointed by a majority of
 * the cleared committee. When every missing seat is filled the panel is seated.
 */
@Injectable()
export class PanelActions {
  constructor(
    private readonly gate: CaseGate,
    private readonly store: CaseStore,
    private readonly content: CaseContentService,
    private readonly recompute: RecomputeRecusal,
    private readonly records: CaseRecordsRepository,
    private readonly facts: RecusalFacts,
    private readonly clock: Clock,
  ) {}

  beginInvestigation(key: string, actor: DisciplineActor): Promise<{ reference: string; stage: string }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const events = c.beginInvestigation(actor.memberId ?? '', this.clock.now().toISOString());
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage };
    });
  }

  proposeInformalResolution(key: string, actor: DisciplineActor, terms: string): Promise<{ reference: string; stage: string }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const sealer = await this.content.forCase(tx, c.id);
      const events = c.proposeInformalResolution(actor.caseActor, sealer.seal('informal-terms', terms, actor.memberId), this.clock.now().toISOString());
      await sealer.flush(tx);
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage };
    });
  }

  nominateAdHocPanelist(key: string, actor: DisciplineActor, nomineeId: string): Promise<{ reference: string; stage: string; appointed: string[]; seatsStillToFill: number }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const me = actor.memberId;
      if (!me) throw caseNotFound();
      const now = this.clock.now();
      if (c.state.panel.adHocSeatsRequested === 0) {
        throw caseError('conflict', CaseErrorCode.NoVacantSeat, 'No ad-hoc seat is waiting to be filled in this case.');
      }
      const committee = (c.state.recusal?.eligible ?? []).filter((e) => e.seat === 'appeals_member').map((e) => e.memberId);
      if (!committee.includes(me)) {
        throw caseError('forbidden', CaseErrorCode.AdHocNotCommitteeMember, 'Only members of the Appeals Committee cleared for this case take part in an ad-hoc appointment.');
      }
      const existing = await this.records.adHocAppointment(tx, c.id);
      const appointment =
        existing && existing.seatsToFill === c.state.panel.adHocSeatsRequested
          ? AdHocPanelAppointment.fromSnapshot(existing)
          : AdHocPanelAppointment.open({ caseId: c.id, seatsToFill: c.state.panel.adHocSeatsRequested, committee, at: now.toISOString() });
      const assessed = await this.recompute.run(tx, c, now, 'ad_hoc_nomination', [nomineeId]);
      const events: CaseEvent[] = [...assessed.events];
      appointment.nominate(me, nomineeId, { recusal: assessed.outcome, mandates: await this.facts.mandates(tx, [nomineeId]) }, now.toISOString());
      if (appointment.isComplete) events.push(...c.seatAdHocAppointees(appointment.toSnapshot(), now.toISOString()));
      await this.records.saveAdHocAppointment(tx, appointment.toSnapshot());
      await this.store.save(tx, c, events, actor.audit, appointment.isComplete ? [...appointment.appointees] : []);
      return { reference: c.reference, stage: c.stage, appointed: [...appointment.appointees], seatsStillToFill: c.state.panel.adHocSeatsRequested };
    });
  }
}
