import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { isDomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { assertMayAlterFinding, type FindingActor } from '../../domain/finding/finding-alteration.policy';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseRepository } from '../ports/case.repository';
import { cannotSuppress } from './independence.errors';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What the request named, as it can be stored whatever was sent: control characters (a NUL, which PostgreSQL refuses in text) and lone surrogates replaced. */
const storable = (s: string, max: number): string => s.slice(0, max).replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export interface Attempt {
  /** What was tried, e.g. `finding.decide`, `finding.annul`, `outcome-notice.delay`, `outcome.suppress`. */
  readonly action: string;
  /** The case named in the request (as given: it may not exist). */
  readonly caseId?: string | null;
  /** The finding, notice or appeal named in the request (as given). */
  readonly target?: string | null;
}

/**
 * Commission independence (S2, S7, S8): every refused attempt to act on a finding, an appeal or
 * a publication is written to the audit log — who (member, and the bodies they sit on), what,
 * on which id as they gave it — in its own transaction after the refusal, then the refusal is
 * returned unchanged. Someone without a role in the case gets the case's "not found" whether
 * the case exists or not, and the audit is written either way, so neither the answer nor its
 * timing tells them anything.
 */
@Injectable()
export class AlterationRefusals {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly cases: CaseRepository,
  ) {}

  /** Runs a use case and audits it if it is refused (not found, forbidden, or refused by a rule). */
  async audited<T>(actor: DisciplineActor, attempt: Attempt, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isDomainError(e) && ['not_found', 'forbidden', 'unprocessable', 'conflict'].includes(e.kind)) {
        await this.record(actor, attempt, e.code);
      }
      throw e;
    }
  }

  /**
   * Refuses, for anyone and any id, an attempt to change, annul, re-open, set aside or delay a
   * finding outside an appeal (S7) — and records it.
   */
  async refuseFindingAlteration(actor: DisciplineActor, attempt: Attempt): Promise<never> {
    try {
      assertMayAlterFinding({ kind: actor.findingActorKind, actorId: actor.audit.actorId } as FindingActor);
    } catch (e) {
      await this.record(actor, attempt, isDomainError(e) ? e.code : 'refused');
      throw e;
    }
    /* istanbul ignore next: assertMayAlterFinding refuses every non-appeal actor */
    throw new Error('unreachable');
  }

  /** Refuses, for anyone and any id, an attempt to stop, withdraw or cancel a publication (S8) — and records it. */
  async refuseSuppression(actor: DisciplineActor, attempt: Attempt): Promise<never> {
    const error = cannotSuppress();
    await this.record(actor, attempt, error.code);
    throw error;
  }

  private async record(actor: DisciplineActor, attempt: Attempt, refusedWith: string): Promise<void> {
    const target = attempt.target && UUID.test(attempt.target) ? attempt.target : null;
    const key = typeof attempt.caseId === 'string' ? storable(attempt.caseId, 100) : null;
    await this.db.transaction(async (m) => {
      // The case named (by id or reference), so the attempt shows in that case's audit trail;
      // one lookup whether it exists or not.
      const caseId = key ? ((await this.cases.findByKey(m, key))?.snapshot.id ?? null) : null;
      await this.audit.record(
        m,
        {
          actorId: actor.audit.actorId,
          actorKind: actor.audit.actorKind,
          context: 'discipline',
          action: 'proceedings.attempt-refused',
          subjectType: caseId ? AUDIT_SUBJECT : 'discipline.record',
          subjectId: caseId ?? target,
          data: { attempt: storable(attempt.action, 100), target, ...(caseId || !key ? {} : { caseKey: key }), actorBody: actor.findingActorKind, bodies: actor.bodies, refusedWith },
        },
        this.clock.now(),
      );
    });
  }
}
