import type { Tx } from '@org/kernel';
import type { AmendmentSnapshot, AmendmentStage, Answer, Card, CompositeSnapshot, MotionSnapshot, SpeakingList, StandingOrders, Tally, WaitingSpeaker } from '../../domain';

export type FloorOfficerRole = 'chair' | 'standing-orders';

export interface FloorRecord {
  congressId: string;
  orders: StandingOrders;
  chairs: string[];
  standingOrdersCommittee: string[];
  openedBy: string;
  openedAt: string;
}

export interface AgendaItemRecord {
  id: string;
  congressId: string;
  position: number;
  title: string;
  kind: 'report' | 'motions' | 'business';
  reportText: string | null;
  presentedBy: string | null;
  startsAt: string;
  minutes: number;
  lastList: SpeakingList | null;
}

export interface SpeakerRecord {
  id: string;
  agendaItemId: string;
  memberId: string;
  list: SpeakingList;
  pointOfOrder: boolean;
  seq: number;
  state: 'waiting' | 'speaking' | 'done' | 'withdrawn';
  startedAt: string | null;
  endsAt: string | null;
  endedAt: string | null;
}

export interface VoteRecord extends Tally {
  id: string;
  congressId: string;
  motionId: string;
  amendmentId: string | null;
  secret: boolean;
  /** A recorded card vote: every card published with the result, by delegation. */
  byCard: boolean;
  /** Accredited delegates present (the electorate) when it opened. */
  electorate: number;
  /** The quorum the standing orders required when it opened (null: none set). */
  quorum: number | null;
  /** The congress's vote on accepting an admitted emergency motion onto its agenda (not on its text). */
  acceptance: boolean;
  openedAt: string;
  closedAt: string | null;
  carried: boolean | null;
}

/** The floor's tables (`congress_floor.*`), in plain SQL. Every method runs in the caller's transaction. */
export abstract class FloorRepository {
  abstract insertFloor(tx: Tx, f: FloorRecord): Promise<void>;
  abstract floor(tx: Tx, congressId: string, forUpdate?: boolean): Promise<FloorRecord | null>;
  abstract takeMotionNumber(tx: Tx, congressId: string): Promise<number>;

  abstract insertAgendaItem(tx: Tx, i: AgendaItemRecord): Promise<void>;
  abstract agendaItem(tx: Tx, id: string, forUpdate?: boolean): Promise<AgendaItemRecord | null>;
  abstract agenda(tx: Tx, congressId: string): Promise<AgendaItemRecord[]>;
  abstract setLastList(tx: Tx, itemId: string, list: SpeakingList): Promise<void>;

  abstract insertMotion(tx: Tx, m: MotionSnapshot): Promise<void>;
  abstract motion(tx: Tx, id: string, forUpdate?: boolean): Promise<MotionSnapshot | null>;
  abstract motions(tx: Tx, congressId: string): Promise<MotionSnapshot[]>;
  abstract updateMotion(tx: Tx, m: MotionSnapshot): Promise<void>;

  abstract insertComposite(tx: Tx, c: CompositeSnapshot): Promise<void>;
  abstract updateComposite(tx: Tx, c: CompositeSnapshot): Promise<void>;
  abstract composite(tx: Tx, id: string, forUpdate?: boolean): Promise<CompositeSnapshot | null>;
  abstract composites(tx: Tx, congressId: string): Promise<CompositeSnapshot[]>;
  /** Motions of the congress in a composite still waiting for its movers' answers. */
  abstract motionsInPendingComposites(tx: Tx, congressId: string): Promise<string[]>;

  abstract insertAmendment(tx: Tx, a: AmendmentSnapshot): Promise<void>;
  abstract amendment(tx: Tx, id: string, forUpdate?: boolean): Promise<AmendmentSnapshot | null>;
  abstract amendments(tx: Tx, motionIds: readonly string[]): Promise<AmendmentSnapshot[]>;
  abstract setAmendmentStage(tx: Tx, ids: readonly string[], stage: AmendmentStage): Promise<void>;

  abstract insertSpeaker(tx: Tx, s: { id: string; agendaItemId: string; memberId: string; list: SpeakingList; pointOfOrder: boolean }): Promise<void>;
  abstract speakers(tx: Tx, agendaItemId: string): Promise<SpeakerRecord[]>;
  abstract speaker(tx: Tx, id: string): Promise<SpeakerRecord | null>;
  abstract updateSpeaker(tx: Tx, s: SpeakerRecord): Promise<void>;
  abstract waitingWithHistory(tx: Tx, congressId: string, agendaItemId: string): Promise<WaitingSpeaker[]>;

  abstract insertVote(tx: Tx, v: VoteRecord): Promise<void>;
  abstract vote(tx: Tx, id: string, forUpdate?: boolean): Promise<VoteRecord | null>;
  /** The vote, its row locked against a close (FOR NO KEY UPDATE: casts queue on it, never deadlock with the participation rows' foreign-key locks). */
  abstract voteForCounting(tx: Tx, id: string): Promise<VoteRecord | null>;
  /** The congress's vote open now, if any (one at a time). */
  abstract openVote(tx: Tx, congressId: string): Promise<VoteRecord | null>;
  abstract votesOfMotions(tx: Tx, motionIds: readonly string[]): Promise<VoteRecord[]>;
  /** Records that this delegate voted; false when they already had (nothing written). */
  abstract takePart(tx: Tx, voteId: string, memberId: string): Promise<boolean>;
  /** Counts an answer (weighted for a card vote); `card` records who voted what (open and card votes), null for a secret vote. */
  abstract count(tx: Tx, voteId: string, answer: Answer, card: { memberId: string; delegation?: string; weight?: number } | null): Promise<void>;
  abstract cardVoteCards(tx: Tx, voteId: string): Promise<Card[]>;
  abstract closeVote(tx: Tx, voteId: string, at: Date, carried: boolean): Promise<void>;
  abstract cards(tx: Tx, voteId: string): Promise<{ memberId: string; answer: Answer }[]>;
  abstract participants(tx: Tx, voteId: string): Promise<number>;
}
