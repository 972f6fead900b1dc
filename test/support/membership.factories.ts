import { applicationTokenSentTo } from './mail';
import type { TestApp } from './test-app';

/**
 * Test data for the membership and dues contexts, written straight to the database (fast, and
 * independent of the routes under test). Officers are signed-in members holding a mandate.
 */
export class MembershipFactories {
  constructor(private readonly t: TestApp) {}

  private get ds() {
    return this.t.db.dataSource;
  }

  /**
   * A public application (`POST /applications`) confirmed by the applicant through the link
   * e-mailed to them: the confirmation's answer (201 with the new record), or the application's
   * own refusal when it was refused.
   */
  async applyConfirmed(body: Record<string, unknown> & { email?: string }) {
    const asked = await this.t.http().post('/applications').send(body);
    if (asked.status !== 202) return asked;
    const token = await applicationTokenSentTo(this.t, String(body.email));
    return this.t.http().post('/applications/confirm').send({ token });
  }

  /** A signed-in member of `branchId` holding a branch office there. */
  async officer(branchId: string, role: 'secretary' | 'treasurer' | 'chair') {
    const m = await this.t.make.signedInMember({ branchId });
    await this.t.make.mandate(m.id, 'BRANCH_COMMITTEE', { role, branchId });
    return m;
  }

  async secretary(branchId: string) {
    return this.officer(branchId, 'secretary');
  }

  async treasurer(branchId: string) {
    return this.officer(branchId, 'treasurer');
  }

  async ecMember(branchId?: string) {
    const m = await this.t.make.signedInMember({ branchId: branchId ?? (await this.t.make.branch()) });
    await this.t.make.mandate(m.id, 'EC');
    return m;
  }

  async nationalMembershipSecretary() {
    const m = await this.t.make.signedInMember({ branchId: await this.t.make.branch() });
    await this.t.make.mandate(m.id, 'NATIONAL_OFFICE', { role: 'membership-secretary' });
    return m;
  }

  async electionsCommittee() {
    const m = await this.t.make.signedInMember({ branchId: await this.t.make.branch() });
    await this.t.make.mandate(m.id, 'ELECTIONS', { role: 'returning-officer' });
    return m;
  }

  /** A monthly fixed plan, the default unless said otherwise. */
  async plan(o: { amountMinor?: number; currency?: string; graceMonths?: number; isDefault?: boolean } = {}): Promise<string> {
    if (o.isDefault ?? true) await this.ds.query(`UPDATE dues.plans SET is_default = false WHERE is_default`);
    const [r] = await this.ds.query(
      `INSERT INTO dues.plans (name, kind, period, currency, amount_minor, minimum_minor, grace_months, is_default) VALUES ('Test plan', 'fixed', 'monthly', $1, $2, $2, $3, $4) RETURNING id`,
      [o.currency ?? 'EUR', o.amountMinor ?? 1000, o.graceMonths ?? 3, o.isDefault ?? true],
    );
    return r.id;
  }

  async level(memberId: string, planId: string, amountMinor: number, effectiveFrom: string): Promise<void> {
    await this.ds.query(`INSERT INTO dues.member_levels (member_id, plan_id, amount_minor, effective_from) VALUES ($1, $2, $3, $4)`, [memberId, planId, amountMinor, effectiveFrom]);
  }

  /** Monthly payments on the first of each month from `from` up to and including `through`. */
  async monthlyPayments(memberId: string, from: string, through: string, amountMinor = 1000, currency = 'EUR'): Promise<void> {
    await this.ds.query(
      `INSERT INTO dues.payments (member_id, amount_minor, currency, paid_on, source)
       SELECT $1, $2, $3, gs::date, 'treasurer' FROM generate_series($4::date, $5::date, interval '1 month') gs`,
      [memberId, amountMinor, currency, from, through],
    );
  }

  /** A status change as the disciplinary context's sanction would make it. */
  async changeStatus(memberId: string, to: string, on: string): Promise<void> {
    const [cur] = await this.ds.query(`SELECT status FROM membership.members WHERE id = $1`, [memberId]);
    await this.ds.query(
      `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, reason, source) VALUES ($1, $2, $3, now(), $4, 'test', 'sanction')`,
      [memberId, cur.status, to, on],
    );
    await this.ds.query(`UPDATE membership.members SET status = $2 WHERE id = $1`, [memberId, to]);
  }

  /** A member with a history applicant → active from `joinedOn`, in `branchId`. */
  async admitted(branchId: string, joinedOn = '2024-01-01', o: { firstName?: string; lastName?: string; email?: string } = {}) {
    const m = await this.t.make.member({ branchId, joinedOn, ...o });
    return m;
  }
}
