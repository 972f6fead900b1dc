import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountProvisioning, MandateService } from '@org/identity';
import { MemberSanctionsFacade } from '@org/membership';

/**
 * The disciplinary context's `MemberSanctions` port (bound in `composition.ts`), carried out by
 * the contexts that own what changes: membership sets the status and closes the branch period,
 * identity ends the sessions and the mandates. Each runs in the transaction it is given — the
 * one that makes the finding final — so the effects commit or roll back with the finding.
 */
@Injectable()
export class MemberSanctionsAdapter {
  constructor(
    private readonly register: MemberSanctionsFacade,
    private readonly accounts: AccountProvisioning,
    private readonly mandates: MandateService,
  ) {}

  async standingChanged(m: EntityManager, e: { memberId: string; standing: 'suspended' | 'expelled'; ref: string; at: Date }): Promise<void> {
    await this.register.changeStatus(m, e.memberId, e.standing, { ref: e.ref, at: e.at });
    if (e.standing === 'expelled') {
      await this.accounts.membersLeft(m, [e.memberId], 'expelled');
      await this.register.closeBranchPeriod(m, e.memberId, e.at.toISOString().slice(0, 10));
    }
  }

  suspensionEnded(m: EntityManager, e: { memberId: string; ref: string; at: Date }): Promise<boolean> {
    return this.register.endSuspension(m, e.memberId, { ref: e.ref, at: e.at });
  }

  mandatesEnded(m: EntityManager, e: { memberId: string; on: string; reason: string }): Promise<number> {
    return this.mandates.endAllHeldBy(m, e.memberId, e.on, e.reason, { id: null, kind: 'system' });
  }
}
