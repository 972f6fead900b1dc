import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import type { Tx } from '@org/kernel';
import { Clock } from '@org/platform';
import { checkStandingOrders, floorError, FloorErrorCode, type StandingOrders } from '../../domain';
import { requireChair, requireReturningOfficer } from '../floor-access';
import { FloorAudit } from '../floor-audit';
import { AccreditedDelegates } from '../ports/accredited-delegates.port';
import { FloorEvents, type FloorEvent } from '../ports/floor-events.port';
import { FloorRepository, type AgendaItemRecord, type FloorRecord } from '../ports/floor.repository';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface FloorView {
  floor: FloorRecord;
  agenda: AgendaItemRecord[];
}

/** Loads the congress's floor, or says that it is not open (or that there is no such congress). */
export async function loadFloor(tx: Tx, floors: FloorRepository, congressId: string, forUpdate = false): Promise<FloorRecord> {
  const f = await floors.floor(tx, congressId, forUpdate);
  if (!f) throw floorError('not_found', FloorErrorCode.floorNotOpen, 'This congress has no floor open (a returning officer opens it with its standing orders: POST /congresses/:id/floor).');
  return f;
}

/**
 * The floor of a congress: opened by a returning officer with the standing orders the congress
 * adopted and its officers (chairs, standing orders committee); the chairs set the agenda.
 */
@Injectable()
export class FloorUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly delegates: AccreditedDelegates,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  async open(p: Principal, congressId: string, cmd: { orders: StandingOrders; chairs: string[]; standingOrdersCommittee: string[] }): Promise<FloorView> {
    const by = requireReturningOfficer(p);
    await this.ds.transaction(async (m) => {
      if (!(await this.delegates.congressExists(congressId, m))) throw floorError('not_found', FloorErrorCode.congressNotFound, 'No such congress.');
      if (await this.floors.floor(m, congressId)) throw floorError('conflict', FloorErrorCode.floorAlreadyOpen, 'The floor of this congress is already open.');
      const f: FloorRecord = {
        congressId,
        orders: checkStandingOrders(cmd.orders),
        chairs: [...new Set(cmd.chairs)],
        standingOrdersCommittee: [...new Set(cmd.standingOrdersCommittee)],
        openedBy: by,
        openedAt: this.clock.now().toISOString(),
      };
      await this.floors.insertFloor(m, f);
      await this.audit.record(m, { actorId: by, action: 'floor.opened', subjectType: 'floor', subjectId: congressId, data: { ...f.orders, chairs: f.chairs.length, standingOrdersCommittee: f.standingOrdersCommittee.length } });
    });
    return this.view(congressId);
  }

  async addAgendaItem(
    p: Principal,
    congressId: string,
    cmd: { title: string; kind: AgendaItemRecord['kind']; reportText?: string | null; presentedBy?: string | null; startsAt: string; minutes: number },
  ): Promise<AgendaItemRecord> {
    const item = await this.ds.transaction(async (m) => {
      const f = await loadFloor(m, this.floors, congressId, true);
      const by = requireChair(f, p);
      const agenda = await this.floors.agenda(m, congressId);
      const item: AgendaItemRecord = {
        id: randomUUID(),
        congressId,
        position: agenda.reduce((n, i) => Math.max(n, i.position), 0) + 1,
        title: cmd.title.trim(),
        kind: cmd.kind,
        reportText: cmd.reportText ?? null,
        presentedBy: cmd.presentedBy ?? null,
        startsAt: new Date(cmd.startsAt).toISOString(),
        minutes: cmd.minutes,
        lastList: null,
      };
      await this.floors.insertAgendaItem(m, item);
      await this.audit.record(m, { actorId: by, action: 'agenda-item.added', subjectType: 'agenda-item', subjectId: item.id, data: { congressId, position: item.position, kind: item.kind } });
      return item;
    });
    this.events.publish(congressId, { type: 'agenda', id: item.id });
    return item;
  }

  /** Follows the floor (after checking it is open): the projector's and delegates' screens. */
  async follow(congressId: string, listener: (e: FloorEvent) => void): Promise<() => void> {
    await loadFloor(this.ds.manager, this.floors, congressId);
    return this.events.follow(congressId, listener);
  }

  async view(congressId: string): Promise<FloorView> {
    const m = this.ds.manager;
    const floor = await loadFloor(m, this.floors, congressId);
    return { floor, agenda: await this.floors.agenda(m, congressId) };
  }
}
