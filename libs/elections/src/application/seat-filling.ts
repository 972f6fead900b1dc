import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MandateService } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Election, type CandidacySnapshot } from '../domain';
import { CongressRepository } from './ports/congress.repository';

/**
 * What a certified result does, in the certifying transaction: seats on a body become mandates
 * through identity's `MandateService` (the only way a mandate is created; it re-checks S2 and
 * the independent-body rule), delegate seats become congress delegates, a motion changes nothing.
 */
@Injectable()
export class SeatFilling {
  constructor(
    private readonly mandates: MandateService,
    private readonly congresses: CongressRepository,
    private readonly clock: Clock,
  ) {}

  async fill(m: EntityManager, election: Election, elected: readonly CandidacySnapshot[], actor: { id: string | null; kind: string }): Promise<string[]> {
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
}
