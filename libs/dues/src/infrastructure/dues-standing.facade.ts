import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { MembershipRegisterPort } from '../application/ports/membership-register.port';
import { StandingCalculator } from '../application/standing-calculator';
import { DuesLedgerSqlRepository } from './dues-ledger.sql-repository';

/**
 * The dues context's published answer to "who was in good standing on date D" (the membership
 * context binds its `StandingLookup` port to this class). Uses the `dues.standing` read model
 * when it was computed for D, and the domain policy for everyone else.
 * Constructed with ports only, so the composition root can bind it anywhere.
 */
@Injectable()
export class DuesStandingFacade {
  private readonly ledger = new DuesLedgerSqlRepository();
  private readonly calculator: StandingCalculator;

  constructor(register: MembershipRegisterPort) {
    this.calculator = new StandingCalculator(this.ledger, register);
  }

  async inGoodStandingOn(tx: Tx, memberIds: readonly string[], asOf: string): Promise<Set<string>> {
    const stored = await this.ledger.standingOn(tx, memberIds, asOf);
    const good = new Set<string>();
    const missing: string[] = [];
    for (const id of memberIds) {
      const s = stored.get(id);
      if (s === undefined) missing.push(id);
      else if (s) good.add(id);
    }
    if (missing.length > 0) {
      const book = await this.calculator.planBook(tx);
      for (let i = 0; i < missing.length; i += 5000) {
        const assessed = await this.calculator.assessMany(tx, missing.slice(i, i + 5000), asOf, book);
        for (const [id, a] of assessed) if (a.inGoodStanding) good.add(id);
      }
    }
    return good;
  }
}
