import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { Outbox } from '@org/notifications';
import { respondentInformed, type CaseEvent, type CaseSnapshot } from '../../domain';

export type CaseRecipient = { memberId: string } | { email: string };

/**
 * The one notifier of the context. Tells people that something changed in a case they have a
 * role in — through the outbox's `case-update` type, which carries nothing (no case, no
 * reference, no text): "there is something new in your case, sign in", in the transaction of the
 * change (S11). For the case's own life cycle, recipients are decided here from the events and
 * the case's state, and a commissioner the recusal found conflicted is never among them (S3);
 * the proceedings name the people themselves (`notifyPeople`: member ids or `email:<address>`).
 */
@Injectable()
export class CaseNotifier {
  constructor(private readonly outbox: Outbox) {}

  /** Who should hear of these events (never the person who caused them). */
  recipients(s: CaseSnapshot, events: readonly CaseEvent[], actorMemberId: string | null, extra: readonly string[] = []): CaseRecipient[] {
    // Commission side (filtered by recusal) and parties' side, kept apart: a party who also
    // sits on the commission is conflicted in their own case, and still hears of it as a party.
    const members = new Set<string>(extra);
    const parties = new Set<string>();
    let complainant = false;
    const panel = s.panel.seats.map((x) => x.memberId);
    const handlers = panel.length > 0 ? panel : s.dutyCommissionerId ? [s.dutyCommissionerId] : [];
    const informed = respondentInformed(s);
    const respondents = s.respondents.flatMap((p) => (p.kind === 'member' ? [p.memberId] : []));
    const witnesses = s.witnesses.flatMap((p) => (p.kind === 'member' ? [p.memberId] : []));
    const add = (ids: readonly string[]) => ids.forEach((id) => members.add(id));
    for (const e of events) {
      switch (e.type) {
        case 'DutyCommissionerAssigned':
          members.add(e.commissionerId);
          break;
        case 'CaseTriaged':
        case 'CaseClosedRecordOnly':
        case 'InformalResolutionProposed':
          complainant = true;
          break;
        case 'AdHocPanelRequested':
          // The Appeals Committee members cleared for this case form the ad-hoc panel.
          add((s.recusal?.eligible ?? []).filter((x) => x.seat === 'appeals_member').map((x) => x.memberId));
          complainant = true;
          break;
        case 'PathChanged':
        case 'ParticipantAdded':
        case 'CaseReopened':
          add(handlers);
          break;
        case 'PanelDrawn':
          add(e.seats);
          complainant = true;
          break;
        case 'PanelistSeated':
          members.add(e.memberId);
          break;
        case 'PanelSeatVacated':
          add(panel);
          complainant = true;
          if (informed) respondents.forEach((id) => parties.add(id));
          break;
        case 'PanelistChallenged':
          add(e.deciders);
          break;
        case 'ChallengeDecided':
          add(panel);
          complainant = true;
          if (informed) respondents.forEach((id) => parties.add(id));
          break;
        case 'InvestigationBegun':
          e.respondentsNotified.forEach((id) => parties.add(id));
          witnesses.forEach((id) => parties.add(id));
          complainant = true;
          break;
        case 'InterimDecisionRecorded':
        case 'InterimMeasuresEnded':
          complainant = true;
          add(panel);
          if (informed) respondents.forEach((id) => parties.add(id));
          break;
        case 'CaseWithdrawn':
        case 'CaseResolvedInformally':
        case 'CaseStageAdvanced':
          add(handlers);
          complainant = true;
          if (informed) respondents.forEach((id) => parties.add(id));
          break;
        case 'DeadlineEscalated':
          add(e.recipients);
          break;
        default:
          break;
      }
    }
    const c = s.complainant;
    if (complainant && c.kind !== 'non_member') parties.add(c.memberId);
    for (const id of s.recusal?.conflicted ?? []) members.delete(id);
    for (const id of parties) members.add(id);
    if (actorMemberId) members.delete(actorMemberId);
    const out: CaseRecipient[] = [...members].sort().map((memberId) => ({ memberId }));
    if (complainant && c.kind === 'non_member') out.push({ email: c.email });
    return out;
  }

  async notify(m: Tx, recipients: readonly CaseRecipient[]): Promise<number> {
    let n = 0;
    for (const recipient of recipients) {
      await this.outbox.enqueue(m, { type: 'case-update', recipient, essential: true, data: {} });
      n++;
    }
    return n;
  }

  /** Tells each person (a member id, or `email:<address>` for a non-member) once, whatever the list's repeats. */
  async notifyPeople(m: Tx, personIds: readonly string[], options: { dedupeKey?: (personId: string) => string } = {}): Promise<void> {
    for (const id of [...new Set(personIds)]) {
      const recipient = id.startsWith('email:') ? { email: id.slice('email:'.length) } : { memberId: id };
      await this.outbox.enqueue(m, { type: 'case-update', recipient, essential: true, data: {}, ...(options.dedupeKey ? { dedupeKey: options.dedupeKey(id) } : {}) });
    }
  }
}
