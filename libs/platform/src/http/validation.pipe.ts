import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@org/kernel';

const flatten = (errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return own.concat(e.children?.length ? flatten(e.children, field) : []);
  });

/** Validation at the edge: unknown fields and wrong types are a 400 naming each field. */
export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; ');
      return new DomainError('invalid', 'validation_failed', `Some fields are not valid — ${summary}`, details);
    },
  });
