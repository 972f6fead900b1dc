import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import { ElectionsAudit } from '../elections-audit';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { BallotBox } from '../ports/ballot-box.repository';
import { ElectionNotices } from '../ports/election-notices.port';
import { ElectionRepository } from '../ports/election.repository';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

/**
 * Voters are told: one reminder, `ELECTIONS_REMINDER_HOURS` before the close, to each voter who
 * has not voted by then — without anyone running the election learning who that is. The list of
 * voters yet to vote is read inside the transaction that writes their messages and is never
 * returned, logged or audited: the messages are of a confidential type (operators do not see
 * their recipients), the audit entry says only that the reminder went out, and the job's result
 * is the number of elections, not of voters.
 */
@Injectable()
export class RemindVotersUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly box: BallotBox,
    private readonly notices: ElectionNotices,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
  ) {}

  /** Sends the reminders now due; answers how many elections' voters were reminded. */
  async remindDue(): Promise<{ elections: number }> {
    const now = this.clock.now();
    const due = await this.elections.dueForReminder(this.ds.manager, now, this.config.reminderHours * 3_600_000);
    let reminded = 0;
    for (const electionId of due) {
      const sent = await this.ds.transaction(async (m) => {
        // Exclusive: no cast lands while the list of voters yet to vote is read and the reminders are written.
        await this.elections.lockExclusive(m, electionId);
        const s = await this.elections.load(m, electionId);
        if (!s || s.status !== 'voting' || !s.votingClosesAt || Date.parse(s.votingClosesAt) <= now.getTime()) return false;
        if (!(await this.elections.markReminded(m, electionId, now))) return false;
        await this.notices.remindNotVoted(m, { electionId, title: s.title, votingClosesAt: s.votingClosesAt, voters: await this.box.electorsYetToVote(m, electionId) });
        await this.audit.record(m, { actorId: null, actorKind: 'system', action: 'election.voters-reminded', subjectType: 'election', subjectId: electionId, data: {} });
        return true;
      });
      if (sent) reminded++;
    }
    return { elections: reminded };
  }
}
