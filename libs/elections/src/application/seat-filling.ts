import { Injectable } from '@nestjs/common';
import { IdentityRepository, MandateService } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { Election, type CandidacySnapshot } from '../domain';
import { CongressRepository } from './ports/congress.repository';
import { ElectionsTransactions } from './ports/elections-transactions.port';

/** What a carried recall did to its mandate. */
export type RecallEffect = { mandateId: string; ended: true; endsOn: string } | { mandateId: string; ended: false; reason: 'not-carried' | 'already-ended' };

/**
 * What a certified result does, in the certifying transaction: seats on a body become mandates
 * through identity's `MandateService` (the only way a mandate is created; it re-checks S2 and
 * the independent-body rule), delegate seats become congress delegates, a carried recall ends its
 * mandate (the only way a commission or appeals mandate ends early, S2); any other motion changes
 * nothing.
 */
@Injectable()
export class SeatFilling {
  constructor(
    private readonly mandates: MandateService,
    private readonly identity: IdentityRepository,
    private readonly congresses: CongressRepository,
    private readonly clock: Clock,
    private readonly db: ElectionsTransactions,
  ) {}

  async fill(m: Tx, election: Election, elected: readonly CandidacySnapshot[], actor: { id: string | null; kind: string }): Promise<string[]> {
    const s = election.toSnapshot();
    const created: string[] = [];
    if (s.purpose === 'body') {
      const term = election.term(this.clock.today());
      for (const c of elected) {
        created.push(
          await this.mandates.create(m, {
            memberId: c.memberId,
            bodyId: s.bodyId as string,
            role: 'member',
            startsOn: term.startsOn,
            endsOn: term.endsOn,
            source: { kind: 'election', ref: s.id, electedBodyId: s.bodyId as string },
            actor,
          }),
        );
      }
    } else if (s.purpose === 'delegates') {
      if (!s.congressId || s.scope.kind !== 'branch') throw new DomainError('unprocessable', 'invalid_election', 'A delegate election must belong to a congress and a branch.');
      for (const c of elected) {
        await this.congresses.addDelegate(m, { congressId: s.congressId, memberId: c.memberId, branchId: s.scope.branchId, electionId: s.id });
      }
    }
    return created;
  }

  /**
   * One winner's seat, if identity lets them take it: a refusal that concerns the person (S2
   * incompatibility or cooling-off, not an active member, a restriction) is rolled back to a
   * savepoint and reported, so the seat can go to the next in line; any other refusal (the body
   * full, no such body) stops the certification as before.
   */
  async fillIfEligible(m: Tx, election: Election, winner: CandidacySnapshot, actor: { id: string | null; kind: string }): Promise<{ seated: true; mandateId: string | null } | { seated: false; code: string }> {
    try {
      const [mandateId] = await this.db.savepoint(m, () => this.fill(m, election, [winner], actor));
      return { seated: true, mandateId: mandateId ?? null };
    } catch (e) {
      if (e instanceof DomainError && PERSONAL_REFUSALS.has(e.code)) return { seated: false, code: e.code };
      throw e;
    }
  }

  /**
   * A winner leaves the seat (or never takes it): the mandate their seat became ends today — or,
   * if its term has not started, on its first day, so it never carries authority.
   */
  async vacate(m: Tx, mandateId: string, reason: string, actor: { id: string | null; kind: string }): Promise<string | null> {
    const today = this.clock.today();
    const mandate = await this.identity.findMandate(m, mandateId);
    if (!mandate || (mandate.endsOn !== null && mandate.endsOn <= today)) return null;
    const endsOn = mandate.startsOn < today ? today : nextDay(mandate.startsOn);
    if (mandate.endsOn !== null && mandate.endsOn <= endsOn) return null;
    await this.mandates.end(m, mandateId, endsOn, reason, actor);
    return endsOn;
  }

  /** A carried recall ends the mandate today (authority ends at once: a mandate runs until the day before `endsOn`). */
  async recall(m: Tx, election: Election, carried: boolean, actor: { id: string | null; kind: string }): Promise<RecallEffect | null> {
    const s = election.toSnapshot();
    if (!s.recallMandateId) return null;
    if (!carried) return { mandateId: s.recallMandateId, ended: false, reason: 'not-carried' };
    const today = this.clock.today();
    const mandate = await this.identity.findMandate(m, s.recallMandateId);
    // Ended meanwhile (term over, resignation, an earlier recall): the result stands, nothing more to end.
    if (!mandate || (mandate.endsOn !== null && mandate.endsOn <= today)) return { mandateId: s.recallMandateId, ended: false, reason: 'already-ended' };
    const endsOn = mandate.startsOn < today ? today : nextDay(mandate.startsOn);
    await this.mandates.end(m, s.recallMandateId, endsOn, `Recalled by ballot: ${s.title} (${s.id})`, actor);
    return { mandateId: s.recallMandateId, ended: true, endsOn };
  }
}

/** Refusals of a mandate that concern the winner, not the seat: the seat goes to the next in line. */
const PERSONAL_REFUSALS = new Set(['incompatible_mandate', 'cooling_off_period', 'member_not_active', 'member_not_found', 'blocked_by_restriction']);

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
