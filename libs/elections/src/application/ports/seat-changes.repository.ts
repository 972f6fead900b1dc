import type { Tx } from '@org/platform';
import type { VacancyRule } from '../../domain/counting';

/** Why a seat is vacant: the winner declined it, left it, or can no longer hold it (S2, status). */
export const VACANCY_REASONS = ['declined', 'left', 'ineligible'] as const;
export type VacancyReason = (typeof VACANCY_REASONS)[number];

export interface VacancyRecord {
  id: string;
  electionId: string;
  vacatingCandidateId: string;
  reason: VacancyReason;
  rule: VacancyRule;
  filledByCandidateId: string | null;
  mandateId: string | null;
  /** The countback's recount (the counting engine's result), or null for next-highest. */
  recount: unknown;
  recordedAt: string;
  recordedBy: string;
}

/** What changes a ballot's seats after voting opened: late withdrawals and vacancies (`elections.*`). */
export abstract class SeatChangesRepository {
  abstract recordWithdrawal(m: Tx, x: { candidateId: string; electionId: string; at: Date; by: string }): Promise<boolean>;
  abstract insertVacancy(m: Tx, v: VacancyRecord): Promise<void>;
  abstract vacancies(m: Tx, electionId: string): Promise<VacancyRecord[]>;
  abstract replaceMinimums(m: Tx, electionId: string, groups: readonly StoredMinimum[]): Promise<void>;
  abstract minimums(m: Tx, electionId: string): Promise<StoredMinimum[]>;
}

/** A representation minimum as set for an election: candidate ids, not numbers. */
export interface StoredMinimum {
  group: string;
  candidateIds: string[];
  minimum: number;
}
