import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import { CountingErrorCode, ElectionErrorCode } from '../domain';

type Code = ElectionErrorCode | CountingErrorCode;

/**
 * Every code this context owns → its HTTP status. `satisfies Record<Code, number>` makes a new
 * code without a status a compile error (the exhaustiveness check).
 */
export const ELECTIONS_ERROR_STATUS = {
  election_not_found: 404,
  candidate_not_found: 404,
  slate_not_found: 404,
  congress_not_found: 404,
  roll_not_found: 404,
  apportionment_not_found: 404,
  invalid_election: 400,
  election_wrong_state: 409,
  returning_officer_is_candidate: 403,
  nominations_closed: 409,
  already_nominated: 409,
  candidate_not_eligible: 422,
  nominator_not_eligible: 422,
  already_nominator: 409,
  nomination_by_body_refused: 422,
  nominating_body_mandate_required: 403,
  mixed_slate: 422,
  slate_full: 422,
  not_your_candidacy: 403,
  acclamation_too_early: 422,
  acclamation_needs_ballot: 422,
  acclamation_not_allowed: 422,
  no_candidates: 422,
  voting_closed: 409,
  voting_still_open: 409,
  not_on_electorate: 403,
  voter_suspended: 403,
  already_voted: 409,
  invalid_idempotency_key: 400,
  unknown_candidate: 400,
  too_many_choices: 400,
  ballot_invalid: 400,
  ballot_list_changed: 503,
  inquorate: 422,
  congress_not_quorate: 422,
  results_not_published: 409,
  ballots_withheld: 409,
  blt_not_available: 409,
  credential_not_recognized: 404,
  not_a_delegate: 403,
  already_accredited: 409,
  empty_electorate: 422,
  delegate_elections_exist: 409,
  blocked_by_restriction: 409,
  blt_invalid: 400,
  ballots_invalid: 400,
  ballot_refused: 400,
  count_invalid: 400,
} as const satisfies Record<Code, number>;

/**
 * The elections context's error mapping. Codes of other contexts (identity's S2 checks,
 * validation, authentication) fall back to their kind. A restriction is always answered with the
 * one confidential message and no details.
 */
@Catch(DomainError)
export class ElectionsErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, ELECTIONS_ERROR_STATUS, [ElectionErrorCode.blockedByRestriction]);
  }
}
