import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import type { Tx } from '@org/kernel';
import { Clock } from '@org/platform';
import type { CaucusActor } from './caucus-actor';

/**
 * The caucuses context's audit entries. Only what may be known of everybody is recorded: a caucus
 * proposed or formed (no names), a vote opened or closed, and every refused attempt by somebody
 * outside a caucus to see its roster, discussion or votes (who tried, which caucus, what).
 * Joining, leaving, signing, posting and voting are never audited: the shared audit log is read
 * outside this context, and an entry "member X joined caucus Y" would be the roster itself.
 */
@Injectable()
export class CaucusAudit {
  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  record(tx: Tx, action: string, subjectType: 'caucus' | 'caucus-vote', subjectId: string, data: Record<string, unknown> = {}): Promise<unknown> {
    return this.audit.record(tx, { actorId: null, actorKind: 'system', context: 'caucuses', action, subjectType, subjectId, data }, this.clock.now());
  }

  /** Somebody outside the caucus asked for what only its members see. */
  refused(tx: Tx, actor: CaucusActor, caucusId: string, what: 'roster' | 'discussion' | 'votes'): Promise<unknown> {
    return this.audit.record(
      tx,
      { actorId: actor.memberId ?? actor.accountId, actorKind: actor.memberId ? 'member' : 'account', context: 'caucuses', action: 'caucus.members-only-refused', subjectType: 'caucus', subjectId: caucusId, data: { what } },
      this.clock.now(),
    );
  }
}
