import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { BUILT_IN_PAYMENT_MAPPINGS, checkPaymentImportMapping, type PaymentImportMapping } from '../../domain';
import { DuesApplicationErrorCode } from '../dues-application.errors';
import { DuesAudit } from '../dues-audit';
import { requireScope, treasurerScopeOf } from '../treasurer-scope';

export interface SavedPaymentMapping {
  name: string;
  builtIn: boolean;
  definition: PaymentImportMapping;
  savedAt: string | null;
  version: number;
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * Column mappings for the payments import (a bank statement, a CiviContribute export), saved by
 * name for the organization: any treasurer who may import payments may save one, each save is
 * audited (name and version, never the file). Built-in ones (`civicontribute`, `bank`) are always
 * there; a saved mapping of the same name replaces the built-in one.
 */
@Injectable()
export class PaymentMappingsUseCase {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async save(p: Principal, name: string, definition: unknown): Promise<SavedPaymentMapping> {
    requireScope(treasurerScopeOf(p));
    checkName(name);
    const problems = checkPaymentImportMapping(definition);
    if (problems.length > 0) {
      throw new DomainError('invalid', DuesApplicationErrorCode.csvMappingInvalid, `The payments mapping "${name}" cannot be saved: ${problems.join('; ')}.`, { problems });
    }
    const def = definition as PaymentImportMapping;
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await m.query(
        `INSERT INTO dues.import_mappings (name, definition, saved_by, saved_at) VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, version = import_mappings.version + 1
         RETURNING version`,
        [name, JSON.stringify(def), p.memberId, now],
      );
      const version = Number(row.version);
      await this.audit.record(m, { actorId: p.memberId, action: 'payment-mapping.saved', subjectType: 'payment-mapping', subjectId: name, data: { version } });
      return { name, builtIn: false, definition: def, savedAt: now.toISOString(), version };
    });
  }

  async list(p: Principal): Promise<SavedPaymentMapping[]> {
    requireScope(treasurerScopeOf(p));
    const out = new Map<string, SavedPaymentMapping>();
    for (const [name, definition] of Object.entries(BUILT_IN_PAYMENT_MAPPINGS)) out.set(name, { name, builtIn: true, definition, savedAt: null, version: 0 });
    for (const s of await this.saved(this.ds.manager, null)) out.set(s.name, s);
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(p: Principal, name: string): Promise<SavedPaymentMapping> {
    requireScope(treasurerScopeOf(p));
    return this.resolve(this.ds.manager, name);
  }

  /** The mapping an import uses: the saved one of that name, else the built-in one. */
  async resolve(m: EntityManager, name: string): Promise<SavedPaymentMapping> {
    checkName(name);
    const [saved] = await this.saved(m, name);
    if (saved) return saved;
    const builtIn = BUILT_IN_PAYMENT_MAPPINGS[name];
    if (builtIn) return { name, builtIn: true, definition: builtIn, savedAt: null, version: 0 };
    throw new DomainError(
      'not_found',
      DuesApplicationErrorCode.paymentMappingNotFound,
      `There is no payments mapping named "${name}". List them with GET /dues/import-mappings, or save one with PUT /dues/import-mappings/${name}.`,
    );
  }

  private async saved(m: EntityManager, name: string | null): Promise<SavedPaymentMapping[]> {
    const rows: { name: string; definition: PaymentImportMapping | string; saved_at: Date | string; version: number }[] = await m.query(
      `SELECT name, definition, saved_at, version FROM dues.import_mappings WHERE ($1::text IS NULL OR name = $1) ORDER BY name`,
      [name],
    );
    return rows.map((r) => ({
      name: r.name,
      builtIn: false,
      definition: typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition,
      savedAt: new Date(r.saved_at).toISOString(),
      version: Number(r.version),
    }));
  }
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new DomainError('invalid', DuesApplicationErrorCode.csvMappingInvalid, 'A mapping name is 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. my-bank-2026).', { field: 'name' });
  }
}
