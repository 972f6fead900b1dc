import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError, readCsv, type CsvRecord, type CsvSource } from '@org/kernel';
import { Clock, query, type Tx } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { parseBankCsv, recordPayment, type BankCsvDryRun, type PaymentEntry } from '../../domain';
import type { ColumnMappingDefinition } from '@org/kernel';
import { DUES_CONFIG, type DuesConfig } from '../dues.config';
import { DuesApplicationErrorCode, noDuesPlan } from '../dues-application.errors';
import { PaymentMappingsUseCase } from './payment-mappings.use-case';
import { DuesAudit } from '../dues-audit';
import { DuesLedger } from '../ports/dues-ledger.repository';
import { MembershipRegisterPort } from '../ports/membership-register.port';
import { StandingCalculator } from '../standing-calculator';
import { branchFilter, requireScope, treasurerScopeOf, type TreasurerScope } from '../treasurer-scope';

export interface BankImportReport {
  mode: 'dry-run' | 'apply';
  fileSha256: string;
  ok: boolean;
  newPayments: number;
  alreadyImported: number;
  rejected: number;
  rows: Array<{ row: number; outcome: string; ok: boolean; errors: Array<{ field: string; message: string }>; memberId: string | null }>;
  /** Rows the mapping leaves out (e.g. a refunded contribution), with why. */
  skippedRows: Array<{ row: number; reason: string }>;
  mapping: string | null;
  applied: boolean;
  /** Payments actually added by this call (0 when the file was imported before). */
  added: number;
  batchId: string | null;
}

/**
 * A bank CSV export imported into the ledger. The dry run reports every row (new, already
 * imported, repeated in the file, rejected and why). Applying adds the new payments in one
 * transaction — all rows or none, unless `skipRejected` is asked for — and each row's
 * idempotency key is stored as the payment's reference, unique in the ledger: importing the
 * same file again adds nothing.
 */
@Injectable()
export class BankImportUseCase {
  constructor(
    private readonly ds: DuesTransactions,
    private readonly ledger: DuesLedger,
    private readonly register: MembershipRegisterPort,
    private readonly calculator: StandingCalculator,
    private readonly audit: DuesAudit,
    private readonly clock: Clock,
    @Inject(DUES_CONFIG) private readonly config: DuesConfig,
    private readonly mappings: PaymentMappingsUseCase,
  ) {}

  /** `file`: the bytes, or a stream of them (the request body); a bank statement is read whole, record by record, once. */
  async execute(p: Principal, source: CsvSource, mode: 'dry-run' | 'apply', options: { skipRejected?: boolean; mapping?: string } = {}): Promise<BankImportReport> {
    const scope = requireScope(treasurerScopeOf(p));
    const { records: file, fileSha256 } = await this.read(source);
    // A saved mapping of that name, else the built-in one (read again in the apply's transaction).
    const mappingIn = async (m: Tx) => (options.mapping === undefined ? null : this.mappings.resolve(m, options.mapping));
    if (mode === 'dry-run') {
      const mapping = await mappingIn(this.ds.manager);
      const { dry } = await this.dryRun(this.ds.manager, scope, file, mapping);
      return this.report(mode, fileSha256, dry, { applied: false, added: 0, batchId: null, mapping: mapping?.name ?? null });
    }
    return this.ds.transaction(async (m) => {
      await query(m, `SELECT pg_advisory_xact_lock(hashtext('dues.bank-import'))`);
      const mapping = await mappingIn(m);
      const { dry, currency } = await this.dryRun(m, scope, file, mapping);
      if (dry.rejected > 0 && !options.skipRejected) {
        const rejected = dry.rows.filter((r) => r.outcome === 'rejected');
        const first = rejected[0];
        throw new DomainError(
          'invalid',
          DuesApplicationErrorCode.importRejected,
          `Nothing was imported: ${dry.rejected} row(s) would be rejected (first: row ${first.row} — ${first.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}). Fix them, or import with skipRejected=true to add only the good rows.`,
          rejected.slice(0, 1000).map((r) => ({ row: r.row, errors: r.errors })),
        );
      }
      const today = this.clock.today();
      const batchId = randomUUID();
      const fresh = dry.rows.filter((r) => r.outcome === 'new' && r.payment);
      const payments: PaymentEntry[] = fresh.map((r) =>
        recordPayment(
          { id: randomUUID(), memberId: r.payment!.memberId, amountMinor: r.payment!.amountMinor, currency: r.payment!.currency, paidOn: r.payment!.paidOn, source: 'bank-import', externalRef: r.payment!.externalRef, recordedBy: 'system' },
          { today, planCurrency: currency },
        ),
      );
      await query(
        m,
        `INSERT INTO dues.bank_import_batches (id, file_sha256, imported_by, imported_at, row_count, new_payments, already_imported, skipped_rejected) VALUES ($1, $2, $3, $4, $5, 0, $6, $7)`,
        [batchId, fileSha256, p.memberId, this.clock.now(), dry.rows.length, dry.alreadyImported, dry.rejected],
      );
      const inserted = await this.ledger.insertImportedPayments(m, payments, batchId, fresh.map((r) => r.payment!.reference));
      const paymentIdByKey = new Map(payments.filter((x) => inserted.has(x.id)).map((x) => [x.externalRef!, x.id]));
      await query(
        m,
        `INSERT INTO dues.bank_import_rows (batch_id, row_number, outcome, idempotency_key, member_id, payment_id, errors)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::jsonb[])`,
        [
          batchId,
          dry.rows.map((r) => r.row),
          dry.rows.map((r) => (r.outcome === 'new' && r.idempotencyKey && !paymentIdByKey.has(r.idempotencyKey) ? 'already-imported' : r.outcome)),
          dry.rows.map((r) => r.idempotencyKey),
          dry.rows.map((r) => r.payment?.memberId ?? null),
          dry.rows.map((r) => (r.idempotencyKey ? paymentIdByKey.get(r.idempotencyKey) ?? null : null)),
          dry.rows.map((r) => JSON.stringify(r.errors)),
        ],
      );
      await query(m, `UPDATE dues.bank_import_batches SET new_payments = $2 WHERE id = $1`, [batchId, inserted.size]);
      // Refresh the standing read model of the members who paid.
      const members = [...new Set(payments.filter((x) => inserted.has(x.id)).map((x) => x.memberId))];
      if (members.length > 0) {
        const assessed = await this.calculator.assessMany(m, members, today);
        await this.ledger.upsertStanding(m, members.map((id) => ({ memberId: id, a: assessed.get(id)! })), this.clock.now());
      }
      await this.audit.record(m, { actorId: p.memberId, action: 'dues.bank-imported', subjectType: 'bank-import', subjectId: batchId, data: { fileSha256, rows: dry.rows.length, added: inserted.size, alreadyImported: dry.alreadyImported, skippedRejected: dry.rejected, mapping: mapping ? { name: mapping.name, version: mapping.version } : null } });
      return this.report(mode, fileSha256, dry, { applied: true, added: inserted.size, batchId, mapping: mapping?.name ?? null });
    });
  }

  /** The file's records, read through the platform's CSV reader within the size limit, and its SHA-256. */
  private async read(source: CsvSource): Promise<{ records: CsvRecord[]; fileSha256: string }> {
    const hash = createHash('sha256');
    async function* hashed(): AsyncGenerator<Uint8Array | string> {
      if (typeof source === 'string' || source instanceof Uint8Array) {
        hash.update(source);
        yield source;
        return;
      }
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    }
    const tooLarge = () => new DomainError('invalid', DuesApplicationErrorCode.csvTooLarge, `The file is larger than ${this.config.csvMaxBytes} bytes; split it into smaller files.`);
    const records: CsvRecord[] = [];
    for await (const record of readCsv(hashed(), { maxBytes: this.config.csvMaxBytes, tooLarge })) records.push(record);
    return { records, fileSha256: hash.digest('hex') };
  }

  /** Parses twice: once to learn the rows' keys, then with the keys already in the ledger. */
  private async dryRun(m: Tx, scope: TreasurerScope, file: readonly CsvRecord[], mapping: { name: string; definition: ColumnMappingDefinition } | null): Promise<{ dry: BankCsvDryRun; currency: string }> {
    const book = await this.calculator.planBook(m);
    if (!book.defaultPlan) throw noDuesPlan();
    const currency = book.defaultPlan.plan.currency;
    const directory = await this.register.directory(m, branchFilter(scope));
    const today = this.clock.today();
    const first = parseBankCsv(file, { currency, today, directory, alreadyImported: new Set(), mapping: mapping ?? undefined });
    const keys = first.rows.map((r) => r.idempotencyKey).filter((k): k is string => k !== null);
    const existing = await this.ledger.existingExternalRefs(m, keys);
    const dry = existing.size === 0 ? first : parseBankCsv(file, { currency, today, directory, alreadyImported: existing, mapping: mapping ?? undefined });
    return { dry, currency };
  }

  private report(mode: 'dry-run' | 'apply', fileSha256: string, dry: BankCsvDryRun, extra: Pick<BankImportReport, 'applied' | 'added' | 'batchId' | 'mapping'>): BankImportReport {
    return {
      mode,
      fileSha256,
      ok: dry.ok,
      newPayments: dry.newPayments,
      alreadyImported: dry.alreadyImported,
      rejected: dry.rejected,
      rows: dry.rows.map((r) => ({ row: r.row, outcome: r.outcome, ok: r.ok, errors: r.errors, memberId: r.payment?.memberId ?? null })),
      skippedRows: dry.skipped,
      ...extra,
    };
  }
}
