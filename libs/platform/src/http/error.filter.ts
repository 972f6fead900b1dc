import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@org/kernel';
import type { Logger } from '../logging/logger';
import { LOGGER } from '../logging/logging.tokens';
import { databaseErrorBody } from './database-error';
import { DOMAIN_ERROR_KIND_STATUS } from './domain-error-reply';
import type { ErrorBody } from './error-body';


const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '55000', '3D000', '28000', '28P01']);
/** SQLSTATE classes meaning the database cannot serve us: connection exceptions, operator intervention, resources. */
const isConnectionCode = (code?: string): boolean => !!code && (CONNECTION_ERRORS.has(code) || /^(08|57P|53)/.test(code));

/**
 * Maps every error to `{ statusCode, code, message, details? }`. Domain errors carry their own
 * code and message; anything unexpected becomes a 500 whose message reveals nothing internal.
 * Nothing from the request body is ever logged here.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const err = exception as { name?: string; message?: string; code?: string };
      this.logger.error({ err: { name: err?.name, code: err?.code, message: err?.message?.slice(0, 300) } }, 'request failed');
    }
    if (body.statusCode === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: DOMAIN_ERROR_KIND_STATUS[exception.kind], code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse() as string | { message?: string | string[] };
      const message = typeof res === 'string' ? res : Array.isArray(res.message) ? res.message.join('; ') : res.message ?? exception.message;
      if (status === 400 && /JSON/i.test(message)) {
        return { statusCode: 400, code: 'malformed_body', message: 'The request body is not valid JSON. Check quotes, commas and brackets.' };
      }
      const code = status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : `http_${status}`;
      return { statusCode: status, code, message: status === 404 ? 'Not found.' : message };
    }
    const e = exception as { statusCode?: number; code?: string; message?: string };
    // Fastify's own errors: malformed JSON, unsupported media type, body too large.
    if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      if (e.statusCode === 413) return { statusCode: 413, code: 'payload_too_large', message: 'The request body is too large.' };
      if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
        return { statusCode: 415, code: 'unsupported_media_type', message: 'Send the request body as application/json.' };
      }
      if (e.code?.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError) {
        return { statusCode: 400, code: 'malformed_body', message: 'The request body is not valid JSON. Check quotes, commas and brackets.' };
      }
      return { statusCode: e.statusCode, code: 'bad_request', message: e.message ?? 'Bad request.' };
    }
    // A constraint or a malformed value the database refused: 400/409 naming the field.
    const refused = databaseErrorBody(exception);
    if (refused) return refused;
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception as unknown as { driverError?: { code?: string } }).driverError?.code;
      if (isConnectionCode(pgCode)) return this.unavailable();
    }
    if (isConnectionCode(e?.code)) return this.unavailable();
    if (typeof e?.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Timed out after .* embedded database|pool has been closed|does not allow connections/i.test(e.message)) {
      return this.unavailable();
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal_error', message: 'Something went wrong on our side. Nothing was changed; please try again.' };
  }

  private unavailable(): ErrorBody {
    return { statusCode: 503, code: 'database_unavailable', message: 'The database is unavailable right now. Nothing was changed; please try again shortly.' };
  }
}
