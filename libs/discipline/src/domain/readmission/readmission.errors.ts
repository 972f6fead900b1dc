import { DomainError, DomainErrorKind } from '@org/kernel';

/** Error codes of readmission and standing under a sanction (S9). */
export const ReadmissionErrorCode = {
  DecisionRequired: 'discipline.readmission.decision_required',
  ConsultationRequired: 'discipline.readmission.complainant_consultation_required',
  InsufficientEffort: 'discipline.readmission.insufficient_effort_to_reach_complainant',
  InvalidConsultation: 'discipline.readmission.invalid_consultation',
  NotExpelled: 'discipline.readmission.not_expelled',
} as const;

export type ReadmissionErrorCode = (typeof ReadmissionErrorCode)[keyof typeof ReadmissionErrorCode];

export function readmissionError(
  kind: DomainErrorKind,
  code: ReadmissionErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(kind, code, message, details);
}
