import { query, type Tx } from '@org/platform';
import { DuesAccount } from '../../domain';
import { noDuesPlan } from '../dues-application.errors';
import { DuesLedger, type StoredPlan } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { planOf, type PlanBook, type StandingCalculator } from '../standing-calculator';

/** Loads one member's dues account (domain aggregate) in the caller's transaction. */
export async function loadAccount(
  m: Tx,
  deps: { ledger: DuesLedger; register: MembershipRegisterPort; calculator: StandingCalculator },
  memberId: string,
): Promise<{ account: DuesAccount; plan: StoredPlan; book: PlanBook }> {
  const book = await deps.calculator.planBook(m);
  const levels = await deps.ledger.levelsOf(m, memberId, book.byId);
  const plan = planOf(levels, book);
  if (!plan) throw noDuesPlan();
  // Lock the member's ledger for this transaction: two payments or level changes for one member run one after the other.
  await query(m, `SELECT pg_advisory_xact_lock(hashtext('dues:' || $1))`, [memberId]);
  const account = DuesAccount.fromSnapshot({
    memberId,
    currency: plan.plan.currency,
    levels: levels.filter((l) => l.currency === plan.plan.currency),
    payments: await deps.ledger.paymentsOf(m, memberId),
    waivers: await deps.ledger.waiversOf(m, memberId),
    statusHistory: (await deps.register.statusHistories(m, [memberId])).get(memberId) ?? [],
  });
  return { account, plan, book };
}
