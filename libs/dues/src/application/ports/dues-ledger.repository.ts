import type { Tx } from '@org/platform';
import type { DuesLevel, DuesPlan, HardshipWaiver, PaymentEntry, StandingAssessment } from '../../domain';

export interface StoredPlan {
  plan: DuesPlan;
  graceMonths: number;
  isDefault: boolean;
}

/** What standing is computed from, per member, without the status history (that comes from membership). */
export interface LedgerRecord {
  levels: DuesLevel[];
  payments: Array<{ amountMinor: number; currency: string; paidOn: string }>;
  waivers: Array<{ from: string; to: string }>;
}

export interface StoredStanding {
  memberId: string;
  asOf: string | null;
  inGoodStanding: boolean;
  reason: string | null;
  arrearsMonths: number;
}

/** The dues ledger: plans, levels, payments, waivers, the standing read model. The caller's transaction throughout. */
export abstract class DuesLedger {
  abstract plans(m: Tx): Promise<StoredPlan[]>;
  abstract insertPlan(m: Tx, plan: DuesPlan, o: { graceMonths: number; isDefault: boolean }): Promise<void>;
  abstract levelsOf(m: Tx, memberId: string, plans: ReadonlyMap<string, StoredPlan>): Promise<DuesLevel[]>;
  abstract saveLevel(m: Tx, memberId: string, level: DuesLevel): Promise<void>;
  /** The levels of a few members (a lookup page), each oldest first. */
  abstract levelsOfMany(m: Tx, memberIds: readonly string[], plans: ReadonlyMap<string, StoredPlan>): Promise<Map<string, DuesLevel[]>>;
  /** The standing read model's rows for these members (absent: never computed). */
  abstract storedStanding(m: Tx, memberIds: readonly string[]): Promise<Map<string, StoredStanding>>;
  abstract paymentsOf(m: Tx, memberId: string): Promise<PaymentEntry[]>;
  abstract insertPayment(m: Tx, p: PaymentEntry, extra?: { bankBatchId?: string; reference?: string | null }): Promise<boolean>;
  /** Batched insert of imported payments; rows whose key is already in the ledger are skipped. Returns the ids inserted. */
  abstract insertImportedPayments(m: Tx, payments: readonly PaymentEntry[], bankBatchId: string, references: readonly (string | null)[]): Promise<Set<string>>;
  /** Of these bank-import keys, those already in the ledger. */
  abstract existingExternalRefs(m: Tx, keys: readonly string[]): Promise<Set<string>>;
  abstract waiversOf(m: Tx, memberId: string): Promise<HardshipWaiver[]>;
  abstract insertWaiver(m: Tx, w: HardshipWaiver): Promise<void>;
  /** Levels, payments and waivers of many members at once (the standing job's batch). */
  abstract recordsOf(m: Tx, memberIds: readonly string[], plans: ReadonlyMap<string, StoredPlan>): Promise<Map<string, LedgerRecord>>;
  abstract upsertStanding(m: Tx, rows: ReadonlyArray<{ memberId: string; a: StandingAssessment }>, computedAt: Date): Promise<void>;
  abstract standingOn(m: Tx, memberIds: readonly string[], asOf: string): Promise<Map<string, boolean>>;
}
