import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@org/kernel';

export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });
