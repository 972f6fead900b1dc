import { DomainError, type DomainErrorKind } from '@org/kernel';

/**
 * Error codes owned by the caucuses context. The API maps each to a status in
 * `api/caucuses-error.filter.ts`, with an exhaustiveness check.
 */
export const CaucusErrorCode = {
  caucusNotFound: 'caucus_not_found',
  voteNotFound: 'caucus_vote_not_found',
  invalidCaucus: 'invalid_caucus',
  nameTaken: 'caucus_name_taken',
  alreadyInCaucus: 'already_in_caucus',
  notInCaucus: 'not_in_caucus',
  membersOnly: 'caucus_members_only',
  notYetFormed: 'caucus_not_yet_formed',
  invalidVote: 'invalid_caucus_vote',
  unknownOption: 'unknown_caucus_vote_option',
  alreadyVoted: 'already_voted_in_caucus',
  voteClosed: 'caucus_vote_closed',
  notVoteOpener: 'not_caucus_vote_opener',
} as const;

export type CaucusErrorCode = (typeof CaucusErrorCode)[keyof typeof CaucusErrorCode];

export const caucusError = (kind: DomainErrorKind, code: CaucusErrorCode, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(kind, code, message, details);

export const caucusNotFound = (): DomainError => caucusError('not_found', CaucusErrorCode.caucusNotFound, 'No such caucus. Check the link, or find the caucus in the list of caucuses.');

/**
 * The one answer to anybody outside a caucus who asks for what only its members see — its roster,
 * its discussion, its votes — whatever office they hold. Audited by the use case.
 */
export const membersOnly = (): DomainError =>
  caucusError(
    'forbidden',
    CaucusErrorCode.membersOnly,
    'Only the members of a caucus see who belongs to it, its discussion and its votes — no office gives access to them. Join the caucus if you want to take part.',
  );
