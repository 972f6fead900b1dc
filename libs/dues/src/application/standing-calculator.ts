import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { GoodStandingPolicy, type DuesLevel, type DuesRecord, type StandingAssessment, type StatusChange } from '../domain';
import { DuesLedger, type LedgerRecord, type StoredPlan } from './ports/dues-ledger.repository';
import { MembershipRegisterPort } from './ports/membership-register.port';

export interface BatchInputs {
  histories: Map<string, StatusChange[]>;
  records: Map<string, LedgerRecord>;
}

export interface PlanBook {
  byId: Map<string, StoredPlan>;
  defaultPlan: StoredPlan | null;
}

/**
 * Application rule (not in the domain): a member who never chose a level pays the default
 * plan's minimum (a fixed plan's amount) from the start of their membership. Without it a member
 * who never set a level would owe nothing and stay in good standing for ever.
 */
export function withImplicitLevel(levels: readonly DuesLevel[], book: PlanBook): DuesLevel[] {
  if (levels.length > 0 || !book.defaultPlan) return [...levels];
  const p = book.defaultPlan.plan;
  return [{ planId: p.id, currency: p.currency, period: p.period, amountMinor: p.minimumMinor, bandCode: null, effectiveFrom: '0001-01-01' }];
}

/** The plan a member is on: their latest level's, else the default. */
export function planOf(levels: readonly DuesLevel[], book: PlanBook): StoredPlan | null {
  const last = levels[levels.length - 1];
  return (last && book.byId.get(last.planId)) || book.defaultPlan;
}

/**
 * Standing for many members at once: one batch of reads (levels, payments, waivers, status
 * histories), then the domain's `GoodStandingPolicy` per member — the rules live there only.
 */
@Injectable()
export class StandingCalculator {
  private readonly policies = new Map<number, GoodStandingPolicy>();

  constructor(
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
  ) {}

  async planBook(m: Tx): Promise<PlanBook> {
    const plans = await this.ledger.plans(m);
    return { byId: new Map(plans.map((p) => [p.plan.id, p])), defaultPlan: plans.find((p) => p.isDefault) ?? plans[0] ?? null };
  }

  policy(graceMonths: number): GoodStandingPolicy {
    let p = this.policies.get(graceMonths);
    if (!p) this.policies.set(graceMonths, (p = new GoodStandingPolicy({ graceMonths })));
    return p;
  }

  /** The domain record of one member (levels with the implicit default, the plan's currency). */
  recordOf(ledger: LedgerRecord | undefined, history: StatusChange[], book: PlanBook): { record: DuesRecord; graceMonths: number } {
    const levels = withImplicitLevel(ledger?.levels ?? [], book);
    const plan = planOf(levels, book);
    const currency = plan?.plan.currency ?? ledger?.payments[0]?.currency ?? 'EUR';
    return {
      record: { currency, levels, payments: ledger?.payments ?? [], waivers: ledger?.waivers ?? [], statusHistory: history },
      graceMonths: plan?.graceMonths ?? 3,
    };
  }

  async assessMany(m: Tx, memberIds: readonly string[], asOf: string, book?: PlanBook): Promise<Map<string, StandingAssessment>> {
    const plans = book ?? (await this.planBook(m));
    const inputs = await this.load(m, memberIds, plans);
    const out = new Map<string, StandingAssessment>();
    for (const id of memberIds) out.set(id, this.assessOne(id, inputs, plans, asOf));
    return out;
  }

  /** Everything one batch needs, read in the caller's transaction (two queued reads). */
  load(m: Tx, memberIds: readonly string[], book: PlanBook): Promise<BatchInputs> {
    return Promise.all([this.register.statusHistories(m, memberIds), this.ledger.recordsOf(m, memberIds, book.byId)]).then(([histories, records]) => ({ histories, records }));
  }

  assessOne(memberId: string, inputs: BatchInputs, book: PlanBook, asOf: string): StandingAssessment {
    const { record, graceMonths } = this.recordOf(inputs.records.get(memberId), inputs.histories.get(memberId) ?? [], book);
    return this.policy(graceMonths).assess(record, asOf);
  }
}
