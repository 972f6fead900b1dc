import type { ArgumentsHost } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, type DomainError, type DomainErrorKind } from '@org/kernel';

/** The HTTP status of each kind of domain error, for codes no context maps to a status of its own. */
export const DOMAIN_ERROR_KIND_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * Sends a context's domain error as `{ statusCode, code, message, details? }`: the status from the
 * context's own table (its codes), else from the error's kind (other contexts' codes). A code in
 * `confidential` (a restriction, S5/S13) is answered with the one confidential message and no
 * details, whatever the error said.
 */
export function replyWithDomainError(
  host: ArgumentsHost,
  e: DomainError,
  statusByCode: Readonly<Record<string, number>>,
  confidential: readonly string[] = [],
): void {
  const reply = host.switchToHttp().getResponse<FastifyReply>();
  const statusCode = statusByCode[e.code] ?? DOMAIN_ERROR_KIND_STATUS[e.kind] ?? 400;
  const restricted = confidential.includes(e.code);
  if (statusCode === 401) void reply.header('www-authenticate', 'Bearer');
  void reply.status(statusCode).send({
    statusCode,
    code: e.code,
    message: restricted ? CONFIDENTIAL_RESTRICTION_MESSAGE : e.message,
    ...(e.details && !restricted ? { details: e.details } : {}),
  });
}
