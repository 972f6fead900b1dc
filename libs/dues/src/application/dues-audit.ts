import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { Clock, type Tx } from '@org/platform';

/** This context's audit entries, in the caller's transaction. Never amounts a member chose, never waiver reasons. */
@Injectable()
export class DuesAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  record(m: Tx, e: { actorId: string | null; actorKind?: string; action: string; subjectType: string; subjectId: string | null; data?: Record<string, unknown> }): Promise<unknown> {
    return this.audit.record(m, { actorId: e.actorId, actorKind: e.actorKind ?? 'member', context: 'dues', action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data }, this.clock.now());
  }
}
