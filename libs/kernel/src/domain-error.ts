/**
 * The one error type that crosses layers. Domain and application code throw it with a stable,
 * machine-readable `code` (each bounded context owns its codes) and a message written for the
 * person who will read it: what was wrong and what to do. The HTTP layer maps `kind` to a status.
 */
export type DomainErrorKind =
  | 'invalid' // 400: the request itself is wrong
  | 'unauthenticated' // 401
  | 'forbidden' // 403: known caller, not allowed
  | 'not_found' // 404: also used to hide what the caller may not know exists
  | 'conflict' // 409: the request clashes with the current state
  | 'unprocessable' // 422: well-formed, but a rule refuses it
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown> | unknown[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
