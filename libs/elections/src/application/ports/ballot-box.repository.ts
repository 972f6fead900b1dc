import type { Tx } from '@org/platform';
import type { BallotContent, BranchParticipation, ElectionSnapshot, PublishedBallots } from '../../domain';

/** Everything a cast needs, read in one round trip inside the casting transaction (which it locks the election's row for, shared). */
export interface CastingContext {
  election: ElectionSnapshot;
  onElectorate: boolean;
  /** The voter's member status now (a suspension after the roll was frozen still bars voting). */
  memberStatus: string | null;
  /** This voter's participation row, if they have voted. */
  participation: { idempotencyKeyHash: string | null; sealedReceipt: string | null } | null;
}

/**
 * The participation roll and the ballots (E3). The two are written in the same transaction but
 * to tables with nothing in common; ballots pass through a buffer and are moved in shuffled
 * batches (see README, "Secrecy").
 */
export abstract class BallotBox {
  abstract castingContext(m: Tx, electionId: string, memberId: string): Promise<CastingContext | null>;
  /**
   * One statement: the participation row (its primary key is the one-vote guarantee) and, only if
   * it was inserted, the ballot into the shuffle buffer. `recorded` is false when this voter
   * already has a participation row (nothing written). `buffered` is how many ballots of the
   * election were already waiting in the buffer (committed ones).
   */
  abstract record(
    m: Tx,
    x: { electionId: string; memberId: string; idempotencyKeyHash: string | null; sealedReceipt: string | null; receipt: string; content: BallotContent },
  ): Promise<{ recorded: boolean; buffered: number }>;
  abstract participation(m: Tx, electionId: string, memberId: string): Promise<CastingContext['participation']>;
  /** Only one mover at a time per election (a try-lock: false when another holds it). */
  abstract tryLockMover(m: Tx, electionId: string): Promise<boolean>;
  /**
   * Moves every committed buffered ballot of the election into the ballot table, in random
   * order — only when at least `minimum` are waiting (a batch is the anonymity set; the close
   * moves whatever is left with minimum 0).
   */
  abstract moveBuffered(m: Tx, electionId: string, minimum: number): Promise<number>;
  /**
   * The ballots in publication order (the random sort key) and, apart, the receipt codes sorted:
   * nothing joins a receipt to a ballot.
   */
  abstract publishedList(m: Tx, electionId: string): Promise<PublishedBallots>;
  abstract counts(m: Tx, electionId: string): Promise<{ participation: number; ballots: number; buffered: number }>;
  abstract hasReceipt(m: Tx, electionId: string, receipt: string): Promise<boolean>;
  /** Electors and voters per branch of the electorate (aggregates only; suppressed before anyone sees them). */
  abstract participationByBranch(m: Tx, electionId: string): Promise<BranchParticipation[]>;
  /** The members on the electorate (for each voter's own ballot notice). */
  abstract electors(m: Tx, electionId: string): Promise<string[]>;
  /** The members on the electorate who have not voted: only for their reminder, never shown to anyone. */
  abstract electorsYetToVote(m: Tx, electionId: string): Promise<string[]>;
}
