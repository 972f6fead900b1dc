import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import { FloorErrorCode } from '../../domain';
import { BulletinErrorCode } from '../../domain/bulletin';
import { FLOOR_ERROR_STATUS } from '../floor-error.filter';

/** Every code the bulletin owns → its HTTP status (a new code without one is a compile error). */
export const BULLETIN_ERROR_STATUS = {
  bulletin_not_set: 404,
  bulletin_already_set: 409,
  invalid_bulletin_orders: 400,
  bulletin_not_open_yet: 422,
  bulletin_closed: 422,
  contribution_too_long: 400,
  invalid_contribution: 400,
  contribution_not_found: 404,
  not_the_author: 403,
  contribution_already_withdrawn: 409,
  may_not_publish_for: 403,
  idempotency_key_reused: 409,
} as const satisfies Record<BulletinErrorCode, number>;

const STATUS = { ...FLOOR_ERROR_STATUS, ...BULLETIN_ERROR_STATUS };

/** The bulletin's error mapping (and the floor's, for the floor it belongs to); a restriction is answered with the one confidential message. */
@Catch(DomainError)
export class BulletinErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, STATUS, [FloorErrorCode.blockedByRestriction]);
  }
}
