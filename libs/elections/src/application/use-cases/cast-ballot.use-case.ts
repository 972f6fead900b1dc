import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { RestrictionsPort } from '@org/kernel';
import { Clock, LOGGER, type Logger, type Tx } from '@org/platform';
import { blockedByRestriction, Election, ElectionErrorCode, electionError, electionNotFound, markBallot, type BallotMarks, type BallotSetup, type ElectionSnapshot } from '../../domain';
import { requireMember } from '../election-access';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { ballotPaperOf } from '../ballot-paper-of';
import { BallotBox } from '../ports/ballot-box.repository';
import { ElectionRepository } from '../ports/election.repository';
import { idempotencyKeyHash, newReceiptCode, sealReceipt, unsealReceipt } from '../receipt-seal';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

export interface CastReceipt {
  electionId: string;
  receiptCode: string;
  /** True when this answers a retry of a cast already recorded (same Idempotency-Key). */
  replayed: boolean;
}

/** Statuses under which a member on the roll may still vote (a sanction bars voting at once, S9). */
const MAY_VOTE = new Set(['active', 'lapsed']);

/**
 * Casting (E3, E4). One transaction: the election's row locked shared (closing locks it
 * exclusively, so no ballot lands after the count's list is fixed), the voter's eligibility
 * (on the frozen electorate, not suspended, no voting restriction), the ballot checked against
 * the paper, then the participation row (its primary key is the one-vote guarantee) and the
 * ballot into the shuffle buffer. Nothing is written for a refused ballot. After the commit a
 * full buffer is moved, shuffled, into the ballot table.
 */
@Injectable()
export class CastBallotUseCase {
  /** Ballot papers are fixed once voting opens: cached per election and opening. */
  private readonly papers = new Map<string, { openedAt: string; setup: BallotSetup }>();

  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly box: BallotBox,
    private readonly elections: ElectionRepository,
    private readonly restrictions: RestrictionsPort,
    private readonly clock: Clock,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async cast(p: Principal, electionId: string, marks: BallotMarks, idempotencyKey: string | null): Promise<CastReceipt> {
    const memberId = requireMember(p);
    if (idempotencyKey !== null && !/^[\x21-\x7e]{16,200}$/.test(idempotencyKey)) {
      throw electionError('invalid', ElectionErrorCode.invalidIdempotencyKey, 'Idempotency-Key must be 16 to 200 visible ASCII characters; send a random UUID.');
    }
    const keyHash = idempotencyKey ? idempotencyKeyHash(electionId, memberId, idempotencyKey) : null;
    const receipt = newReceiptCode();
    const sealed = idempotencyKey ? sealReceipt(electionId, memberId, idempotencyKey, receipt) : null;
    const now = this.clock.now();

    const outcome = await this.ds.transaction(async (m): Promise<{ receipt: string; buffered: number } | { replay: string }> => {
      const ctx = await this.box.castingContext(m, electionId, memberId);
      if (!ctx) throw electionNotFound();
      const replay = (row: typeof ctx.participation) => {
        if (row && keyHash && row.idempotencyKeyHash === keyHash && row.sealedReceipt) return { replay: row.sealedReceipt };
        if (row) throw electionError('conflict', ElectionErrorCode.alreadyVoted, 'You have already voted in this election. Your first ballot is the one counted.');
        return null;
      };
      const earlier = replay(ctx.participation);
      if (earlier) return earlier;

      const election = Election.fromSnapshot(ctx.election);
      election.assertAcceptsBallot(now);
      if (!ctx.onElectorate) {
        throw electionError('forbidden', ElectionErrorCode.notOnElectorate, 'You are not on the electorate of this election (it was frozen from the roll when the election was set up).');
      }
      if (!MAY_VOTE.has(ctx.memberStatus ?? '')) {
        throw electionError('forbidden', ElectionErrorCode.voterSuspended, 'Your membership does not carry voting rights at the moment, so this ballot cannot be accepted.');
      }
      const restrictions = await this.restrictions.restrictionsFor(memberId, now, m);
      if (restrictions.some((r) => r.kind === 'no_voting')) throw blockedByRestriction();
      const content = markBallot(await this.paper(m, ctx.election), marks);

      const { recorded, buffered } = await this.box.record(m, { electionId, memberId, idempotencyKeyHash: keyHash, sealedReceipt: sealed, receipt, content });
      if (!recorded) {
        // Lost a race with a concurrent cast by the same voter: the winner has committed by now.
        const again = replay(await this.box.participation(m, electionId, memberId));
        if (again) return again;
        throw electionError('conflict', ElectionErrorCode.alreadyVoted, 'You have already voted in this election. Your first ballot is the one counted.');
      }
      return { receipt, buffered: buffered + 1 };
    });

    if ('replay' in outcome) {
      const original = unsealReceipt(electionId, memberId, idempotencyKey as string, outcome.replay);
      if (!original) throw electionError('conflict', ElectionErrorCode.alreadyVoted, 'You have already voted in this election. Your first ballot is the one counted.');
      return { electionId, receiptCode: original, replayed: true };
    }
    if (outcome.buffered >= this.config.ballotBatchSize) await this.moveBatch(electionId);
    return { electionId, receiptCode: outcome.receipt, replayed: false };
  }

  private async paper(m: Tx, s: ElectionSnapshot): Promise<BallotSetup> {
    const cached = this.papers.get(s.id);
    if (cached && cached.openedAt === s.votingOpenedAt) return cached.setup;
    const setup = ballotPaperOf(s, await this.elections.candidates(m, s.id), await this.elections.slatesOf(m, s.id)).setup;
    if (this.papers.size > 1000) this.papers.clear();
    this.papers.set(s.id, { openedAt: s.votingOpenedAt as string, setup });
    return setup;
  }

  /**
   * Once a batch of ballots has gathered in the buffer, one transaction moves them all into the
   * ballot table in random order. Best effort: a failure leaves them buffered, and closing the
   * poll moves whatever is left.
   */
  private async moveBatch(electionId: string): Promise<void> {
    try {
      await this.ds.transaction(async (m) => {
        if (await this.box.tryLockMover(m, electionId)) await this.box.moveBuffered(m, electionId, this.config.ballotBatchSize);
      });
    } catch (e) {
      this.logger.warn({ err: { message: (e as Error).message?.slice(0, 200) }, electionId }, 'moving buffered ballots failed; they stay buffered until the next batch or the close');
    }
  }
}
