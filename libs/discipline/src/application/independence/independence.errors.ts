import { DomainError } from '@org/kernel';

/** Error codes of commission independence (S2, S7, S8) raised by the application layer. */
export const IndependenceErrorCode = {
  NoSuppression: 'discipline.outcome_notice.cannot_be_suppressed',
} as const;

/** Nobody can stop, withdraw or cancel an outcome notice (S8). Same answer for any id. */
export const cannotSuppress = (): DomainError =>
  new DomainError(
    'forbidden',
    IndependenceErrorCode.NoSuppression,
    'No body, role or setting can stop, withdraw or cancel the publication of an outcome notice. Only the panel that made the finding may delay it, once, by up to 14 days, with a recorded reason. This attempt has been recorded.',
  );
