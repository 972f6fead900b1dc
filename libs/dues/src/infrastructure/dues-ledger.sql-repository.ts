import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { DuesPlan, type DuesLevel, type DuesPlanSnapshot, type HardshipWaiver, type PaymentEntry, type StandingAssessment } from '../domain';
import { DuesLedger, type LedgerRecord, type StoredPlan, type StoredStanding } from '../application/ports/dues-ledger.repository';

interface PlanRow {
  id: string;
  name: string;
  kind: 'fixed' | 'sliding';
  period: 'monthly' | 'quarterly' | 'annual';
  currency: string;
  amount_minor: number | null;
  minimum_minor: number;
  bands: Array<{ code?: string; band?: string; label?: string; amountMinor: number }>;
  grace_months: number;
  is_default: boolean;
}

/** dues.plans stores a sliding scale as kind `sliding` with bands `{ code | band, label, amountMinor }`. */
export function toPlan(r: PlanRow): StoredPlan {
  const snapshot: DuesPlanSnapshot =
    r.kind === 'fixed'
      ? { id: r.id, name: r.name, currency: r.currency.trim(), period: r.period, kind: 'fixed', amountMinor: r.amount_minor ?? 0 }
      : {
          id: r.id,
          name: r.name,
          currency: r.currency.trim(),
          period: r.period,
          kind: 'sliding-scale',
          minimumMinor: r.minimum_minor,
          bands: (r.bands ?? []).map((b) => ({ code: b.code ?? b.band ?? '', label: b.label ?? '', amountMinor: b.amountMinor })),
        };
  return { plan: DuesPlan.create(snapshot), graceMonths: r.grace_months, isDefault: r.is_default };
}

interface LevelRow {
  plan_id: string;
  income_band: string | null;
  amount_minor: number;
  /** `date`: YYYY-MM-DD. */
  effective_from: string;
}

interface MemberLevelRow extends LevelRow {
  member_id: string;
}

interface PaymentRow {
  id: string;
  member_id: string;
  amount_minor: number;
  /** char(3): may come padded. */
  currency: string;
  paid_on: string;
  source: PaymentEntry['source'];
  external_ref: string | null;
  recorded_by: string | null;
}

interface WaiverRow {
  id: string;
  member_id: string;
  from_date: string;
  to_date: string;
  treasurer_only_reason: string;
  granted_by: string | null;
  created_at: Date;
}

const toLevel = (r: LevelRow, plans: ReadonlyMap<string, StoredPlan>): DuesLevel => {
  const plan = plans.get(r.plan_id)!.plan;
  return { planId: r.plan_id, currency: plan.currency, period: plan.period, amountMinor: r.amount_minor, bandCode: r.income_band, effectiveFrom: r.effective_from };
};

const toPayment = (r: PaymentRow): PaymentEntry => ({
  id: r.id,
  memberId: r.member_id,
  amountMinor: r.amount_minor,
  currency: r.currency.trim(),
  paidOn: r.paid_on,
  source: r.source,
  externalRef: r.external_ref,
  recordedBy: r.recorded_by ?? 'system',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (v: string): string | null => (UUID.test(v) ? v : null);

@Injectable()
export class DuesLedgerSqlRepository extends DuesLedger {
  async plans(tx: Tx): Promise<StoredPlan[]> {
    const rows = await query<PlanRow>(tx, `SELECT id, name, kind, period, currency, amount_minor, minimum_minor, bands, grace_months, is_default FROM dues.plans ORDER BY created_at, id`);
    return rows.map(toPlan);
  }

  async insertPlan(tx: Tx, plan: DuesPlan, o: { graceMonths: number; isDefault: boolean }): Promise<void> {
    const s = plan.toSnapshot();
    if (o.isDefault) await query(tx, `UPDATE dues.plans SET is_default = false WHERE is_default`);
    await query(
      tx,
      `INSERT INTO dues.plans (id, name, kind, period, currency, amount_minor, minimum_minor, bands, grace_months, is_default) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        s.id,
        s.name,
        s.kind === 'fixed' ? 'fixed' : 'sliding',
        s.period,
        s.currency,
        s.kind === 'fixed' ? s.amountMinor : null,
        s.kind === 'fixed' ? s.amountMinor : s.minimumMinor,
        JSON.stringify(s.kind === 'fixed' ? [] : s.bands),
        o.graceMonths,
        o.isDefault,
      ],
    );
  }

  async levelsOf(tx: Tx, memberId: string, plans: ReadonlyMap<string, StoredPlan>): Promise<DuesLevel[]> {
    const rows = await query<LevelRow>(tx, `SELECT plan_id, income_band, amount_minor, effective_from FROM dues.member_levels WHERE member_id = $1 ORDER BY effective_from, id`, [memberId]);
    return dedupeLevels(rows.map((r) => toLevel(r, plans)));
  }

  async levelsOfMany(tx: Tx, memberIds: readonly string[], plans: ReadonlyMap<string, StoredPlan>): Promise<Map<string, DuesLevel[]>> {
    const out = new Map<string, DuesLevel[]>();
    if (memberIds.length === 0) return out;
    const rows = await query<MemberLevelRow>(
      tx,
      `SELECT member_id, plan_id, income_band, amount_minor, effective_from FROM dues.member_levels WHERE member_id = ANY($1::uuid[]) ORDER BY member_id, effective_from, id`,
      [memberIds],
    );
    for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), toLevel(r, plans)]);
    for (const [id, levels] of out) out.set(id, dedupeLevels(levels));
    return out;
  }

  async storedStanding(tx: Tx, memberIds: readonly string[]): Promise<Map<string, StoredStanding>> {
    if (memberIds.length === 0) return new Map();
    const rows = await query<{ member_id: string; as_of: string | null; in_good_standing: boolean; reason: string | null; arrears_months: number }>(
      tx,
      `SELECT member_id, as_of, in_good_standing, reason, arrears_months FROM dues.standing WHERE member_id = ANY($1::uuid[])`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, { memberId: r.member_id, asOf: r.as_of, inGoodStanding: r.in_good_standing, reason: r.reason, arrearsMonths: Number(r.arrears_months) }]));
  }

  /** A level on the same date as the last one replaces it (the domain's rule); otherwise a new row. */
  async saveLevel(tx: Tx, memberId: string, level: DuesLevel): Promise<void> {
    const updated = await query<{ id: string }>(
      tx,
      `UPDATE dues.member_levels SET plan_id = $2, income_band = $3, amount_minor = $4, set_at = now() WHERE member_id = $1 AND effective_from = $5 RETURNING id`,
      [memberId, level.planId, level.bandCode, level.amountMinor, level.effectiveFrom],
    );
    if (updated.length > 0) return;
    await query(tx, `INSERT INTO dues.member_levels (member_id, plan_id, income_band, amount_minor, effective_from) VALUES ($1, $2, $3, $4, $5)`, [
      memberId,
      level.planId,
      level.bandCode,
      level.amountMinor,
      level.effectiveFrom,
    ]);
  }

  async paymentsOf(tx: Tx, memberId: string): Promise<PaymentEntry[]> {
    const rows = await query<PaymentRow>(tx, `SELECT id, member_id, amount_minor, currency, paid_on, source, external_ref, recorded_by FROM dues.payments WHERE member_id = $1 ORDER BY paid_on, recorded_at`, [memberId]);
    return rows.map(toPayment);
  }

  async insertPayment(tx: Tx, p: PaymentEntry, extra: { bankBatchId?: string; reference?: string | null } = {}): Promise<boolean> {
    const rows = await query<{ id: string }>(
      tx,
      `INSERT INTO dues.payments (id, member_id, amount_minor, currency, paid_on, source, external_ref, recorded_by, bank_batch_id, reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
      [p.id, p.memberId, p.amountMinor, p.currency, p.paidOn, p.source, p.externalRef, uuidOrNull(p.recordedBy), extra.bankBatchId ?? null, extra.reference ?? null],
    );
    return rows.length > 0;
  }

  async insertImportedPayments(tx: Tx, payments: readonly PaymentEntry[], bankBatchId: string, references: readonly (string | null)[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    const chunk = 5000;
    for (let i = 0; i < payments.length; i += chunk) {
      const s = payments.slice(i, i + chunk);
      const rows = await query<{ id: string }>(
        tx,
        `INSERT INTO dues.payments (id, member_id, amount_minor, currency, paid_on, source, external_ref, recorded_by, bank_batch_id, reference)
         SELECT id, mid, amt, cur, paid, 'bank-import', ref, NULL, $7::uuid, rf
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::date[], $6::text[], $8::text[]) AS t(id, mid, amt, cur, paid, ref, rf)
         ON CONFLICT DO NOTHING RETURNING id`,
        [s.map((p) => p.id), s.map((p) => p.memberId), s.map((p) => p.amountMinor), s.map((p) => p.currency), s.map((p) => p.paidOn), s.map((p) => p.externalRef), bankBatchId, references.slice(i, i + chunk)],
      );
      for (const r of rows) inserted.add(r.id);
    }
    return inserted;
  }

  async existingExternalRefs(tx: Tx, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await query<{ k: string }>(tx, `SELECT external_ref AS k FROM dues.payments WHERE external_ref = ANY($1::text[])`, [keys]);
    return new Set(rows.map((r) => r.k));
  }

  async waiversOf(tx: Tx, memberId: string): Promise<HardshipWaiver[]> {
    const rows = await query<WaiverRow>(tx, `SELECT id, member_id, from_date, to_date, treasurer_only_reason, granted_by, created_at FROM dues.waivers WHERE member_id = $1 ORDER BY from_date`, [memberId]);
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      from: r.from_date,
      to: r.to_date,
      treasurerOnlyReason: r.treasurer_only_reason,
      grantedBy: r.granted_by ?? 'system',
      grantedOn: new Date(r.created_at).toISOString().slice(0, 10),
    }));
  }

  async insertWaiver(tx: Tx, w: HardshipWaiver): Promise<void> {
    await query(tx, `INSERT INTO dues.waivers (id, member_id, from_date, to_date, treasurer_only_reason, granted_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      w.id,
      w.memberId,
      w.from,
      w.to,
      w.treasurerOnlyReason,
      uuidOrNull(w.grantedBy),
    ]);
  }

  async recordsOf(tx: Tx, memberIds: readonly string[], plans: ReadonlyMap<string, StoredPlan>): Promise<Map<string, LedgerRecord>> {
    const out = new Map<string, LedgerRecord>();
    if (memberIds.length === 0) return out;
    const get = (id: string) => {
      let r = out.get(id);
      if (!r) out.set(id, (r = { levels: [], payments: [], waivers: [] }));
      return r;
    };
    // The id range lets PostgreSQL walk the (member_id, …) indexes; `= ANY` then keeps exactly these members.
    const [lo, hi] = idRange(memberIds);
    const levels = await query<MemberLevelRow>(
      tx,
      `SELECT member_id, plan_id, income_band, amount_minor, effective_from FROM dues.member_levels
        WHERE member_id BETWEEN $2 AND $3 AND member_id = ANY($1::uuid[]) ORDER BY member_id, effective_from, id`,
      [memberIds, lo, hi],
    );
    for (const r of levels) get(r.member_id).levels.push(toLevel(r, plans));
    for (const r of out.values()) r.levels = dedupeLevels(r.levels);
    // One row per member, days (since 1970-01-01) and amounts packed as two comma-separated lists:
    // far fewer rows to parse and no date formatting. No ORDER BY inside the aggregates (it doubles
    // the cost): the standing policy does not depend on the order of payments. Currencies come
    // along only for the rare mixed ledger.
    const payments = await query<{ member_id: string; d: string; a: string; c: string | null }>(
      tx,
      `SELECT member_id, array_to_string(array_agg(paid_on - DATE '1970-01-01'), ',') AS d, array_to_string(array_agg(amount_minor), ',') AS a,
              CASE WHEN min(currency) = max(currency) THEN min(currency) ELSE array_to_string(array_agg(currency), ',') END AS c
         FROM dues.payments WHERE member_id BETWEEN $2 AND $3 AND member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [memberIds, lo, hi],
    );
    for (const r of payments) {
      const list = get(r.member_id).payments;
      const currencies = r.c && r.c.length > 3 ? r.c.split(',') : null;
      const single = currencies ? '' : (r.c ?? '').trim();
      const days = r.d.split(',');
      const amounts = r.a.split(',');
      for (let i = 0; i < days.length; i++) {
        list.push({ paidOn: dayToIso(Number(days[i])), amountMinor: Number(amounts[i]), currency: currencies ? currencies[i].trim() : single });
      }
    }
    const waivers = await query<{ member_id: string; from_date: string; to_date: string }>(
      tx,
      `SELECT member_id, from_date, to_date FROM dues.waivers WHERE member_id BETWEEN $2 AND $3 AND member_id = ANY($1::uuid[]) ORDER BY member_id, from_date`,
      [memberIds, lo, hi],
    );
    for (const r of waivers) get(r.member_id).waivers.push({ from: r.from_date, to: r.to_date });
    return out;
  }

  async upsertStanding(tx: Tx, rows: ReadonlyArray<{ memberId: string; a: StandingAssessment }>, computedAt: Date): Promise<void> {
    const chunk = 10_000;
    for (let i = 0; i < rows.length; i += chunk) {
      const s = rows.slice(i, i + chunk);
      await query(
        tx,
        `INSERT INTO dues.standing (member_id, in_good_standing, arrears_months, paid_through, computed_at, as_of, reason, oldest_unpaid_due_on, outstanding_minor)
         SELECT mid, good, arrears, NULL, $1, asof, reason, oldest, outstanding
           FROM unnest($2::uuid[], $3::boolean[], $4::int[], $5::date[], $6::text[], $7::date[], $8::bigint[]) AS t(mid, good, arrears, asof, reason, oldest, outstanding)
         ON CONFLICT (member_id) DO UPDATE SET in_good_standing = EXCLUDED.in_good_standing, arrears_months = EXCLUDED.arrears_months, computed_at = EXCLUDED.computed_at,
           as_of = EXCLUDED.as_of, reason = EXCLUDED.reason, oldest_unpaid_due_on = EXCLUDED.oldest_unpaid_due_on, outstanding_minor = EXCLUDED.outstanding_minor`,
        [
          computedAt,
          s.map((r) => r.memberId),
          s.map((r) => r.a.inGoodStanding),
          s.map((r) => r.a.arrearsMonths),
          s.map((r) => r.a.asOf),
          s.map((r) => r.a.reason),
          s.map((r) => r.a.oldestUnpaidDueOn),
          s.map((r) => r.a.outstandingMinor),
        ],
      );
    }
  }

  async standingOn(tx: Tx, memberIds: readonly string[], asOf: string): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    const chunk = 50_000;
    for (let i = 0; i < memberIds.length; i += chunk) {
      const rows = await query<{ member_id: string; good: boolean }>(
        tx,
        `SELECT s.member_id, s.in_good_standing AS good FROM dues.standing s JOIN unnest($1::uuid[]) AS t(id) ON t.id = s.member_id WHERE s.as_of = $2::date`,
        [memberIds.slice(i, i + chunk), asOf],
      );
      for (const r of rows) out.set(r.member_id, r.good);
    }
    return out;
  }
}

/** The smallest and largest id (uuids order as their lower-case text does). */
export function idRange(ids: readonly string[]): [string, string] {
  let lo = ids[0];
  let hi = ids[0];
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return [lo.toLowerCase(), hi.toLowerCase()];
}

const isoByDay = new Map<number, string>();
/** Days since 1970-01-01 → YYYY-MM-DD (cached: a ledger has a few thousand distinct days). */
export function dayToIso(day: number): string {
  let v = isoByDay.get(day);
  if (v === undefined) {
    v = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoByDay.size < 200_000) isoByDay.set(day, v);
  }
  return v;
}

/** Several levels on one date: the last recorded wins (as the domain replaces same-date changes). */
function dedupeLevels(levels: DuesLevel[]): DuesLevel[] {
  const out: DuesLevel[] = [];
  for (const l of levels) {
    if (out.length && out[out.length - 1].effectiveFrom === l.effectiveFrom) out[out.length - 1] = l;
    else out.push(l);
  }
  return out;
}
