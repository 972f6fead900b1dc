import { Injectable } from '@nestjs/common';
import type { CaucusActor } from '../../application/caucus-actor';
import { CaucusDiscussionUseCase } from '../../application/use-cases/caucus-discussion.use-case';
import { CaucusesUseCase } from '../../application/use-cases/caucuses.use-case';

/** The demo logins as the seed hands them over (a structural copy of its type; no import from the app). */
interface DemoAccountLike {
  role: string;
  memberId: string | null;
}

/**
 * Demo caucuses for `npm start`, made through the use cases: a survivors' caucus the demo `member`
 * proposes and four other demo members sign (so it forms at the default threshold of 5), with a
 * first post; and a tenants' caucus still forming. The Executive Committee's and Central
 * Committee's demo logins are in neither: they see the names, purposes and counts only.
 */
@Injectable()
export class CaucusesDemoContributor {
  constructor(
    private readonly caucuses: CaucusesUseCase,
    private readonly discussion: CaucusDiscussionUseCase,
  ) {}

  async contributeDemo(accounts: readonly DemoAccountLike[]): Promise<void> {
    const actor = (role: string): CaucusActor | null => {
      const a = accounts.find((x) => x.role === role && x.memberId);
      return a ? { accountId: a.memberId as string, memberId: a.memberId, isMember: true } : null;
    };
    const founder = actor('member');
    if (!founder) return;
    const survivors = await this.caucuses.propose(founder, {
      name: 'Survivors’ caucus',
      purpose: 'Members who have survived harassment or abuse, organizing so that what happened to us cannot happen again. Who belongs is known only to us.',
    });
    for (const role of ['branch-secretary', 'branch-treasurer', 'returning-officer', 'appeals-member']) {
      const signer = actor(role);
      if (signer) await this.caucuses.join(signer, survivors.face.id);
    }
    const formed = await this.caucuses.show(founder, survivors.face.id);
    if (formed.face.stage === 'formed') {
      await this.discussion.post(founder, survivors.face.id, 'Welcome. We meet before congress to agree our motion on the disciplinary procedure.');
    }
    const tenant = actor('branch-secretary');
    if (tenant) {
      await this.caucuses.propose(tenant, { name: 'Tenants’ caucus', purpose: 'Members organizing in their tenants’ unions. Sign to help it form.' });
    }
  }
}
