import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { DuesErrorCode, isIsoDate, type DuesLevel, type PaymentEntry, type StandingAssessment } from '../../domain';
import { DuesApplicationErrorCode, memberNotFound } from '../dues-application.errors';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator, withImplicitLevel } from '../standing-calculator';
import { loadAccount } from './member-account';

export interface MyDuesView {
  planId: string | null;
  currency: string | null;
  level: DuesLevel | null;
  standing: StandingAssessment;
  payments: Array<Pick<PaymentEntry, 'id' | 'amountMinor' | 'currency' | 'paidOn' | 'source'>>;
}

/**
 * The member's own subs: their level, standing and payments. Setting or lowering one's level
 * needs no approval and tells no officer (the audit entry records that it changed, not to what).
 */
@Injectable()
export class MyDuesUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async overview(p: Principal, asOf?: string): Promise<MyDuesView> {
    const memberId = own(p);
    const date = asOf ?? this.clock.today();
    if (!isIsoDate(date)) throw new DomainError('invalid', DuesErrorCode.invalidDate, 'asOf must be a date written YYYY-MM-DD.', { field: 'asOf' });
    const m = this.ds.manager;
    const book = await this.calculator.planBook(m);
    const levels = withImplicitLevel(await this.ledger.levelsOf(m, memberId, book.byId), book);
    const standing = (await this.calculator.assessMany(m, [memberId], date, book)).get(memberId)!;
    const payments = (await this.ledger.paymentsOf(m, memberId)).map((x) => ({ id: x.id, amountMinor: x.amountMinor, currency: x.currency, paidOn: x.paidOn, source: x.source }));
    const level = [...levels].reverse().find((l) => l.effectiveFrom <= date) ?? levels[0] ?? null;
    return { planId: level?.planId ?? null, currency: level?.currency ?? null, level, standing, payments };
  }

  async setLevel(p: Principal, choice: { amountMinor?: number | null; bandCode?: string | null; effectiveFrom?: string; planId?: string }): Promise<DuesLevel> {
    const memberId = own(p);
    const today = this.clock.today();
    const effectiveFrom = choice.effectiveFrom ?? today;
    if (isIsoDate(effectiveFrom) && effectiveFrom < today) {
      throw new DomainError('invalid', DuesErrorCode.levelChangeOutOfOrder, `effectiveFrom ${effectiveFrom} is in the past; a level can take effect today or later.`, { field: 'effectiveFrom' });
    }
    return this.ds.transaction(async (m) => {
      if (!(await this.register.member(m, memberId))) throw memberNotFound();
      const { account, plan, book } = await loadAccount(m, { ledger: this.ledger, register: this.register, calculator: this.calculator }, memberId);
      const target = choice.planId ? book.byId.get(choice.planId) : plan;
      if (!target) throw new DomainError('not_found', DuesApplicationErrorCode.planNotFound, 'No such dues plan.', { field: 'planId' });
      const { level } = account.setLevel(target.plan, { amountMinor: choice.amountMinor, bandCode: choice.bandCode, effectiveFrom });
      await this.ledger.saveLevel(m, memberId, level);
      await this.audit.record(m, { actorId: memberId, action: 'dues.level-set', subjectType: 'member', subjectId: memberId, data: { effectiveFrom: level.effectiveFrom } });
      return level;
    });
  }
}

function own(p: Principal): string {
  if (!p.memberId) throw new DomainError('not_found', DuesApplicationErrorCode.memberNotFound, 'Your account is not linked to a member record.');
  return p.memberId;
}
