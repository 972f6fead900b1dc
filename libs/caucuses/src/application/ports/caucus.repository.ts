import type { Tx } from '@org/kernel';
import type { CaucusPublicFace, CaucusVoteFace } from '../../domain';

export interface CaucusListing {
  readonly face: CaucusPublicFace;
  readonly count: number;
  readonly askerIsMember: boolean;
}

export interface RosterEntry {
  readonly memberId: string;
  readonly joinedAt: Date;
}

export interface CaucusPost {
  readonly id: string;
  readonly authorMemberId: string;
  readonly body: string;
  readonly postedAt: Date;
}

export interface VoteState {
  readonly face: CaucusVoteFace;
  readonly participants: number;
  readonly askerVoted: boolean;
  readonly tallies: ReadonlyMap<number, number>;
}

/** The caucuses' tables (`caucuses.*`), reached only on this context's own connection. */
export abstract class CaucusRepository {
  abstract insert(tx: Tx, c: { name: string; purpose: string; threshold: number; at: Date }): Promise<string>;
  abstract nameTaken(tx: Tx, name: string): Promise<boolean>;
  /** The caucus's public face, locked for update when `lock` (formation is counted under the lock). */
  abstract face(tx: Tx, id: string, lock?: boolean): Promise<CaucusPublicFace | null>;
  abstract memberIds(tx: Tx, id: string): Promise<string[]>;
  abstract list(tx: Tx, askerMemberId: string | null): Promise<CaucusListing[]>;
  abstract addMember(tx: Tx, id: string, memberId: string, at: Date): Promise<void>;
  abstract removeMember(tx: Tx, id: string, memberId: string): Promise<void>;
  abstract markFormed(tx: Tx, id: string, at: Date): Promise<void>;
  /** Deletes a proposal nobody signs any more (only while it forms). */
  abstract deleteLapsed(tx: Tx, id: string): Promise<void>;
  abstract roster(tx: Tx, id: string): Promise<RosterEntry[]>;
  /** Whether this one member belongs, now, to this caucus and it has formed (yes or no, nothing else). */
  abstract isMemberOfFormed(tx: Tx, id: string, memberId: string): Promise<boolean>;

  abstract addPost(tx: Tx, p: { caucusId: string; authorMemberId: string; body: string; at: Date }): Promise<CaucusPost>;
  abstract posts(tx: Tx, caucusId: string, limit: number): Promise<CaucusPost[]>;

  abstract openVote(tx: Tx, v: { caucusId: string; question: string; options: readonly string[]; openedBy: string; at: Date }): Promise<string>;
  abstract vote(tx: Tx, caucusId: string, voteId: string, lock?: boolean): Promise<CaucusVoteFace | null>;
  abstract votes(tx: Tx, caucusId: string): Promise<CaucusVoteFace[]>;
  abstract voteState(tx: Tx, vote: CaucusVoteFace, askerMemberId: string): Promise<VoteState>;
  /** Records that the member took part and adds one to the option's tally, with nothing linking the two. */
  abstract recordVote(tx: Tx, voteId: string, memberId: string, option: number): Promise<void>;
  abstract closeVote(tx: Tx, voteId: string, at: Date): Promise<void>;
}
