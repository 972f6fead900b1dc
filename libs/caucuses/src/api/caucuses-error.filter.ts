import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import type { CaucusErrorCode } from '../domain';

/** Every code this context owns → its HTTP status; a new code without one is a compile error. */
export const CAUCUSES_ERROR_STATUS = {
  caucus_not_found: 404,
  caucus_vote_not_found: 404,
  invalid_caucus: 400,
  caucus_name_taken: 409,
  already_in_caucus: 409,
  not_in_caucus: 409,
  caucus_members_only: 403,
  caucus_not_yet_formed: 409,
  invalid_caucus_vote: 400,
  unknown_caucus_vote_option: 400,
  already_voted_in_caucus: 409,
  caucus_vote_closed: 409,
  not_caucus_vote_opener: 403,
} as const satisfies Record<CaucusErrorCode, number>;

@Catch(DomainError)
export class CaucusesErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, CAUCUSES_ERROR_STATUS);
  }
}
