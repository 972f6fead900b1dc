import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { Clock, type Tx } from '@org/platform';

export interface ElectionsAuditEntry {
  actorId: string | null;
  actorKind?: string;
  action: string;
  subjectType: 'election' | 'candidate' | 'slate' | 'congress' | 'delegate';
  subjectId: string;
  /** Facts: ids, states, counts, dates, hashes. Never a ballot, a receipt, or who voted what. */
  data?: Record<string, unknown>;
}

/** Writes this context's audit entries in the caller's transaction, at the injected clock's time. */
@Injectable()
export class ElectionsAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  record(m: Tx, e: ElectionsAuditEntry): Promise<unknown> {
    return this.audit.record(
      m,
      { actorId: e.actorId, actorKind: e.actorKind ?? 'member', context: 'elections', action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data },
      this.clock.now(),
    );
  }
}
