import { Injectable } from '@nestjs/common';
import { CaucusRepository } from './ports/caucus.repository';
import { CaucusTransactions } from './ports/caucus-transactions.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one question another context may put to the caucuses: "is this member, now, a member of
 * this formed caucus?" — answered yes or no, on the caucuses' own connection (its own role on
 * real PostgreSQL; the platform's connection cannot read the roster). It never lists, counts or
 * names anybody. The composition binds the congress floor's `CaucusMotions` to it, asked for the
 * member who is acting (the principal), so the answer tells them only what they know already:
 * whether they themself belong. A caucus still forming, an unknown caucus, a member who left, or
 * anything that is not an id is "no". Joining and leaving stay the member's own act: this reads.
 *
 * Call it outside any other transaction: on the embedded database every connection shares one
 * session, and a second transaction opened inside another would wait for it forever.
 */
@Injectable()
export class CaucusMembershipCheck {
  constructor(
    private readonly db: CaucusTransactions,
    private readonly caucuses: CaucusRepository,
  ) {}

  async isMemberOfFormed(caucusId: string, memberId: string): Promise<boolean> {
    if (!UUID.test(caucusId) || !UUID.test(memberId)) return false;
    return this.db.transaction((tx) => this.caucuses.isMemberOfFormed(tx, caucusId, memberId));
  }
}
