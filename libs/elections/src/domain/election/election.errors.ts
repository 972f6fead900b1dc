import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError, type DomainErrorKind } from '@org/kernel';

/**
 * Error codes owned by the elections context (the counting engine owns its own, see
 * `domain/counting/counting.errors.ts`). The API maps each to a status in
 * `api/elections-error.filter.ts`, with an exhaustiveness check.
 */
export const ElectionErrorCode = {
  electionNotFound: 'election_not_found',
  candidateNotFound: 'candidate_not_found',
  slateNotFound: 'slate_not_found',
  congressNotFound: 'congress_not_found',
  rollNotFound: 'roll_not_found',
  apportionmentNotFound: 'apportionment_not_found',
  invalidElection: 'invalid_election',
  wrongState: 'election_wrong_state',
  returningOfficerIsCandidate: 'returning_officer_is_candidate',
  nominationsClosed: 'nominations_closed',
  alreadyNominated: 'already_nominated',
  candidateNotEligible: 'candidate_not_eligible',
  nominatorNotEligible: 'nominator_not_eligible',
  alreadyNominator: 'already_nominator',
  nominationByBodyRefused: 'nomination_by_body_refused',
  nominatingBodyMandateRequired: 'nominating_body_mandate_required',
  mixedSlate: 'mixed_slate',
  slateFull: 'slate_full',
  notYourCandidacy: 'not_your_candidacy',
  acclamationTooEarly: 'acclamation_too_early',
  acclamationNeedsBallot: 'acclamation_needs_ballot',
  acclamationNotAllowed: 'acclamation_not_allowed',
  noCandidates: 'no_candidates',
  votingClosed: 'voting_closed',
  votingStillOpen: 'voting_still_open',
  notOnElectorate: 'not_on_electorate',
  voterSuspended: 'voter_suspended',
  alreadyVoted: 'already_voted',
  invalidIdempotencyKey: 'invalid_idempotency_key',
  unknownCandidate: 'unknown_candidate',
  tooManyChoices: 'too_many_choices',
  ballotInvalid: 'ballot_invalid',
  ballotListChanged: 'ballot_list_changed',
  inquorate: 'inquorate',
  congressNotQuorate: 'congress_not_quorate',
  resultsNotPublished: 'results_not_published',
  ballotsWithheld: 'ballots_withheld',
  bltNotAvailable: 'blt_not_available',
  credentialNotRecognized: 'credential_not_recognized',
  notADelegate: 'not_a_delegate',
  alreadyAccredited: 'already_accredited',
  emptyElectorate: 'empty_electorate',
  delegateElectionsExist: 'delegate_elections_exist',
  blockedByRestriction: 'blocked_by_restriction',
} as const;

export type ElectionErrorCode = (typeof ElectionErrorCode)[keyof typeof ElectionErrorCode];

export const electionError = (kind: DomainErrorKind, code: ElectionErrorCode, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(kind, code, message, details);

export const electionNotFound = (): DomainError => electionError('not_found', ElectionErrorCode.electionNotFound, 'No such election.');

/** A restriction from the disciplinary context: what is blocked, never why. */
export const blockedByRestriction = (): DomainError => electionError('conflict', ElectionErrorCode.blockedByRestriction, CONFIDENTIAL_RESTRICTION_MESSAGE);
