import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock, NamedMappingStore, type SavedMapping, type Tx } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { BUILT_IN_PAYMENT_MAPPINGS, checkPaymentImportMapping, type PaymentImportMapping } from '../../domain';
import { DuesApplicationErrorCode } from '../dues-application.errors';
import { DuesAudit } from '../dues-audit';
import { requireScope, treasurerScopeOf } from '../treasurer-scope';

export type SavedPaymentMapping = SavedMapping<PaymentImportMapping>;

/**
 * Column mappings for the payments import (a bank statement, a CiviContribute export), saved by
 * name for the organization in the platform's named-mapping store: any treasurer who may import
 * payments may save one, each save is audited (name and version, never the file). Built-in ones
 * (`civicontribute`, `bank`) are always there; a saved mapping of the same name replaces the
 * built-in one.
 */
@Injectable()
export class PaymentMappingsUseCase {
  private readonly store = new NamedMappingStore<PaymentImportMapping>({
    table: 'dues.import_mappings',
    builtIns: BUILT_IN_PAYMENT_MAPPINGS,
    check: checkPaymentImportMapping,
    noun: 'payments mapping',
    exampleName: 'my-bank-2026',
    listRoute: '/dues/import-mappings',
    saveRoute: '/dues/import-mappings/{name}',
    codes: { invalid: DuesApplicationErrorCode.csvMappingInvalid, notFound: DuesApplicationErrorCode.paymentMappingNotFound },
  });

  constructor(
    private readonly ds: DuesTransactions,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
  ) {}

  async save(p: Principal, name: string, definition: unknown): Promise<SavedPaymentMapping> {
    requireScope(treasurerScopeOf(p));
    this.store.checked(name, definition);
    return this.ds.transaction(async (m) => {
      const saved = await this.store.save(m, name, definition, p.memberId, this.clock.now());
      await this.audit.record(m, { actorId: p.memberId, action: 'payment-mapping.saved', subjectType: 'payment-mapping', subjectId: name, data: { version: saved.version } });
      return saved;
    });
  }

  list(p: Principal): Promise<SavedPaymentMapping[]> {
    requireScope(treasurerScopeOf(p));
    return this.store.list(this.ds.manager);
  }

  get(p: Principal, name: string): Promise<SavedPaymentMapping> {
    requireScope(treasurerScopeOf(p));
    return this.store.resolve(this.ds.manager, name);
  }

  /** The mapping an import uses: the saved one of that name, else the built-in one. */
  resolve(m: Tx, name: string): Promise<SavedPaymentMapping> {
    return this.store.resolve(m, name);
  }
}
