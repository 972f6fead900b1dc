import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import { checkAmendmentToAmendment, checkLineChange, fallingWithParent, floorError, FloorErrorCode, type AmendmentSnapshot, type LineChange } from '../../domain';
import { requireChair, requireMember } from '../floor-access';
import { FloorAudit } from '../floor-audit';
import { FloorEvents } from '../ports/floor-events.port';
import { FloorRepository } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { MotionsUseCase, type MotionView } from './motions.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

/**
 * Line-based amendments to an admitted motion, moved by a member while the motion is admitted or
 * in debate (until its own vote opens); withdrawn by their mover (or ruled out by a chair) before
 * their vote. Shown as a diff against the motion (`MotionView.amendments[].diff`). An amendment to
 * a pending amendment names lines of that amendment's text, is voted before it, and falls with it
 * if it is withdrawn or falls.
 */
@Injectable()
export class AmendmentsUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly motions: MotionsUseCase,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  async move(p: Principal, motionId: string, change: LineChange): Promise<MotionView> {
    return this.moveTo(p, motionId, null, change);
  }

  /** An amendment to a pending amendment to the motion (one level). */
  async moveToAmendment(p: Principal, amendmentId: string, change: LineChange): Promise<MotionView> {
    const parent = await this.floors.amendment(this.ds.manager, amendmentId);
    if (!parent) throw floorError('not_found', FloorErrorCode.amendmentNotFound, 'No such amendment.');
    return this.moveTo(p, parent.motionId, amendmentId, change);
  }

  private async moveTo(p: Principal, motionId: string, amends: string | null, change: LineChange): Promise<MotionView> {
    const memberId = requireMember(p);
    const { congressId, id } = await this.ds.transaction(async (m) => {
      const motion = await this.floors.motion(m, motionId, true);
      if (!motion) throw floorError('not_found', FloorErrorCode.motionNotFound, 'No such motion.');
      await loadFloor(m, this.floors, motion.congressId);
      if (motion.stage !== 'admitted' && motion.stage !== 'debated') {
        throw floorError('conflict', FloorErrorCode.motionWrongStage, `This motion is ${motion.stage}: amendments are moved to an admitted motion, until its vote opens.`, { stage: motion.stage });
      }
      const existing = await this.floors.amendments(m, [motionId]);
      const parent = amends ? existing.find((x) => x.id === amends) : null;
      const checked = parent ? checkAmendmentToAmendment(parent, change) : checkLineChange(motion.text, change);
      const a: AmendmentSnapshot = { id: randomUUID(), motionId, amends, number: existing.length + 1, ...checked, movedBy: memberId, stage: 'submitted', submittedAt: this.clock.now().toISOString() };
      await this.floors.insertAmendment(m, a);
      await this.audit.record(m, { actorId: memberId, action: 'amendment.moved', subjectType: 'amendment', subjectId: a.id, data: { motionId, amends, number: a.number, fromLine: a.fromLine, toLine: a.toLine } });
      return { congressId: motion.congressId, id: a.id };
    });
    this.events.publish(congressId, { type: 'amendment', id });
    return this.motions.get(motionId);
  }

  async withdraw(p: Principal, amendmentId: string): Promise<MotionView> {
    const memberId = requireMember(p);
    const { congressId, motionId } = await this.ds.transaction(async (m) => {
      const a = await this.floors.amendment(m, amendmentId, true);
      if (!a) throw floorError('not_found', FloorErrorCode.amendmentNotFound, 'No such amendment.');
      const motion = await this.floors.motion(m, a.motionId);
      const f = await loadFloor(m, this.floors, (motion as { congressId: string }).congressId);
      if (a.movedBy !== memberId) requireChair(f, p);
      if (a.stage !== 'submitted') throw floorError('conflict', FloorErrorCode.amendmentWrongStage, `This amendment is ${a.stage}; it can no longer be withdrawn.`);
      await this.floors.setAmendmentStage(m, [a.id], 'withdrawn');
      // Its own amendments waiting for their vote fall with it.
      const fallen = fallingWithParent(a.id, await this.floors.amendments(m, [a.motionId]));
      if (fallen.length) await this.floors.setAmendmentStage(m, fallen, 'fallen');
      await this.audit.record(m, { actorId: memberId, action: 'amendment.withdrawn', subjectType: 'amendment', subjectId: a.id, data: { motionId: a.motionId } });
      return { congressId: f.congressId, motionId: a.motionId };
    });
    this.events.publish(congressId, { type: 'amendment', id: amendmentId });
    return this.motions.get(motionId);
  }
}
