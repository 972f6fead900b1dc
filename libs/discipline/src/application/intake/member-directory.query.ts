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
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`directory:${tag}`]);
      const since = new Date(now.getTime() - 86_400_000);
      const [used] = await tx.query(
        `SELECT count(*)::int AS n, min(searched_at) AS oldest FROM discipline.directory_searches WHERE searcher_tag = $1 AND searched_at > $2`,
        [tag, since],
      );
      assertWithinDirectoryBudget(used.n, used.oldest ? new Date(used.oldest) : null, now);
      await tx.query(`DELETE FROM discipline.directory_searches WHERE searched_at <= $1`, [since]);
      await tx.query(`INSERT INTO discipline.directory_searches (searcher_tag, searched_at) VALUES ($1, $2)`, [tag, now]);
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
