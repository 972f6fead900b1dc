import type { Tx } from '@org/platform';
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
  abstract lockExclusive(m: Tx, electionId: string): Promise<void>;
  /** Taken by nominations (and casts): they wait for a state change in progress, not for each other. */
  abstract lockShared(m: Tx, electionId: string): Promise<void>;
  abstract isElector(m: Tx, electionId: string, memberId: string): Promise<boolean>;
  abstract load(m: Tx, id: string): Promise<ElectionSnapshot | null>;
  abstract list(m: Tx): Promise<ElectionSnapshot[]>;
  /** Elections in voting, closing within `withinMs` of `now` (and not yet closed), whose voters have not been reminded. */
  abstract dueForReminder(m: Tx, now: Date, withinMs: number): Promise<string[]>;
  /** Marks the election's reminder as sent (once). False when it already was. */
  abstract markReminded(m: Tx, electionId: string, at: Date): Promise<boolean>;
  abstract ofCongress(m: Tx, congressId: string): Promise<ElectionSnapshot[]>;
  abstract insert(m: Tx, s: ElectionSnapshot): Promise<void>;
  abstract update(m: Tx, s: ElectionSnapshot): Promise<void>;

  abstract candidates(m: Tx, electionId: string): Promise<CandidacySnapshot[]>;
  abstract candidate(m: Tx, candidateId: string, forUpdate?: boolean): Promise<CandidacySnapshot | null>;
  abstract insertCandidate(m: Tx, c: CandidacySnapshot): Promise<void>;
  abstract setCandidateStatus(m: Tx, candidateId: string, status: CandidacyStatus): Promise<void>;
  abstract addNominator(m: Tx, candidateId: string, memberId: string, at: Date): Promise<void>;
  /** Numbers the validly nominated candidates 1..n in the given order of ids (the ballot paper, `ballotOrder`). */
  abstract assignBallotNumbers(m: Tx, electionId: string, order: readonly string[]): Promise<void>;

  abstract insertSlate(m: Tx, s: SlateView): Promise<void>;
  /** Locks the slate, so two nominations cannot both pass the mixed-slate check. */
  abstract slateForUpdate(m: Tx, slateId: string): Promise<SlateView | null>;
  abstract slateEntries(m: Tx, slateId: string): Promise<SlateEntry[]>;
  /** Slates with candidates in this election, and their candidate ids (ballot order). */
  abstract slatesOf(m: Tx, electionId: string): Promise<{ id: string; name: string; candidateIds: string[] }[]>;

  abstract saveResult(m: Tx, electionId: string, result: StoredResult): Promise<void>;
  abstract result(m: Tx, electionId: string): Promise<StoredResult | null>;
}
