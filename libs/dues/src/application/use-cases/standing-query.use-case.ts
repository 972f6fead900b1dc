import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { DuesErrorCode, isIsoDate, type StandingAssessment } from '../../domain';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator } from '../standing-calculator';
import { assertMemberInScope, requireScope, standingReaderScopeOf, treasurerScopeOf } from '../treasurer-scope';

/** Good standing as of any date, for a member in the caller's branches (treasurer or secretary). */
@Injectable()
export class StandingQueryUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly clock: Clock,
  ) {}

  async execute(p: Principal, memberId: string, asOf?: string): Promise<StandingAssessment> {
    const scope = requireScope(standingReaderScopeOf(p));
    const date = asOf ?? this.clock.today();
    if (!isIsoDate(date)) throw new DomainError('invalid', DuesErrorCode.invalidDate, 'asOf must be a date written YYYY-MM-DD.', { field: 'asOf' });
    const member = assertMemberInScope(scope, await this.register.member(this.ds.manager, memberId));
    const a = (await this.calculator.assessMany(this.ds.manager, [memberId], date)).get(memberId)!;
    const treasurer = treasurerScopeOf(p);
    if (treasurer && (treasurer.kind === 'all' || (member.branchId !== null && treasurer.branchIds.includes(member.branchId)))) return a;
    // Secretaries see standing, not money: the amounts stay with treasurers.
    return { ...a, owedMinor: 0, countedMinor: 0, outstandingMinor: 0, prepaidMinor: 0, heldMinor: 0, notCountedMinor: 0, amountsHidden: true } as StandingAssessment;
  }
}
