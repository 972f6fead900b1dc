import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@org/kernel';
import { ErrorFilter, LOGGER, type ErrorBody, type Logger } from '@org/platform';
import { CaseErrorCode } from '../../domain';

/**
 * What anyone without a role in a case gets (S1) — byte for byte the body of any unknown route,
 * so a real case, an unknown reference, a made-up id and a wrong URL cannot be told apart.
 */
export const NOT_FOUND_BODY: ErrorBody = Object.freeze({ statusCode: 404, code: 'not_found', message: 'Not found.' }) as ErrorBody;

/**
 * The disciplinary context's exception filter: the case's "not found" becomes the platform's
 * plain 404; every other error is mapped as everywhere else (domain codes → statuses, messages
 * written for the reader, internals never shown).
 */
@Catch()
export class DisciplineErrorFilter implements ExceptionFilter {
  private readonly base: ErrorFilter;

  constructor(@Inject(LOGGER) logger: Logger) {
    this.base = new ErrorFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof DomainError && exception.code === CaseErrorCode.CaseNotFound) {
      void host.switchToHttp().getResponse<FastifyReply>().status(404).send({ ...NOT_FOUND_BODY });
      return;
    }
    this.base.catch(exception, host);
  }
}
