import { Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import { deriveDirectoryKeys, openDirectoryHandle, sealDirectoryHandle, searcherTag, type DirectoryKeys } from '../../crypto/directory-handle';
import {
  assertWithinDirectoryBudget,
  directoryHandleExpiry,
  directoryHandleRefused,
  directoryQueryWords,
  DIRECTORY_MAX_RESULTS,
} from '../../domain/case/complaints-directory.policy';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { DirectorySearchBudget } from '../ports/directory-search-budget.port';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import type { DisciplineActor } from '../access/discipline-actor';
import { DisciplineKeys } from '../case-content/discipline-keys';

/** One answer of the complaints directory: no member id, a handle to name this person in a complaint. */
export interface DirectoryAnswer {
  readonly handle: string;
  readonly name: string;
  readonly branch: string | null;
}

/** Who searches, as the directory knows them: the member (or account), or the confirmed address. */
export function directorySearcher(actor: DisciplineActor): string {
  return actor.audit.actorId ? `id:${actor.audit.actorId}` : `email:${actor.caseActor.verifiedEmail ?? ''}`;
}

/**
 * The minimal directory a complainant picks respondents and witnesses from (S1, S14): name and
 * branch, nothing else (no contact data, no status, no member id). At least three letters, each
 * word the start of a name; at most five answers; a daily budget per searcher (counted by a keyed
 * hash); each answer an opaque handle that only this searcher can use, only to file a complaint.
 */
@Injectable()
export class MemberDirectoryQuery {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly directory: MemberDirectoryRepository,
    private readonly budget: DirectorySearchBudget,
    private readonly keys: DisciplineKeys,
    private readonly clock: Clock,
  ) {}

  private directoryKeys(): DirectoryKeys {
    return deriveDirectoryKeys(this.keys.ring());
  }

  async search(actor: DisciplineActor, text: string | undefined): Promise<DirectoryAnswer[]> {
    const words = directoryQueryWords(text);
    const searcher = directorySearcher(actor);
    const keys = this.directoryKeys();
    const tag = searcherTag(keys, searcher);
    const now = this.clock.now();
    const found = await this.db.transaction(async (tx) => {
      // One count at a time per searcher, so parallel requests cannot overrun the budget.
      await this.budget.lock(tx, tag);
      const since = new Date(now.getTime() - 86_400_000);
      const used = await this.budget.usedSince(tx, tag, since);
      assertWithinDirectoryBudget(used.count, used.oldest, now);
      await this.budget.record(tx, tag, now, since);
      return this.directory.search(tx, words, DIRECTORY_MAX_RESULTS);
    });
    const expiresAt = directoryHandleExpiry(now);
    return found.map((e) => ({ handle: sealDirectoryHandle(keys, { memberId: e.memberId, searcher, expiresAt }), name: e.name, branch: e.branch }));
  }

  /** The member id behind a handle this searcher was given; refused otherwise. */
  resolve(actor: DisciplineActor, handle: string): string {
    const id = openDirectoryHandle(this.directoryKeys(), handle, directorySearcher(actor), this.clock.now().getTime());
    if (!id) throw directoryHandleRefused();
    return id;
  }
}
