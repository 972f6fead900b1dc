import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import { FloorErrorCode } from '../domain';

/** Every code the congress floor owns → its HTTP status (a new code without one is a compile error). */
export const FLOOR_ERROR_STATUS = {
  congress_not_found: 404,
  floor_not_open: 404,
  floor_already_open: 409,
  agenda_item_not_found: 404,
  motion_not_found: 404,
  amendment_not_found: 404,
  vote_not_found: 404,
  speaker_not_found: 404,
  not_a_floor_officer: 403,
  not_the_submitter: 403,
  may_not_submit_for: 403,
  submission_deadline_passed: 422,
  motion_wrong_stage: 409,
  not_enough_seconders: 422,
  already_seconded: 409,
  cannot_second_own_motion: 422,
  refusal_needs_reason: 400,
  invalid_amendment: 400,
  invalid_motion: 400,
  invalid_standing_orders: 400,
  invalid_agenda_item: 400,
  amendment_wrong_stage: 409,
  amendments_pending: 409,
  not_an_accredited_delegate: 403,
  already_on_speakers_list: 409,
  nobody_waiting: 409,
  vote_already_open: 409,
  vote_closed: 409,
  already_voted: 409,
  blocked_by_restriction: 403,
  composite_not_found: 404,
  no_quorum: 422,
  invalid_composite: 400,
  composite_pending: 409,
  composite_decided: 409,
  emergency_needs_reason: 400,
  not_an_emergency: 422,
  composite_needs_all_movers: 403,
} as const satisfies Record<FloorErrorCode, number>;

/** The floor's error mapping; a restriction is answered with the one confidential message and no details. */
@Catch(DomainError)
export class FloorErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, FLOOR_ERROR_STATUS, [FloorErrorCode.blockedByRestriction]);
  }
}
