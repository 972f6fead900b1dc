import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock, type Tx } from '@org/platform';
import { asAmended, diffAgainst, floorError, FloorErrorCode, Motion, shownActor, type Actor, type AmendmentSnapshot, type DiffLine, type MotionSnapshot, type Submitter } from '../../domain';
import { requireChair, requireMember, requireStandingOrdersCommittee } from '../floor-access';
import { moverOf } from '../movers';
import { FloorAudit } from '../floor-audit';
import { CaucusMotions } from '../ports/caucus-motions.port';
import { FloorEvents } from '../ports/floor-events.port';
import { FloorRepository, type VoteRecord } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface AmendmentView extends AmendmentSnapshot {
  /** Against the motion (an amendment to an amendment: against that amendment's text as moved). */
  diff: DiffLine[];
  /** Its text with its carried amendments applied: what it puts into the motion if carried. */
  textAsAmended: string;
}

export interface MotionView extends Omit<MotionSnapshot, 'submittedBy'> {
  /** The member who submitted it; null for a caucus's motion (`shownActor`: a caucus's roster is sealed). */
  submittedBy: string | null;
  secondersMissing: number;
  /** A composite motion: the motions it replaced and their movers, each of whom consented (null otherwise). */
  compositeOf: { motionId: string; number: number; submitter: Submitter }[] | null;
  amendments: AmendmentView[];
  votes: VoteRecord[];
}

/**
 * Motions (submitted → admitted/refused → debated → voting → carried/lost, or referred or
 * withdrawn): submitted by a member, a branch, the executive or a caucus before the deadline;
 * only whoever submitted one edits or withdraws it; the standing orders committee admits or
 * refuses it (a refusal's reason is published with it); the chair opens its debate or refers it.
 */
@Injectable()
export class MotionsUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly caucuses: CaucusMotions,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  /** The mover acting on an existing motion (its submitter never changes), found outside the transaction (`moverOf`). */
  private async moverForMotion(p: Principal, motionId: string): Promise<Actor> {
    const s = await this.floors.motion(this.ds.manager, motionId);
    return moverOf(p, this.caucuses, [s?.submitter]);
  }

  /**
   * Before the deadline, an ordinary motion; after it, only an emergency motion (`emergency.reason`:
   * what happened after the deadline), which the standing orders committee then admits or refuses.
   */
  async submit(
    p: Principal,
    congressId: string,
    cmd: { title: string; text: string; submitter: { kind: Submitter['kind']; ref?: string | null }; agendaItemId?: string | null; emergency?: { reason: string } | null },
  ): Promise<MotionView> {
    const submitter: Submitter = { kind: cmd.submitter.kind, ref: cmd.submitter.kind === 'executive' ? null : cmd.submitter.kind === 'member' ? (cmd.submitter.ref ?? p.memberId) : (cmd.submitter.ref ?? null) };
    const actor = await moverOf(p, this.caucuses, [submitter]);
    const id = await this.ds.transaction(async (m) => {
      const f = await loadFloor(m, this.floors, congressId);
      if (cmd.agendaItemId) await this.item(m, congressId, cmd.agendaItemId);
      const motion = Motion.submit(
        { id: randomUUID(), congressId, agendaItemId: cmd.agendaItemId ?? null, number: 0, title: cmd.title, text: cmd.text, submitter, actor, emergencyReason: cmd.emergency?.reason ?? null },
        f.orders,
        this.clock.now(),
      ).toSnapshot();
      motion.number = await this.floors.takeMotionNumber(m, congressId);
      await this.floors.insertMotion(m, motion);
      await this.audit.record(m, {
        actorId: actor.memberId,
        action: 'motion.submitted',
        subjectType: 'motion',
        subjectId: motion.id,
        data: { congressId, number: motion.number, submitter: submitter.kind, emergency: motion.emergencyReason !== null },
      });
      return motion.id;
    });
    return this.changed(congressId, id);
  }

  private async item(m: Tx, congressId: string, itemId: string) {
    const item = await this.floors.agendaItem(m, itemId);
    if (!item || item.congressId !== congressId) throw floorError('not_found', FloorErrorCode.agendaItemNotFound, 'No such agenda item at this congress.');
    return item;
  }

  /** Loads, applies `change` as the domain allows, saves and audits, in one transaction. */
  private async change(p: Principal, motionId: string, action: string, change: (motion: Motion, ctx: { m: Tx; f: Awaited<ReturnType<typeof loadFloor>>; now: Date }) => Promise<string> | string): Promise<MotionView> {
    const congressId = await this.ds.transaction(async (m) => {
      const s = await this.floors.motion(m, motionId, true);
      if (!s) throw floorError('not_found', FloorErrorCode.motionNotFound, 'No such motion.');
      const f = await loadFloor(m, this.floors, s.congressId);
      const motion = Motion.fromSnapshot(s);
      const actorId = await change(motion, { m, f, now: this.clock.now() });
      const after = motion.toSnapshot();
      await this.floors.updateMotion(m, after);
      await this.audit.record(m, { actorId, action, subjectType: 'motion', subjectId: motionId, data: { congressId: s.congressId, stage: after.stage } });
      return s.congressId;
    });
    return this.changed(congressId, motionId);
  }

  async edit(p: Principal, motionId: string, cmd: { title?: string; text?: string }): Promise<MotionView> {
    const actor = await this.moverForMotion(p, motionId);
    return this.change(p, motionId, 'motion.edited', (motion, { f, now }) => {
      motion.edit(actor, cmd, f.orders, now);
      return actor.memberId;
    });
  }

  async withdraw(p: Principal, motionId: string): Promise<MotionView> {
    const actor = await this.moverForMotion(p, motionId);
    return this.change(p, motionId, 'motion.withdrawn', (motion) => {
      motion.withdraw(actor);
      return actor.memberId;
    });
  }

  second(p: Principal, motionId: string): Promise<MotionView> {
    return this.change(p, motionId, 'motion.seconded', (motion, { f, now }) => {
      const memberId = requireMember(p);
      motion.second(memberId, f.orders, now);
      return memberId;
    });
  }

  /** Admitted by the standing orders committee; an emergency motion with the committee's reason, published with it. */
  admit(p: Principal, motionId: string, cmd: { agendaItemId?: string | null; reason?: string | null }): Promise<MotionView> {
    return this.change(p, motionId, 'motion.admitted', async (motion, { m, f }) => {
      const by = requireStandingOrdersCommittee(f, p);
      if (cmd.agendaItemId) await this.item(m, f.congressId, cmd.agendaItemId);
      motion.admit(f.orders, cmd.agendaItemId ?? null, cmd.reason ?? null);
      return by;
    });
  }

  refuse(p: Principal, motionId: string, cmd: { reason: string }): Promise<MotionView> {
    return this.change(p, motionId, 'motion.refused', (motion, { f }) => {
      const by = requireStandingOrdersCommittee(f, p);
      motion.refuse(cmd.reason);
      return by;
    });
  }

  debate(p: Principal, motionId: string): Promise<MotionView> {
    return this.change(p, motionId, 'motion.debate-opened', (motion, { f }) => {
      const by = requireChair(f, p);
      motion.debate();
      return by;
    });
  }

  refer(p: Principal, motionId: string): Promise<MotionView> {
    return this.change(p, motionId, 'motion.referred', (motion, { f, now }) => {
      const by = requireChair(f, p);
      motion.refer(now);
      return by;
    });
  }

  private async changed(congressId: string, motionId: string): Promise<MotionView> {
    this.events.publish(congressId, { type: 'motion', id: motionId });
    return this.get(motionId);
  }

  async get(motionId: string): Promise<MotionView> {
    const m = this.ds.manager;
    const s = await this.floors.motion(m, motionId);
    if (!s) throw floorError('not_found', FloorErrorCode.motionNotFound, 'No such motion.');
    return (await this.views(m, [s]))[0];
  }

  async list(congressId: string): Promise<MotionView[]> {
    const m = this.ds.manager;
    await loadFloor(m, this.floors, congressId);
    return this.views(m, await this.floors.motions(m, congressId));
  }

  private async views(m: Tx, motions: MotionSnapshot[]): Promise<MotionView[]> {
    if (motions.length === 0) return [];
    const f = await loadFloor(m, this.floors, motions[0].congressId);
    const ids = motions.map((x) => x.id);
    const amendments = await this.floors.amendments(m, ids);
    const votes = await this.floors.votesOfMotions(m, ids);
    const composites = new Map<string, { motionId: string; number: number; submitter: Submitter }[]>();
    for (const s of motions) {
      if (s.submitter.kind !== 'composite' || !s.submitter.ref) continue;
      const c = await this.floors.composite(m, s.submitter.ref);
      if (c) composites.set(s.id, c.originals.map((o) => ({ motionId: o.motionId, number: o.number, submitter: o.submitter })));
    }
    return motions.map((s) => ({
      ...s,
      submittedBy: shownActor(s.submitter, s.submittedBy),
      compositeOf: composites.get(s.id) ?? null,
      secondersMissing: Motion.fromSnapshot(s).secondersMissing(f.orders),
      amendments: amendments
        .filter((a) => a.motionId === s.id)
        .map((a) => {
          const parent = a.amends ? amendments.find((x) => x.id === a.amends) : null;
          return { ...a, diff: diffAgainst(parent ? parent.text : s.text, a), textAsAmended: asAmended(a, amendments).text };
        }),
      votes: votes.filter((v) => v.motionId === s.id),
    }));
  }
}
