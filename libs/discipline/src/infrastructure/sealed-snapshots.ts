import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { CaseContentService } from '../application/case-content/case-content.service';

/**
 * Findings, appeals, notices, statements and readmission decisions are stored as a sealed JSON snapshot (the case's data key, the record's own
 * field name as associated data) beside a few plain columns the jobs and reports need. A
 * snapshot moved to another row or case fails to open.
 */
@Injectable()
export class SealedSnapshots {
  constructor(private readonly content: CaseContentService) {}

  seal(m: Tx, caseId: string, field: string, value: unknown): Promise<string> {
    return this.content.sealValue(m, caseId, field, JSON.stringify(value));
  }

  async open<T>(m: Tx, caseId: string, field: string, sealed: string): Promise<T> {
    return JSON.parse(await this.content.openValue(m, caseId, field, sealed)) as T;
  }
}

/** A sealed record as stored: its ids in clear, its content sealed under the case's data key. */
export interface SealedRecordRow {
  id: string;
  case_id: string;
  sealed: string;
}

export const iso = (v: Date | string | null | undefined): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());
