import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import type { Tx } from '@org/kernel';
import { Clock } from '@org/platform';

export interface FloorAuditEntry {
  actorId: string | null;
  action: string;
  subjectType: 'floor' | 'agenda-item' | 'motion' | 'amendment' | 'speaker' | 'vote' | 'composite';
  subjectId: string;
  /** Facts: ids, stages, counts. Never a secret vote's answer. */
  data?: Record<string, unknown>;
}

/** Writes the floor's audit entries in the caller's transaction, at the injected clock's time. */
@Injectable()
export class FloorAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  record(tx: Tx, e: FloorAuditEntry): Promise<unknown> {
    return this.audit.record(tx, { actorId: e.actorId, actorKind: 'member', context: 'congress-floor', action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data }, this.clock.now());
  }
}
