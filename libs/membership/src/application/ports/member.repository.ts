import type { Tx } from '@org/platform';
import type { Member } from '../../domain';

/** A member as loaded for a command: the aggregate plus what saving it needs. */
export interface LoadedMember {
  member: Member;
  /** Storage ids of the branch periods, in the aggregate's order (to save only what changed). */
  periodIds: string[];
}

/** The register's write side. Every method runs in the caller's transaction (`m`). */
export abstract class MemberRepository {
  /** Loads and locks (FOR UPDATE) one member; null when there is none. */
  abstract load(m: Tx, id: string): Promise<LoadedMember | null>;
  /** Loads and locks many members (batched jobs). Members whose stored data breaks the aggregate's invariants are returned in `invalid`. */
  abstract loadMany(m: Tx, ids: readonly string[]): Promise<{ loaded: Map<string, LoadedMember>; invalid: string[] }>;
  abstract insert(m: Tx, member: Member): Promise<void>;
  /** Batched insert (unnest arrays) for imports; `datesOfBirth` (member id → YYYY-MM-DD) when the file carries them. */
  abstract insertMany(m: Tx, members: readonly Member[], importBatchId: string, datesOfBirth?: ReadonlyMap<string, string>): Promise<void>;
  /** Writes what changed between `before` and `after`: profile, status, new history, branch periods. */
  abstract save(m: Tx, before: LoadedMember, after: Member): Promise<void>;
  /** Batched save of status-only changes (the standing job). */
  abstract saveStatusChanges(m: Tx, changes: ReadonlyArray<{ before: LoadedMember; after: Member }>): Promise<void>;
  /** Whether an e-mail is in use by another member or open application (case-insensitive). */
  abstract emailInUse(m: Tx, email: string, exceptMemberId?: string): Promise<boolean>;
  /** Of these ids, those of former members (declined, resigned, expelled). */
  abstract formerMemberIds(m: Tx, ids: readonly string[]): Promise<Set<string>>;
  /** Deletes the online applications never confirmed whose link expired by `now`; answers how many. */
  abstract deleteExpiredPendingApplications(m: Tx, now: Date): Promise<number>;
  /** Of the given normalized e-mails, those in use (for the import's dry run). */
  abstract emailsInUse(m: Tx, emails: readonly string[]): Promise<Set<string>>;
  abstract memberNumbersInUse(m: Tx, numbers: readonly string[]): Promise<Set<string>>;
}
