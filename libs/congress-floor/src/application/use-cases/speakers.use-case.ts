import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { RestrictionsPort } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { floorError, FloorErrorCode, restrictionRefusal, speakingOrder, speakingTimeSeconds, waitingInOrder, type SpeakingList } from '../../domain';
import { requireChair, requireMember } from '../floor-access';
import { FloorAudit } from '../floor-audit';
import { AccreditedDelegates } from '../ports/accredited-delegates.port';
import { FloorEvents } from '../ports/floor-events.port';
import { FloorRepository, type AgendaItemRecord, type FloorRecord, type SpeakerRecord } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface SpeakersView {
  agendaItemId: string;
  alternation: FloorRecord['orders']['alternation'];
  /** The speaker with the floor now, with the end of their time (the visible clock). */
  speaking: (SpeakerRecord & { secondsLeft: number }) | null;
  /** Waiting, in the order they will be called. */
  waiting: (SpeakerRecord & { firstTime: boolean })[];
  /** Spoken, in the order they spoke. */
  done: SpeakerRecord[];
}

/**
 * Speakers' lists per agenda item. Accredited delegates ask to speak (or a chair puts one on the
 * list); points of order go first; the congress's alternation rule orders the rest; the chair
 * calls the next speaker, who gets the standing orders' time. S5: a delegate under a
 * no-speaking restriction is not added — the check comes after the scope (an accredited delegate
 * of this congress) and answers only the confidential message.
 */
@Injectable()
export class SpeakersUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly delegates: AccreditedDelegates,
    private readonly restrictions: RestrictionsPort,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  private async itemAndFloor(m: Tx, itemId: string, forUpdate = false): Promise<{ item: AgendaItemRecord; f: FloorRecord }> {
    const item = await this.floors.agendaItem(m, itemId, forUpdate);
    if (!item) throw floorError('not_found', FloorErrorCode.agendaItemNotFound, 'No such agenda item.');
    return { item, f: await loadFloor(m, this.floors, item.congressId) };
  }

  /** A delegate asks to speak (`memberId` absent), or a chair puts a delegate on the list. */
  async add(p: Principal, itemId: string, cmd: { memberId?: string | null; list?: SpeakingList | null; pointOfOrder?: boolean }): Promise<SpeakersView> {
    const caller = requireMember(p);
    const congressId = await this.ds.transaction(async (m) => {
      const { item, f } = await this.itemAndFloor(m, itemId, true);
      const memberId = cmd.memberId ?? caller;
      if (memberId !== caller) requireChair(f, p);
      if (!(await this.delegates.isAccredited(item.congressId, memberId, m))) {
        throw floorError('forbidden', FloorErrorCode.notADelegate, memberId === caller ? 'Only delegates accredited to this congress speak on its floor. Present your credential to a returning officer.' : 'This member is not a delegate accredited to this congress.');
      }
      // Scope first (an accredited delegate, added by themself or a chair); the restriction last.
      const restricted = await this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
      if (restricted.some((r) => r.kind === 'no_speaking')) throw restrictionRefusal();
      const pointOfOrder = cmd.pointOfOrder ?? false;
      const current = await this.floors.speakers(m, itemId);
      if (current.some((s) => s.memberId === memberId && s.pointOfOrder === pointOfOrder && (s.state === 'waiting' || s.state === 'speaking'))) {
        throw floorError('conflict', FloorErrorCode.alreadyOnList, pointOfOrder ? 'This point of order is already waiting.' : 'Already on this speakers’ list.');
      }
      const id = randomUUID();
      await this.floors.insertSpeaker(m, { id, agendaItemId: itemId, memberId, list: cmd.list ?? 'open', pointOfOrder });
      await this.audit.record(m, { actorId: caller, action: pointOfOrder ? 'speaker.point-of-order' : 'speaker.added', subjectType: 'speaker', subjectId: id, data: { agendaItemId: itemId, memberId } });
      return item.congressId;
    });
    this.events.publish(congressId, { type: 'speakers', id: itemId });
    return this.view(itemId);
  }

  /** The speaker themself, or a chair, takes a waiting request off the list. */
  async withdraw(p: Principal, speakerId: string): Promise<SpeakersView> {
    const caller = requireMember(p);
    const { congressId, itemId } = await this.ds.transaction(async (m) => {
      const s = await this.floors.speaker(m, speakerId);
      if (!s) throw floorError('not_found', FloorErrorCode.speakerNotFound, 'No such request to speak.');
      const { item, f } = await this.itemAndFloor(m, s.agendaItemId, true);
      if (s.memberId !== caller) requireChair(f, p);
      if (s.state !== 'waiting') throw floorError('conflict', FloorErrorCode.speakerNotFound, 'This request to speak is no longer waiting.');
      await this.floors.updateSpeaker(m, { ...s, state: 'withdrawn', endedAt: this.clock.now().toISOString() });
      await this.audit.record(m, { actorId: caller, action: 'speaker.withdrawn', subjectType: 'speaker', subjectId: s.id, data: { agendaItemId: s.agendaItemId } });
      return { congressId: item.congressId, itemId: s.agendaItemId };
    });
    this.events.publish(congressId, { type: 'speakers', id: itemId });
    return this.view(itemId);
  }

  /** The chair ends the current speech (if any) and gives the floor to the next speaker in order. */
  async next(p: Principal, itemId: string): Promise<SpeakersView> {
    const congressId = await this.ds.transaction(async (m) => {
      const { item, f } = await this.itemAndFloor(m, itemId, true);
      const by = requireChair(f, p);
      const now = this.clock.now();
      for (const s of (await this.floors.speakers(m, itemId)).filter((x) => x.state === 'speaking')) {
        await this.floors.updateSpeaker(m, { ...s, state: 'done', endedAt: now.toISOString() });
      }
      const order = speakingOrder(await this.floors.waitingWithHistory(m, item.congressId, itemId), f.orders.alternation, item.lastList);
      const next = order[0];
      if (!next) {
        await this.audit.record(m, { actorId: by, action: 'speaker.list-finished', subjectType: 'agenda-item', subjectId: itemId });
        return item.congressId;
      }
      const s = (await this.floors.speaker(m, next.id)) as SpeakerRecord;
      const ends = new Date(now.getTime() + speakingTimeSeconds(f.orders.speakingSeconds, s.pointOfOrder) * 1000);
      await this.floors.updateSpeaker(m, { ...s, state: 'speaking', startedAt: now.toISOString(), endsAt: ends.toISOString() });
      if (!s.pointOfOrder) await this.floors.setLastList(m, itemId, s.list);
      await this.audit.record(m, { actorId: by, action: 'speaker.called', subjectType: 'speaker', subjectId: s.id, data: { agendaItemId: itemId, memberId: s.memberId } });
      return item.congressId;
    });
    this.events.publish(congressId, { type: 'speakers', id: itemId });
    return this.view(itemId);
  }

  async view(itemId: string): Promise<SpeakersView> {
    const m = this.ds.manager;
    const { item, f } = await this.itemAndFloor(m, itemId);
    const all = await this.floors.speakers(m, itemId);
    const order = speakingOrder(await this.floors.waitingWithHistory(m, item.congressId, itemId), f.orders.alternation, item.lastList);
    const speaking = all.find((s) => s.state === 'speaking') ?? null;
    const now = this.clock.now().getTime();
    return {
      agendaItemId: itemId,
      alternation: f.orders.alternation,
      speaking: speaking ? { ...speaking, secondsLeft: Math.max(0, Math.round((new Date(speaking.endsAt as string).getTime() - now) / 1000)) } : null,
      waiting: waitingInOrder(all, order),
      done: all.filter((s) => s.state === 'done').sort((a, b) => (a.startedAt as string).localeCompare(b.startedAt as string) || a.seq - b.seq),
    };
  }
}
