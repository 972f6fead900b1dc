import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import { Composite, floorError, FloorErrorCode, Motion, shownComposite, type Actor, type CompositeSnapshot, type MotionSnapshot } from '../../domain';
import { requireMember, requireStandingOrdersCommittee } from '../floor-access';
import { moverOf } from '../movers';
import { FloorAudit } from '../floor-audit';
import { CaucusMotions } from '../ports/caucus-motions.port';
import { FloorEvents } from '../ports/floor-events.port';
import { FloorRepository } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

/**
 * Compositing similar motions: the standing orders committee proposes a composite text over
 * admitted motions; each original's mover consents or refuses for their motion; when all have
 * consented, in the same transaction as the last consent, the composite motion is admitted and
 * the originals become `composited` (naming it). A refusal leaves the originals as they were.
 */
@Injectable()
export class CompositesUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly caucuses: CaucusMotions,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  async propose(p: Principal, congressId: string, cmd: { title: string; text: string; motionIds: string[] }): Promise<CompositeSnapshot> {
    const id = await this.ds.transaction(async (m) => {
      const f = await loadFloor(m, this.floors, congressId, true);
      const by = requireStandingOrdersCommittee(f, p);
      const originals: MotionSnapshot[] = [];
      for (const motionId of [...new Set(cmd.motionIds)].sort()) {
        const s = await this.floors.motion(m, motionId, true);
        if (!s || s.congressId !== congressId) throw floorError('not_found', FloorErrorCode.motionNotFound, 'A motion named is not a motion of this congress.', { motionId });
        originals.push(s);
      }
      const c = Composite.propose(
        { id: randomUUID(), congressId, title: cmd.title, text: cmd.text, proposedBy: by, originals, pending: await this.floors.motionsInPendingComposites(m, congressId) },
        this.clock.now(),
      ).toSnapshot();
      await this.floors.insertComposite(m, c);
      await this.audit.record(m, { actorId: by, action: 'composite.proposed', subjectType: 'composite', subjectId: c.id, data: { congressId, motions: c.originals.map((o) => o.number) } });
      return c.id;
    });
    this.events.publish(congressId, { type: 'composite', id });
    return this.get(id);
  }

  /** The mover of one original consents or refuses. A caucus's mover is asked of the caucuses context before the transaction. */
  async answer(p: Principal, compositeId: string, cmd: { motionId: string; consent: boolean }): Promise<CompositeSnapshot> {
    const { before, actor } = await this.moverFor(p, compositeId, cmd.motionId);
    const memberId = actor.memberId;
    const { state, motionId } = await this.ds.transaction(async (m) => {
      const s = await this.floors.composite(m, compositeId, true);
      if (!s) throw floorError('not_found', FloorErrorCode.compositeNotFound, 'No such composite.');
      const c = Composite.fromSnapshot(s);
      const now = this.clock.now();
      const state = c.answer(cmd.motionId, actor, cmd.consent, now);
      let motionId: string | null = null;
      if (state === 'agreed') {
        const originals = await Promise.all(s.originals.map(async (o) => this.floors.motion(m, o.motionId, true)));
        const composite = c.agreedMotion({ id: randomUUID(), number: await this.floors.takeMotionNumber(m, s.congressId), agendaItemId: originals.find((o) => o?.agendaItemId)?.agendaItemId ?? null }, now);
        await this.floors.insertMotion(m, composite);
        for (const o of originals) {
          const motion = Motion.fromSnapshot(o as MotionSnapshot);
          motion.compositeInto(composite.id);
          await this.floors.updateMotion(m, motion.toSnapshot());
        }
        motionId = composite.id;
      }
      await this.floors.updateComposite(m, c.toSnapshot());
      await this.audit.record(m, {
        actorId: memberId,
        action: cmd.consent ? 'composite.consented' : 'composite.refused',
        subjectType: 'composite',
        subjectId: compositeId,
        data: { congressId: s.congressId, motionId: cmd.motionId, state, compositeMotionId: motionId },
      });
      return { state, motionId };
    });
    this.events.publish(before.congressId, { type: 'composite', id: compositeId });
    if (state === 'agreed' && motionId) this.events.publish(before.congressId, { type: 'motion', id: motionId });
    return this.get(compositeId);
  }

  /** The composite as it stands and the mover answering for one of its originals, found before the transaction (`moverOf`). */
  private async moverFor(p: Principal, compositeId: string, motionId: string): Promise<{ before: CompositeSnapshot; actor: Actor }> {
    requireMember(p);
    const before = await this.floors.composite(this.ds.manager, compositeId);
    if (!before) throw floorError('not_found', FloorErrorCode.compositeNotFound, 'No such composite.');
    const actor = await moverOf(p, this.caucuses, [before.originals.find((o) => o.motionId === motionId)?.submitter]);
    return { before, actor };
  }

  /**
   * The mover of one original consents to withdrawing the agreed composite motion; the last
   * mover's consent withdraws it, in the same transaction. Nobody else withdraws it.
   */
  async withdraw(p: Principal, compositeId: string, cmd: { motionId: string }): Promise<CompositeSnapshot> {
    const { before, actor } = await this.moverFor(p, compositeId, cmd.motionId);
    const state = await this.ds.transaction(async (m) => {
      const s = await this.floors.composite(m, compositeId, true);
      if (!s) throw floorError('not_found', FloorErrorCode.compositeNotFound, 'No such composite.');
      const c = Composite.fromSnapshot(s);
      const ms = s.motionId ? await this.floors.motion(m, s.motionId, true) : null;
      const motion = ms ? Motion.fromSnapshot(ms) : null;
      const state = c.consentToWithdraw(cmd.motionId, actor, { motionWithdrawable: motion?.withdrawable ?? false }, this.clock.now());
      if (state === 'withdrawn' && motion) {
        motion.withdrawJointly();
        await this.floors.updateMotion(m, motion.toSnapshot());
        await this.audit.record(m, { actorId: actor.memberId, action: 'motion.withdrawn', subjectType: 'motion', subjectId: motion.toSnapshot().id, data: { congressId: s.congressId, stage: 'withdrawn', jointly: true } });
      }
      await this.floors.updateComposite(m, c.toSnapshot());
      await this.audit.record(m, { actorId: actor.memberId, action: 'composite.withdrawal-consented', subjectType: 'composite', subjectId: compositeId, data: { congressId: s.congressId, motionId: cmd.motionId, state } });
      return state;
    });
    this.events.publish(before.congressId, { type: 'composite', id: compositeId });
    if (state === 'withdrawn' && before.motionId) this.events.publish(before.congressId, { type: 'motion', id: before.motionId });
    return this.get(compositeId);
  }

  async get(id: string): Promise<CompositeSnapshot> {
    const c = await this.floors.composite(this.ds.manager, id);
    if (!c) throw floorError('not_found', FloorErrorCode.compositeNotFound, 'No such composite.');
    return shownComposite(c);
  }

  async list(congressId: string): Promise<CompositeSnapshot[]> {
    await loadFloor(this.ds.manager, this.floors, congressId);
    return (await this.floors.composites(this.ds.manager, congressId)).map(shownComposite);
  }
}
