import type { EntityManager } from 'typeorm';

export interface ElectionAnnouncement {
  electionId: string;
  title: string;
  stage: 'nominations-open' | 'voting-open' | 'result';
  summary: string;
  /** The members of the election's scope: the whole organization, or one branch. */
  audience: { kind: 'organization' } | { kind: 'branch'; branchId: string };
  actorId: string | null;
}

/** Notices to the members of an election's scope, written in the caller's transaction (outbox + feed). */
export abstract class ElectionNotices {
  abstract announce(m: EntityManager, a: ElectionAnnouncement): Promise<void>;
}
