import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock, IdempotencyStore, type Tx } from '@org/platform';
import type { PaymentEntry, StandingAssessment } from '../../domain';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator } from '../standing-calculator';
import { assertMemberInScope, requireScope, treasurerScopeOf } from '../treasurer-scope';
import { loadAccount } from './member-account';
import { DuesTransactions } from '../ports/dues-transactions.port';

export interface RecordPaymentCommand {
  memberId: string;
  amountMinor: number;
  currency: string;
  paidOn: string;
  receiptRef?: string | null;
  idempotencyKey?: string | null;
}

export interface RecordedPayment {
  payment: PaymentEntry;
  standing: StandingAssessment;
}

/**
 * A branch treasurer records a payment for a member of their branch (others: "not found"). The
 * member's standing is refreshed at once. Payments while suspended or expelled are recorded but
 * never restore standing (S9: the domain's rule). Retries with the same `Idempotency-Key` return
 * the first answer; a receipt number already in the ledger is refused.
 */
@Injectable()
export class RecordPaymentUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly idempotency: IdempotencyStore,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async execute(p: Principal, cmd: RecordPaymentCommand): Promise<RecordedPayment> {
    const scope = requireScope(treasurerScopeOf(p));
    const key = cmd.idempotencyKey
      ? {
          key: cmd.idempotencyKey,
          actor: p.accountId,
          operation: 'dues.payment',
          requestSha256: createHash('sha256').update(JSON.stringify([cmd.memberId, cmd.amountMinor, cmd.currency, cmd.paidOn, cmd.receiptRef ?? null])).digest('hex'),
        }
      : null;
    return this.ds.transaction(async (m) => {
      if (key) {
        const previous = await this.idempotency.find(m, key);
        if (previous) return previous as RecordedPayment;
      }
      assertMemberInScope(scope, await this.register.member(m, cmd.memberId));
      const { account } = await loadAccount(m, { ledger: this.ledger, register: this.register, calculator: this.calculator }, cmd.memberId);
      const { payment } = account.recordPayment(
        { id: randomUUID(), amountMinor: cmd.amountMinor, currency: cmd.currency, paidOn: cmd.paidOn, source: 'treasurer', externalRef: cmd.receiptRef ?? null, recordedBy: p.memberId ?? 'system' },
        { today: this.clock.today() },
      );
      await this.ledger.insertPayment(m, payment);
      const standing = await this.refresh(m, cmd.memberId);
      await this.audit.record(m, { actorId: p.memberId, action: 'dues.payment-recorded', subjectType: 'payment', subjectId: payment.id, data: { memberId: cmd.memberId, paidOn: payment.paidOn, source: 'treasurer' } });
      const result = { payment, standing };
      if (key) await this.idempotency.save(m, key, result, this.clock.now());
      return result;
    });
  }

  async list(p: Principal, memberId: string): Promise<PaymentEntry[]> {
    const scope = requireScope(treasurerScopeOf(p));
    assertMemberInScope(scope, await this.register.member(this.ds.manager, memberId));
    return this.ledger.paymentsOf(this.ds.manager, memberId);
  }

  /** The standing read model for one member, as of today. */
  private async refresh(m: Tx, memberId: string): Promise<StandingAssessment> {
    const a = (await this.calculator.assessMany(m, [memberId], this.clock.today())).get(memberId)!;
    await this.ledger.upsertStanding(m, [{ memberId, a }], this.clock.now());
    return a;
  }
}
