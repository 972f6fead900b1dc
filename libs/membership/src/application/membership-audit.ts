import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { Clock } from '@org/platform';

export interface MembershipAuditEntry {
  actorId: string | null;
  /** 'member' for people, 'system' for the standing job. */
  actorKind?: string;
  action: string;
  subjectType: 'member' | 'branch' | 'transfer' | 'import' | 'import-mapping' | 'meeting' | 'electoral-roll' | 'apportionment';
  subjectId: string | null;
  /** Facts about the change: ids, dates, statuses, counts. Never contact details, never a protected transfer's kind. */
  data?: Record<string, unknown>;
}

/** Writes this context's audit entries in the caller's transaction, at the injected clock's time. */
@Injectable()
export class MembershipAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  record(m: Tx, e: MembershipAuditEntry): Promise<unknown> {
    return this.audit.record(
      m,
      { actorId: e.actorId, actorKind: e.actorKind ?? 'member', context: 'membership', action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data },
      this.clock.now(),
    );
  }
}
