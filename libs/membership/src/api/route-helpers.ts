import { ParseUUIDPipe } from '@nestjs/common';
import { asCsvSource, DomainError, type CsvSource } from '@org/kernel';
import { MembershipApplicationErrorCode } from '../application/membership-application.errors';

export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });

/** A CSV route's body: the bytes sent as `text/csv`, as a stream. */
export function csvBody(body: unknown): CsvSource {
  const source = asCsvSource(body);
  if (source !== null) return source;
  throw new DomainError('invalid', MembershipApplicationErrorCode.csvNotCsv, 'Send the file as the request body with Content-Type: text/csv.');
}

/** Officers who manage members: a branch secretary, or the national membership secretary. */
export const SECRETARY_POLICY = [
  { body: 'BRANCH_COMMITTEE' as const, roles: ['secretary' as const] },
  { body: 'NATIONAL_OFFICE' as const, roles: ['membership-secretary' as const] },
];
