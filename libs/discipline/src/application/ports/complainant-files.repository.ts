import type { Tx } from '@org/platform';

export interface SealedFileRow {
  readonly id: string;
  readonly sealedMeta: string;
}

/** The files a complainant (or the people they name) submitted with a complaint: sealed descriptions only. */
export abstract class ComplainantFilesRepository {
  abstract submittedBy(m: Tx, caseId: string, personIds: readonly string[]): Promise<SealedFileRow[]>;
}
