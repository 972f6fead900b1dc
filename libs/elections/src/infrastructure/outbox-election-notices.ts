import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { Outbox } from '@org/notifications';
import { ElectionNotices, type ElectionAnnouncement, type VoterNotice } from '../application/ports/election-notices.port';

/** Messages written per statement batch. */
const BATCH = 1000;

/**
 * Election notices through the notifications outbox: `election-notice` is an essential type that
 * always reaches the feed (and email), sent to every member of the scope — members in good
 * standing organization-wide, or a branch's members — in the caller's transaction.
 */
@Injectable()
export class OutboxElectionNotices extends ElectionNotices {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async announce(m: Tx, a: ElectionAnnouncement): Promise<void> {
    await this.outbox.fanOutToMembers(m, {
      type: 'election-notice',
      data: { electionId: a.electionId, electionTitle: a.title.slice(0, 200), stage: a.stage, summary: a.summary.slice(0, 4000), ...(a.votingClosesAt ? { votingClosesAt: a.votingClosesAt } : {}), ...(a.stages ? { stages: a.stages } : {}) },
      audience: a.audience.kind === 'branch' ? { branchId: a.audience.branchId } : 'good-standing',
      dedupeKey: `election:${a.electionId}:${a.stage}`,
      actor: a.actorId ? { id: a.actorId, kind: 'member' } : undefined,
    });
  }

  async ballotsReady(m: Tx, n: VoterNotice): Promise<void> {
    await this.toEachVoter(m, 'ballot', n);
  }

  async remindNotVoted(m: Tx, n: VoterNotice): Promise<void> {
    await this.toEachVoter(m, 'ballot-reminder', n);
  }

  /** One message per voter (deduplicated per election and voter, so a retry writes nothing twice). */
  private async toEachVoter(m: Tx, type: 'ballot' | 'ballot-reminder', n: VoterNotice): Promise<void> {
    const data = { electionId: n.electionId, electionTitle: n.title.slice(0, 200), votingClosesAt: n.votingClosesAt };
    for (let i = 0; i < n.voters.length; i += BATCH) {
      await this.outbox.enqueueMany(
        m,
        n.voters.slice(i, i + BATCH).map((memberId) => ({ type, recipient: { memberId }, essential: true, data, dedupeKey: `${type}:${n.electionId}:${memberId}` })),
      );
    }
  }
}
