import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError, RestrictionsPort } from '@org/kernel';
import { APP_CONFIG, Clock, maybeOne, envInteger, type AppConfig, type Env, type Tx } from '@org/platform';
import { IdentityTransactions } from './ports/identity-transactions.port';
import { INDEPENDENT_BODIES, type MandateRole } from '../domain/body-kind';
import { assertCompatible } from '../domain/incompatibility';
import { assertNotBackdated, assertSeatAvailable } from '../domain/seat-limits';
import { BodySeatsRepository } from './ports/body-seats.repository';
import { assertElectionsCommitteeSeatSource } from '../domain/elections-committee-seat.policy';
import { IdentityRepository } from './ports/identity.repository';

export interface MandateSource {
  /** `election`: certified by an election of that body; `founding`: the founding import; `appointment`: by a body's decision. */
  kind: 'election' | 'founding' | 'appointment';
  ref: string;
  /** For elections: the body the election filled. */
  electedBodyId?: string;
}

export interface NewMandate {
  memberId: string;
  bodyId: string;
  role: MandateRole;
  startsOn: string;
  endsOn: string | null;
  source: MandateSource;
  actor: { id: string | null; kind: string };
}

/** S2: months after leaving a conflicting body before a commission/appeals seat (`COOLING_OFF_MONTHS`, default 12). */
export function loadCoolingOffMonths(env: Env): number {
  return envInteger(env, 'COOLING_OFF_MONTHS', 12, { min: 0, max: 600, unit: 'months' });
}

/**
 * The only way a mandate comes into being or ends. S2 is checked here, whoever calls: an
 * election's certification, the founding import, or an appointment route.
 */
@Injectable()
export class MandateService {
  constructor(
    private readonly ds: IdentityTransactions,
    private readonly repo: IdentityRepository,
    private readonly audit: AuditLog,
    private readonly restrictions: RestrictionsPort,
    private readonly clock: Clock,
    private readonly seats: BodySeatsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.coolingOffMonths = loadCoolingOffMonths(config.env);
  }

  /** S2's cooling-off period in months, as configured (`COOLING_OFF_MONTHS`). */
  readonly coolingOffMonths: number;

  /** Creates a mandate inside the caller's transaction. */
  async create(m: Tx, x: NewMandate): Promise<string> {
    const body = await this.repo.findBody(m, x.bodyId);
    if (!body) throw new DomainError('not_found', 'body_not_found', 'No such body.');
    if (INDEPENDENT_BODIES.includes(body.kind)) {
      const fromOwnElection = x.source.kind === 'election' && x.source.electedBodyId === body.id;
      if (!fromOwnElection && x.source.kind !== 'founding') {
        throw new DomainError(
          'forbidden',
          'independent_body_seat',
          `${body.kind === 'CCOM' ? 'Control Commission' : 'Appeals Committee'} seats are filled only by their own elections (statutes, S2).`,
        );
      }
    }
    assertElectionsCommitteeSeatSource(body.kind, x.source, body.id);
    // Seat limits (1/2): only the founding act and an election's certification write the past.
    assertNotBackdated({ startsOn: x.startsOn, today: this.clock.today(), sourceKind: x.source.kind });
    const member = await maybeOne<{ status: string }>(m, `SELECT status FROM membership.members WHERE id = $1`, [x.memberId]);
    if (!member) throw new DomainError('not_found', 'member_not_found', 'No such member.');
    if (member.status !== 'active') {
      throw new DomainError('unprocessable', 'member_not_active', 'Only an active member can hold a mandate.');
    }
    const restrictions = await this.restrictions.restrictionsFor(x.memberId, this.clock.now(), m);
    if (restrictions.some((r) => r.kind === 'no_office' || (r.kind === 'no_candidacy' && x.source.kind === 'election'))) {
      throw new DomainError('conflict', 'blocked_by_restriction', CONFIDENTIAL_RESTRICTION_MESSAGE);
    }
    const held = await this.repo.mandatesOfMemberForUpdate(m, x.memberId);
    assertCompatible({ bodyKind: body.kind, startsOn: x.startsOn, endsOn: x.endsOn, held, coolingOffMonths: this.coolingOffMonths });
    // Seat limits (2/2): the body row stays locked until the caller's transaction ends, so two
    // concurrent creations cannot both take the last seat.
    const seated = await this.seats.lockBodyWithMandates(m, x.bodyId);
    if (!seated) throw new DomainError('not_found', 'body_not_found', 'No such body.');
    assertSeatAvailable({ body: seated, role: x.role, startsOn: x.startsOn, endsOn: x.endsOn, existing: seated.mandates });
    const id = await this.repo.insertMandate(m, { memberId: x.memberId, bodyId: x.bodyId, role: x.role, startsOn: x.startsOn, endsOn: x.endsOn, sourceKind: x.source.kind, sourceRef: x.source.ref });
    await this.audit.record(m, {
      actorId: x.actor.id,
      actorKind: x.actor.kind,
      context: 'identity',
      action: 'mandate.created',
      subjectType: 'mandate',
      subjectId: id,
      data: { memberId: x.memberId, bodyId: x.bodyId, bodyKind: body.kind, role: x.role, startsOn: x.startsOn, endsOn: x.endsOn, source: x.source },
    });
    return id;
  }

  /**
   * Ends a mandate by a body's decision. Commission and appeals mandates cannot be ended this
   * way at all (only the electing body can remove them, through a recall ballot); the attempt
   * is refused and audited.
   */
  async endByDecision(actor: { id: string; kind: string }, mandateId: string, endsOn: string, reason: string): Promise<void> {
    const mandate = await this.repo.findMandate(this.ds.manager, mandateId);
    if (!mandate) throw new DomainError('not_found', 'mandate_not_found', 'No such mandate.');
    if (INDEPENDENT_BODIES.includes(mandate.bodyKind)) {
      await this.ds.transaction((m) =>
        this.audit.record(m, {
          actorId: actor.id,
          actorKind: actor.kind,
          context: 'identity',
          action: 'mandate.end-refused',
          subjectType: 'mandate',
          subjectId: mandateId,
          data: { bodyKind: mandate.bodyKind, reasonGiven: reason.slice(0, 200) },
        }),
      );
      throw new DomainError(
        'forbidden',
        'independent_mandate',
        'Commission and appeals mandates can be ended only by their electing body (congress or a membership-wide recall ballot). This attempt has been recorded.',
      );
    }
    await this.ds.transaction(async (m) => {
      await this.end(m, mandateId, endsOn, reason, actor);
    });
  }

  /**
   * Ends, on `endsOn`, every mandate of this member that is still running then and started
   * before it — inside the caller's transaction (a final disciplinary sanction). Idempotent: a
   * mandate already ended by then is left alone. Returns how many ended.
   */
  async endAllHeldBy(m: Tx, memberId: string, endsOn: string, reason: string, actor: { id: string | null; kind: string }): Promise<number> {
    const held = await this.repo.mandateIdsRunningPast(m, memberId, endsOn);
    for (const id of held) await this.end(m, id, endsOn, reason, actor);
    return held.length;
  }

  /** Ends a mandate inside the caller's transaction (term over, recall certified, resignation). */
  async end(m: Tx, mandateId: string, endsOn: string, reason: string, actor: { id: string | null; kind: string }): Promise<void> {
    const mandate = await this.repo.findMandate(m, mandateId);
    if (!mandate) throw new DomainError('not_found', 'mandate_not_found', 'No such mandate.');
    if (mandate.endsOn !== null && mandate.endsOn <= endsOn) {
      throw new DomainError('conflict', 'mandate_already_ended', `This mandate already ends on ${mandate.endsOn}.`);
    }
    if (endsOn <= mandate.startsOn) throw new DomainError('invalid', 'mandate_end_before_start', 'A mandate cannot end before it starts.');
    await this.repo.endMandate(m, mandateId, endsOn, reason);
    await this.audit.record(m, { actorId: actor.id, actorKind: actor.kind, context: 'identity', action: 'mandate.ended', subjectType: 'mandate', subjectId: mandateId, data: { endsOn, bodyKind: mandate.bodyKind } });
  }
}
