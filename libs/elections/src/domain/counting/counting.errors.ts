import { DomainError } from '@org/kernel';

/** Error codes owned by the vote-counting engine. */
export const CountingErrorCode = {
  /** A BLT ballot file is malformed (message says which line and what is wrong). */
  BltInvalid: 'blt_invalid',
  /** The ballots handed to a counter do not fit the method (e.g. equal rankings for Scottish STV). */
  BallotsInvalid: 'ballots_invalid',
  /** A block-vote / slate ballot names more candidates than seats, or unknown names. */
  BallotRefused: 'ballot_refused',
  /** The count was asked for something that cannot be counted (no candidates, bad threshold…). */
  CountInvalid: 'count_invalid',
} as const;

export type CountingErrorCode = (typeof CountingErrorCode)[keyof typeof CountingErrorCode];

/** `line N: what is wrong` — the only shape of error the BLT parser throws. */
export function bltInvalid(line: number, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', CountingErrorCode.BltInvalid, `line ${line}: ${message}`, { line, ...details });
}

export function ballotsInvalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', CountingErrorCode.BallotsInvalid, message, details);
}

export function ballotRefused(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', CountingErrorCode.BallotRefused, message, details);
}

export function countInvalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', CountingErrorCode.CountInvalid, message, details);
}
