import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { ComplainantFilesRepository, type SealedFileRow } from '../../application/ports/complainant-files.repository';
import { query } from '@org/platform';
export type { SealedFileRow };

/** A file the complainant added to their case: its sealed description (name, type, size, hash, date). */
/**
 * The files a person submitted to a case (the investigation stores them in `discipline.evidence`), for the
 * case view of their own complaint. Reads metadata rows only — never the files' content.
 */
@Injectable()
export class ComplainantFilesSqlRepository implements ComplainantFilesRepository {
  async submittedBy(m: Tx, caseId: string, personIds: readonly string[]): Promise<SealedFileRow[]> {
    if (personIds.length === 0) return [];
    const rows = await query<{ id: string; sealed_meta: string }>(
      m,
      `SELECT id, sealed_meta FROM discipline.evidence WHERE case_id = $1 AND submitted_by = ANY($2::text[]) ORDER BY submitted_at, id`,
      [caseId, [...personIds]],
    );
    return rows.map((r) => ({ id: r.id, sealedMeta: r.sealed_meta }));
  }
}
