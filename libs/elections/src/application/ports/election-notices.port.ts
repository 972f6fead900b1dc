import type { Tx } from '@org/platform';

export interface ElectionAnnouncement {
  electionId: string;
  title: string;
  stage: 'nominations-open' | 'voting-open' | 'result';
  summary: string;
  /** When voting closes: a field, so each reader sees it in the organization's time zone and language. */
  votingClosesAt?: string;
  /** A result: the stage-by-stage count as a fixed-width text table (`stageTable`), for e-mails (no chart). */
  stages?: string;
  /** The members of the election's scope: the whole organization, or one branch. */
  audience: { kind: 'organization' } | { kind: 'branch'; branchId: string };
  actorId: string | null;
}

/** A notice to each voter of an election, one message per voter (never an audience notice). */
export interface VoterNotice {
  electionId: string;
  title: string;
  votingClosesAt: string;
  voters: readonly string[];
}

/** Notices to the members of an election's scope, written in the caller's transaction (outbox + feed). */
export abstract class ElectionNotices {
  abstract announce(m: Tx, a: ElectionAnnouncement): Promise<void>;
  /** Polls open: each voter on the electorate gets their own ballot notice, with the link to vote. */
  abstract ballotsReady(m: Tx, n: VoterNotice): Promise<void>;
  /**
   * The one reminder before the close, to each voter who has not voted. Its recipients say who
   * has not voted: the message type is confidential (no operator sees its recipients) and
   * nothing about it is audited per recipient.
   */
  abstract remindNotVoted(m: Tx, n: VoterNotice): Promise<void>;
}
