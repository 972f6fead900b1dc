import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { DuesPlan, DuesErrorCode, type DuesPeriod, type DuesPlanSnapshot, type IncomeBand } from '../../domain';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';

export interface CreatePlanCommand {
  name: string;
  kind: 'fixed' | 'sliding-scale';
  currency: string;
  period?: DuesPeriod;
  amountMinor?: number;
  minimumMinor?: number;
  bands?: IncomeBand[];
  graceMonths?: number;
  isDefault?: boolean;
}

export interface PlanView {
  id: string;
  name: string;
  kind: 'fixed' | 'sliding-scale';
  currency: string;
  period: DuesPeriod;
  minimumMinor: number;
  amountMinor: number | null;
  bands: IncomeBand[];
  graceMonths: number;
  isDefault: boolean;
}

/** Dues plans: set by the EC or the national office's treasurer; readable by every member. */
@Injectable()
export class ManagePlansUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly audit: DuesAudit,
  ) {}

  async list(): Promise<PlanView[]> {
    return (await this.ledger.plans(this.ds.manager)).map((p) => view(p.plan.toSnapshot(), p.graceMonths, p.isDefault));
  }

  async create(p: Principal, cmd: CreatePlanCommand): Promise<PlanView> {
    if (!(p.holds('EC') || p.holds('NATIONAL_OFFICE', ['treasurer']))) {
      throw new DomainError('forbidden', 'not_allowed', 'Dues plans are set by the EC or the national treasurer.');
    }
    const graceMonths = cmd.graceMonths ?? 3;
    if (!Number.isInteger(graceMonths) || graceMonths < 0 || graceMonths > 120) {
      throw new DomainError('invalid', DuesErrorCode.invalidGracePeriod, 'graceMonths must be a whole number from 0 to 120.', { field: 'graceMonths' });
    }
    const id = randomUUID();
    const snapshot: DuesPlanSnapshot =
      cmd.kind === 'fixed'
        ? { id, name: cmd.name, currency: cmd.currency, period: cmd.period ?? 'monthly', kind: 'fixed', amountMinor: cmd.amountMinor as number }
        : { id, name: cmd.name, currency: cmd.currency, period: cmd.period ?? 'monthly', kind: 'sliding-scale', minimumMinor: cmd.minimumMinor ?? 0, bands: cmd.bands ?? [] };
    const plan = DuesPlan.create(snapshot);
    return this.ds.transaction(async (m) => {
      const isDefault = cmd.isDefault ?? (await this.ledger.plans(m)).length === 0;
      await this.ledger.insertPlan(m, plan, { graceMonths, isDefault });
      await this.audit.record(m, { actorId: p.memberId, action: 'dues.plan-created', subjectType: 'dues-plan', subjectId: id, data: { kind: cmd.kind, currency: plan.currency, isDefault } });
      return view(plan.toSnapshot(), graceMonths, isDefault);
    });
  }
}

function view(s: DuesPlanSnapshot, graceMonths: number, isDefault: boolean): PlanView {
  return s.kind === 'fixed'
    ? { id: s.id, name: s.name, kind: 'fixed', currency: s.currency, period: s.period, minimumMinor: s.amountMinor, amountMinor: s.amountMinor, bands: [], graceMonths, isDefault }
    : { id: s.id, name: s.name, kind: 'sliding-scale', currency: s.currency, period: s.period, minimumMinor: s.minimumMinor, amountMinor: null, bands: s.bands, graceMonths, isDefault };
}
