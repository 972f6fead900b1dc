import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import type { HardshipWaiver } from '../../domain';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator } from '../standing-calculator';
import { assertMemberInScope, requireScope, treasurerScopeOf } from '../treasurer-scope';
import { loadAccount } from './member-account';

/** Hardship waivers: granted and seen by treasurers only; the reason never leaves their screens or enters the audit log. */
@Injectable()
export class WaiversUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async grant(p: Principal, memberId: string, input: { from: string; to: string; reason: string }): Promise<HardshipWaiver> {
    const scope = requireScope(treasurerScopeOf(p));
    return this.ds.transaction(async (m) => {
      assertMemberInScope(scope, await this.register.member(m, memberId));
      const { account } = await loadAccount(m, { ledger: this.ledger, register: this.register, calculator: this.calculator }, memberId);
      const { waiver } = account.grantWaiver({ id: randomUUID(), from: input.from, to: input.to, treasurerOnlyReason: input.reason, grantedBy: p.memberId ?? 'system', grantedOn: this.clock.today() });
      await this.ledger.insertWaiver(m, waiver);
      const a = (await this.calculator.assessMany(m, [memberId], this.clock.today())).get(memberId)!;
      await this.ledger.upsertStanding(m, [{ memberId, a }], this.clock.now());
      await this.audit.record(m, { actorId: p.memberId, action: 'dues.waiver-granted', subjectType: 'waiver', subjectId: waiver.id, data: { memberId } });
      return waiver;
    });
  }

  async list(p: Principal, memberId: string): Promise<HardshipWaiver[]> {
    const scope = requireScope(treasurerScopeOf(p));
    assertMemberInScope(scope, await this.register.member(this.ds.manager, memberId));
    return this.ledger.waiversOf(this.ds.manager, memberId);
  }
}
