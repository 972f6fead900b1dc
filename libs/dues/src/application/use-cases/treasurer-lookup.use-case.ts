import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import type { DuesLevel, MembershipStatus } from '../../domain';
import { DuesApplicationErrorCode } from '../dues-application.errors';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort, type RegisteredContact, type RegisteredPerson } from '../ports/membership-register.port';
import { StandingCalculator, withImplicitLevel } from '../standing-calculator';
import { assertMemberInScope, branchFilter, inBranchScope, requireScope, treasurerScopeOf } from '../treasurer-scope';

export interface TreasurerMemberView {
  id: string;
  memberNumber: string;
  firstName: string;
  lastName: string;
  status: MembershipStatus;
  branchId: string | null;
  /** The standing read model (the last computation); null when never computed. */
  standing: { inGoodStanding: boolean; arrearsMonths: number; asOf: string | null } | null;
  /** The level in force today (the default plan's minimum for a member who never chose one); null without any plan. */
  level: (DuesLevel & { chosenByMember: boolean }) | null;
  /** Only for a caller who also holds the secretary mandate for the member's branch (or the national membership secretary); otherwise null. */
  contact: RegisteredContact | null;
}

export const LOOKUP_MAX_RESULTS = 50;

/**
 * A treasurer finds the member a payment is for: by name or member number, among the members of
 * their own branches (the national treasurer and membership secretary: everyone). Members of
 * other branches are never found (404 on a direct read, absent from results). Contact details are
 * not a treasurer's business: they are shown only to a caller who is also the secretary of that
 * member's branch, or the national membership secretary.
 */
@Injectable()
export class TreasurerLookupUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly register: MembershipRegisterPort,
    private readonly ledger: DuesLedger,
    private readonly calculator: StandingCalculator,
    private readonly clock: Clock,
  ) {}

  async find(p: Principal, query: { q: string; limit?: number }): Promise<TreasurerMemberView[]> {
    const scope = requireScope(treasurerScopeOf(p));
    const text = (query.q ?? '').trim();
    if (text.length < 2 || text.length > 100) {
      throw new DomainError('invalid', DuesApplicationErrorCode.invalidLookup, 'q must be 2 to 100 characters: part of a name, or a member number.', { field: 'q' });
    }
    const limit = query.limit ?? 20;
    const m = this.ds.manager;
    const people = await this.register.lookup(m, text, branchFilter(scope), Math.min(Math.max(limit, 1), LOOKUP_MAX_RESULTS));
    return this.views(m, p, people.filter((x) => inBranchScope(scope, x)));
  }

  async get(p: Principal, memberId: string): Promise<TreasurerMemberView> {
    const scope = requireScope(treasurerScopeOf(p));
    const m = this.ds.manager;
    const person = assertMemberInScope(scope, await this.register.person(m, memberId));
    return (await this.views(m, p, [person]))[0];
  }

  private async views(m: Tx, p: Principal, people: RegisteredPerson[]): Promise<TreasurerMemberView[]> {
    const ids = people.map((x) => x.id);
    const mayContact = (x: RegisteredPerson) => p.holds('NATIONAL_OFFICE', ['membership-secretary']) || (x.branchId !== null && p.isOfficerOf(x.branchId, ['secretary']));
    const [book, standing, contacts] = await Promise.all([
      this.calculator.planBook(m),
      this.ledger.storedStanding(m, ids),
      this.register.contactDetails(m, people.filter(mayContact).map((x) => x.id)),
    ]);
    const levels = await this.ledger.levelsOfMany(m, ids, book.byId);
    const today = this.clock.today();
    return people.map((x) => {
      const chosen = levels.get(x.id) ?? [];
      const all = withImplicitLevel(chosen, book);
      const level = [...all].reverse().find((l) => l.effectiveFrom <= today) ?? all[0] ?? null;
      const s = standing.get(x.id);
      return {
        id: x.id,
        memberNumber: x.memberNumber,
        firstName: x.firstName,
        lastName: x.lastName,
        status: x.status,
        branchId: x.branchId,
        standing: s ? { inGoodStanding: s.inGoodStanding, arrearsMonths: s.arrearsMonths, asOf: s.asOf } : null,
        level: level ? { ...level, chosenByMember: chosen.length > 0 } : null,
        contact: contacts.get(x.id) ?? null,
      };
    });
  }
}
