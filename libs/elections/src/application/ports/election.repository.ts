import type { EntityManager } from 'typeorm';
import type { CandidacySnapshot, CandidacyStatus, ElectionSnapshot, SlateEntry } from '../../domain';

export interface SlateView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

/** A count as stored when certified: the engine's result with names, and the turnout. */
export interface StoredResult {
  method: string;
  acclaimed: boolean;
  /** Candidate ids and names in ballot-paper order (number = index + 1). */
  candidates: { id: string; memberId: string; name: string; number: number }[];
  /** Elected candidate ids, in order of election. */
  elected: string[];
  electorateSize: number;
  participation: number;
  ballotsCounted: number;
  ballotsHash: string | null;
  seed: string | null;
  quorum: number | null;
  /** The counting engine's result (CountResult or MotionResult), or null for an acclamation. */
  count: unknown;
  /** Body elections: the mandate each winner's seat became, by candidate id (certified since vacancies exist). */
  mandates?: { candidateId: string; mandateId: string }[];
}

/** Elections, candidacies and slates (`elections.*`). Every method works in the caller's transaction. */
export abstract class ElectionRepository {
  /** Serializes changes of one election against each other and against casting (which takes it shared). */
  abstract lockExclusive(m: EntityManager, electionId: string): Promise<void>;
  /** Taken by nominations (and casts): they wait for a state change in progress, not for each other. */
  abstract lockShared(m: EntityManager, electionId: string): Promise<void>;
  abstract isElector(m: EntityManager, electionId: string, memberId: string): Promise<boolean>;
  abstract load(m: EntityManager, id: string): Promise<ElectionSnapshot | null>;
  abstract list(m: EntityManager): Promise<ElectionSnapshot[]>;
  /** Elections in voting, closing within `withinMs` of `now` (and not yet closed), whose voters have not been reminded. */
  abstract dueForReminder(m: EntityManager, now: Date, withinMs: number): Promise<string[]>;
  /** Marks the election's reminder as sent (once). False when it already was. */
  abstract markReminded(m: EntityManager, electionId: string, at: Date): Promise<boolean>;
  abstract ofCongress(m: EntityManager, congressId: string): Promise<ElectionSnapshot[]>;
  abstract insert(m: EntityManager, s: ElectionSnapshot): Promise<void>;
  abstract update(m: EntityManager, s: ElectionSnapshot): Promise<void>;

  abstract candidates(m: EntityManager, electionId: string): Promise<CandidacySnapshot[]>;
  abstract candidate(m: EntityManager, candidateId: string, forUpdate?: boolean): Promise<CandidacySnapshot | null>;
  abstract insertCandidate(m: EntityManager, c: CandidacySnapshot): Promise<void>;
  abstract setCandidateStatus(m: EntityManager, candidateId: string, status: CandidacyStatus): Promise<void>;
  abstract addNominator(m: EntityManager, candidateId: string, memberId: string, at: Date): Promise<void>;
  /** Numbers the validly nominated candidates 1..n in the given order of ids (the ballot paper, `ballotOrder`). */
  abstract assignBallotNumbers(m: EntityManager, electionId: string, order: readonly string[]): Promise<void>;

  abstract insertSlate(m: EntityManager, s: SlateView): Promise<void>;
  /** Locks the slate, so two nominations cannot both pass the mixed-slate check. */
  abstract slateForUpdate(m: EntityManager, slateId: string): Promise<SlateView | null>;
  abstract slateEntries(m: EntityManager, slateId: string): Promise<SlateEntry[]>;
  /** Slates with candidates in this election, and their candidate ids (ballot order). */
  abstract slatesOf(m: EntityManager, electionId: string): Promise<{ id: string; name: string; candidateIds: string[] }[]>;

  abstract saveResult(m: EntityManager, electionId: string, result: StoredResult): Promise<void>;
  abstract result(m: EntityManager, electionId: string): Promise<StoredResult | null>;
}
