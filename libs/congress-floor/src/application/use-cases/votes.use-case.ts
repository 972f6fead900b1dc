import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { RestrictionsPort } from '@org/kernel';
import { Clock } from '@org/platform';
import { byDelegation, cardWeight, checkQuorum, fallingAfter, fallingWithParent, floorError, FloorErrorCode, isCarried, Motion, motionAsAmended, restrictionRefusal, waitingAmendmentsTo, type Answer, type Card, type Tally } from '../../domain';
import { requireChair, requireMember } from '../floor-access';
import { FloorAudit } from '../floor-audit';
import { AccreditedDelegates } from '../ports/accredited-delegates.port';
import { FloorEvents, type FloorEvent } from '../ports/floor-events.port';
import { FloorRepository, type VoteRecord } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface VoteView extends VoteRecord {
  voted: number;
  /** Open and card votes: each delegate's answer, published. Secret votes: null. */
  cards: { memberId: string; answer: Answer }[] | null;
  /** Card votes: every card with its delegation and weight, published with the result (null otherwise). */
  cardVote: Card[] | null;
  /** Card votes: each delegation's cards summed (null otherwise). */
  delegations: ({ delegation: string; cards: number } & Tally)[] | null;
}

const tallyOf = (v: VoteRecord, voted: number): FloorEvent['tally'] => ({ yes: v.yes, no: v.no, abstain: v.abstain, voted, electorate: v.electorate, closed: v.closedAt !== null, carried: v.carried });

/**
 * Votes of the accredited delegates on an amendment or a motion, one at a time per congress,
 * opened and closed by a chair, open or secret as the standing orders say. An amendment's vote
 * comes first; when it is carried, waiting amendments to the same lines fall. The motion's vote
 * opens once no amendment waits; at its close the motion as amended is produced from the
 * carried amendments.
 */
@Injectable()
export class VotesUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly delegates: AccreditedDelegates,
    private readonly restrictions: RestrictionsPort,
    private readonly audit: FloorAudit,
    private readonly events: FloorEvents,
    private readonly clock: Clock,
  ) {}

  async open(p: Principal, motionId: string, cmd: { amendmentId?: string | null }): Promise<VoteView> {
    const v = await this.ds.transaction(async (m) => {
      const s = await this.floors.motion(m, motionId, true);
      if (!s) throw floorError('not_found', FloorErrorCode.motionNotFound, 'No such motion.');
      const f = await loadFloor(m, this.floors, s.congressId, true);
      const by = requireChair(f, p);
      // An admitted emergency motion: the congress votes on accepting it onto the agenda, not on its text.
      const acceptance = s.stage === 'awaiting-acceptance';
      if (acceptance && cmd.amendmentId) throw floorError('conflict', FloorErrorCode.motionWrongStage, 'This emergency motion is not on the agenda yet: the congress first votes on accepting it, and only then on amendments.', { stage: s.stage });
      if (!acceptance && s.stage !== 'debated') {
        throw floorError('conflict', FloorErrorCode.motionWrongStage, `This motion is ${s.stage}: votes are taken on a motion in debate (or, for an admitted emergency motion, on accepting it onto the agenda).`, { stage: s.stage });
      }
      const amendments = await this.floors.amendments(m, [motionId]);
      if (amendments.some((a) => a.stage === 'voting')) throw floorError('conflict', FloorErrorCode.voteOpenAlready, 'A vote on this motion is already open; close it first.');
      if (acceptance) {
        // The motion stays awaiting acceptance until the vote closes; one vote at a time per congress (below).
      } else if (cmd.amendmentId) {
        const a = amendments.find((x) => x.id === cmd.amendmentId);
        if (!a) throw floorError('not_found', FloorErrorCode.amendmentNotFound, 'No such amendment to this motion.');
        if (a.stage !== 'submitted') throw floorError('conflict', FloorErrorCode.amendmentWrongStage, `This amendment is ${a.stage}; only a waiting amendment is put to the vote.`);
        // Its own amendments first; it is then put as amended.
        const first = waitingAmendmentsTo(a.id, amendments);
        if (first.length > 0) {
          throw floorError('conflict', FloorErrorCode.amendmentsPending, `${first.length} amendment(s) to amendment ${a.number} wait for their vote (or withdrawal) before it is put.`, { amendments: first.map((x) => x.number) });
        }
        await this.floors.setAmendmentStage(m, [a.id], 'voting');
      } else {
        const waiting = amendments.filter((a) => a.stage === 'submitted');
        if (waiting.length > 0) {
          throw floorError('conflict', FloorErrorCode.amendmentsPending, `${waiting.length} amendment(s) to this motion wait for their vote (or withdrawal) before the motion is put.`, { amendments: waiting.map((a) => a.number) });
        }
        const motion = Motion.fromSnapshot(s);
        motion.openVote();
        await this.floors.updateMotion(m, motion.toSnapshot());
      }
      if (await this.floors.openVote(m, s.congressId)) throw floorError('conflict', FloorErrorCode.voteOpenAlready, 'Another vote of this congress is open; close it first.');
      // Quorum: the delegates present (accredited) now, against what the standing orders require.
      const present = await this.delegates.accreditedCount(s.congressId, m);
      const quorum = checkQuorum(f.orders.quorum, { elected: f.orders.quorum.kind === 'share' ? await this.delegates.electedCount(s.congressId, m) : 0, present });
      const vote: VoteRecord = {
        id: randomUUID(),
        congressId: s.congressId,
        motionId,
        amendmentId: cmd.amendmentId ?? null,
        secret: f.orders.voting === 'secret',
        byCard: f.orders.voting === 'card',
        electorate: present,
        quorum,
        acceptance,
        openedAt: this.clock.now().toISOString(),
        closedAt: null,
        yes: 0,
        no: 0,
        abstain: 0,
        carried: null,
      };
      await this.floors.insertVote(m, vote);
      await this.audit.record(m, { actorId: by, action: 'vote.opened', subjectType: 'vote', subjectId: vote.id, data: { motionId, amendmentId: vote.amendmentId, acceptance, secret: vote.secret, byCard: vote.byCard, electorate: vote.electorate, quorum: vote.quorum } });
      return vote;
    });
    this.events.publish(v.congressId, { type: 'vote', id: v.id, tally: tallyOf(v, 0) });
    return this.get(v.id);
  }

  /** An accredited delegate's vote; once only. A secret vote records that they voted, and the answer only in the totals. */
  async cast(p: Principal, voteId: string, answer: Answer): Promise<{ voteId: string; counted: true }> {
    const memberId = requireMember(p);
    const { congressId, tally } = await this.ds.transaction(async (m) => {
      const v = await this.floors.vote(m, voteId);
      if (!v) throw floorError('not_found', FloorErrorCode.voteNotFound, 'No such vote.');
      if (v.closedAt) throw floorError('conflict', FloorErrorCode.voteClosed, 'This vote is closed.');
      if (!(await this.delegates.isAccredited(v.congressId, memberId, m))) {
        throw floorError('forbidden', FloorErrorCode.notADelegate, 'Only delegates accredited to this congress vote on its floor. Present your credential to a returning officer.');
      }
      // Scope first (an accredited delegate), restriction last.
      const restricted = await this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
      if (restricted.some((r) => r.kind === 'no_voting')) throw restrictionRefusal();
      // Then the vote's row (FOR NO KEY UPDATE: casts queue on it without deadlocking on the
      // participation rows' foreign-key locks; a close waits for them, and a cast after a close sees it closed).
      const locked = await this.floors.voteForCounting(m, voteId);
      if (!locked || locked.closedAt) throw floorError('conflict', FloorErrorCode.voteClosed, 'This vote closed before your vote was counted.');
      if (!(await this.floors.takePart(m, voteId, memberId))) throw floorError('conflict', FloorErrorCode.alreadyVoted, 'You have already voted in this vote.');
      if (v.byCard) {
        // A card vote: the delegate's card, with the delegation that elected them and its weight.
        const delegation = (await this.delegates.delegationOf(v.congressId, memberId, m)) as string;
        await this.floors.count(m, voteId, answer, { memberId, delegation, weight: cardWeight({ memberId, delegation }) });
      } else {
        await this.floors.count(m, voteId, answer, v.secret ? null : { memberId });
      }
      const after = (await this.floors.vote(m, voteId)) as VoteRecord;
      return { congressId: v.congressId, tally: tallyOf(after, after.yes + after.no + after.abstain) };
    });
    this.events.publish(congressId, { type: 'vote', id: voteId, tally });
    return { voteId, counted: true };
  }

  async close(p: Principal, voteId: string): Promise<VoteView> {
    const v = await this.ds.transaction(async (m) => {
      const v = await this.floors.vote(m, voteId, true);
      if (!v) throw floorError('not_found', FloorErrorCode.voteNotFound, 'No such vote.');
      const f = await loadFloor(m, this.floors, v.congressId);
      const by = requireChair(f, p);
      if (v.closedAt) throw floorError('conflict', FloorErrorCode.voteClosed, 'This vote is already closed.');
      const carried = isCarried(v);
      const now = this.clock.now();
      await this.floors.closeVote(m, voteId, now, carried);
      const amendments = await this.floors.amendments(m, [v.motionId]);
      if (v.acceptance) {
        // Accepted onto the agenda (admitted) or not; withdrawn meanwhile by its mover: nothing to decide.
        const s = await this.floors.motion(m, v.motionId, true);
        if (s?.stage === 'awaiting-acceptance') {
          const motion = Motion.fromSnapshot(s);
          motion.decideAcceptance(carried, now);
          await this.floors.updateMotion(m, motion.toSnapshot());
        }
      } else if (v.amendmentId) {
        const a = amendments.find((x) => x.id === v.amendmentId);
        await this.floors.setAmendmentStage(m, [v.amendmentId], carried ? 'carried' : 'lost');
        const after = amendments.map((x) => (x.id === v.amendmentId ? { ...x, stage: carried ? ('carried' as const) : ('lost' as const) } : x));
        // Carried: those on the same lines fall (with their own amendments). Lost: its waiting amendments, if any, fall with it.
        const fallen = a ? (carried ? fallingAfter({ ...a, stage: 'carried' }, after) : fallingWithParent(a.id, after)) : [];
        if (fallen.length) await this.floors.setAmendmentStage(m, fallen, 'fallen');
      } else {
        const s = await this.floors.motion(m, v.motionId, true);
        const motion = Motion.fromSnapshot(s as NonNullable<typeof s>);
        const asAmended = motionAsAmended((s as NonNullable<typeof s>).text, amendments);
        motion.decide(carried, asAmended, now);
        await this.floors.updateMotion(m, motion.toSnapshot());
      }
      await this.audit.record(m, { actorId: by, action: 'vote.closed', subjectType: 'vote', subjectId: voteId, data: { motionId: v.motionId, amendmentId: v.amendmentId, acceptance: v.acceptance, yes: v.yes, no: v.no, abstain: v.abstain, carried } });
      return { ...v, closedAt: now.toISOString(), carried };
    });
    const view = await this.get(v.id);
    this.events.publish(v.congressId, { type: 'vote', id: v.id, tally: tallyOf(view, view.voted) });
    this.events.publish(v.congressId, { type: 'motion', id: v.motionId });
    return view;
  }

  async get(voteId: string): Promise<VoteView> {
    const m = this.ds.manager;
    const v = await this.floors.vote(m, voteId);
    if (!v) throw floorError('not_found', FloorErrorCode.voteNotFound, 'No such vote.');
    const voted = await this.floors.participants(m, voteId);
    if (v.byCard) {
      const cardVote = await this.floors.cardVoteCards(m, voteId);
      return { ...v, voted, cards: cardVote.map((c) => ({ memberId: c.memberId, answer: c.answer })), cardVote, delegations: byDelegation(cardVote) };
    }
    return { ...v, voted, cards: v.secret ? null : await this.floors.cards(m, voteId), cardVote: null, delegations: null };
  }
}
