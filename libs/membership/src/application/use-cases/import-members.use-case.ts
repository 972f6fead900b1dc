import { createHash, randomUUID, type Hash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, maybeOne, query, type Tx } from '@org/platform';
import type { Principal } from '@org/identity';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError, readCsv, type CsvSource } from '@org/kernel';
import {
  Member,
  MemberCsvCheck,
  mayApplyAgain,
  recordsNeedingReadmissionCheck,
  type FormerRecord,
  type MemberCsvDuplicates,
  type MemberCsvRow,
  type MemberCsvRowResult,
  type MemberCsvSummary,
  type MemberImportMapping,
  type MembershipActor,
  type RegisterPerson,
} from '../../domain';
import { officerActor, requireRegisterScope, type RegisterScope } from '../access-scope';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { MembershipApplicationErrorCode } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { BranchRepository } from '../ports/branch.repository';
import { DuesLevelBook } from '../ports/dues-level-book.port';
import { MemberAccounts } from '../ports/member-accounts.port';
import { ImportMappingsUseCase } from './import-mappings.use-case';
import { MemberRepository } from '../ports/member.repository';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/** A problem row of the report (fields are the file's own column names). */
export interface MemberImportProblemRow {
  row: number;
  ok: boolean;
  errors: Array<{ field: string; message: string }>;
  warnings?: Array<{ field: string; message: string }>;
}

export interface MemberImportReport {
  mode: 'dry-run' | 'apply';
  fileSha256: string;
  ok: boolean;
  accepted: number;
  rejected: number;
  /** Rows a mapping leaves out (e.g. a cancelled membership), with why: not imported, not errors. */
  skipped: number;
  /**
   * The rows with a problem — rejected and why, or accepted with a warning (a probable duplicate)
   * — in row order, at most MEMBER_CSV_REPORT_LIMIT (1,000); `rowsNotShown` counts the others.
   * Accepted rows without a warning are only counted.
   */
  rows: MemberImportProblemRow[];
  rowsNotShown: number;
  skippedRows: Array<{ row: number; reason: string }>;
  skippedRowsNotShown: number;
  /** Exact duplicates (refused) and probable ones (reported, to check); each list bounded, with how many more. */
  duplicates: MemberCsvDuplicates;
  /** The column mapping the file was read with, if any. */
  mapping: string | null;
  applied: boolean;
  /** True when this exact file had been applied before: nothing was imported again. */
  alreadyApplied: boolean;
  batchId: string | null;
}

/** Member numbers of the form M<digits> are the ones the register assigns itself. */
const RESERVED_NUMBER = /^M\d+$/i;
/** Accepted rows are checked against the register, and written on apply, this many at a time. */
const BATCH = 2000;

/** The file had been applied before: the transaction is rolled back and the earlier batch named. */
class AlreadyApplied extends Error {
  constructor(
    readonly batchId: string,
    readonly rowCount: number,
    readonly fileSha256: string,
  ) {
    super('already applied');
  }
}

/** What the file is, learnt while it is read: its SHA-256, and the idempotency key of this import. */
interface FileDigest {
  fileSha256: string;
  importKey: string;
}

/**
 * The member CSV import for secretaries: a dry run reports what would be accepted or rejected
 * and why; applying imports every row or none (one transaction). The file is read as it arrives
 * (the request body is a stream): rows are checked and, on apply, written in batches, and the
 * report keeps counts and the rows with a problem — never every row — so memory stays flat
 * whatever the file's length. Applying the same file twice imports it once (natural idempotency
 * by the file's SHA-256, with the mapping it is read with).
 */
@Injectable()
export class ImportMembersUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly members: MemberRepository,
    private readonly branches: BranchRepository,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
    private readonly accounts: MemberAccounts,
    private readonly mappings: ImportMappingsUseCase,
    private readonly duesLevels: DuesLevelBook,
  ) {}

  /**
   * `file`: the bytes, or a stream of them (the request body). `options.mapping`: read the file
   * as another tool's export through this saved (or built-in) column mapping. The same file
   * applied with the same mapping is imported once.
   */
  async execute(p: Principal, file: CsvSource, mode: 'dry-run' | 'apply', options: { mapping?: string } = {}): Promise<MemberImportReport> {
    const scope = requireRegisterScope(p);
    const mapping = options.mapping ? await this.mappings.resolve(this.ds.manager, options.mapping) : null;
    const used = mapping ? { name: mapping.name, definition: mapping.definition } : null;
    const extra = { mapping: used?.name ?? null };
    if (mode === 'dry-run') {
      const { summary, digest } = await this.check(this.ds.manager, scope, file, used, null);
      return this.report('dry-run', digest.fileSha256, summary, { ...extra, applied: false, alreadyApplied: false, batchId: null });
    }
    try {
      return await this.ds.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('membership.import'))`);
        const moment = momentOf(this.clock);
        const batchId = randomUUID();
        // The batch is written first (members name it) under a provisional key: the file's own key
        // is known once the last byte is read.
        await m.query(`INSERT INTO membership.import_batches (id, file_sha256, imported_by, imported_at, row_count, branch_ids) VALUES ($1, $2, $3, $4, 0, '{}')`, [
          batchId,
          `pending:${batchId}`,
          p.memberId,
          moment.at,
        ]);
        // Trigram (GIN) index entries go to the pending list and are merged later by (auto)vacuum,
        // instead of being merged several times during one large insert.
        await m.query(`SET LOCAL gin_pending_list_limit = '256MB'`);
        const branchIds = new Set<string>();
        let written = 0;
        const write = async (rows: readonly MemberCsvRow[]) => {
          const built = rows.map((row) => this.build(p, scope, row, moment));
          const datesOfBirth = new Map(rows.flatMap((row, i) => (row.dateOfBirth ? [[built[i].id, row.dateOfBirth] as const] : [])));
          await this.members.insertMany(m, built, batchId, datesOfBirth);
          await this.duesLevels.assign(m, rows.flatMap((row, i) => (row.duesLevel ? [{ memberId: built[i].id, level: row.duesLevel, from: row.joinedOn }] : [])));
          // Accounts for this batch's members (applicants excepted), in this transaction: the
          // accounts side takes each batch as it is written, so nothing accumulates over the file.
          await this.accounts.membersJoined(m, joinedOf(built), { kind: 'import', batchId, importedBy: p.memberId });
          for (const row of rows) branchIds.add(row.branchId);
          written += rows.length;
        };
        const { summary, digest } = await this.check(m, scope, file, used, write);
        const previous = await maybeOne<{ id: string; row_count: number }>(m, `SELECT id, row_count FROM membership.import_batches WHERE file_sha256 = $1`, [digest.importKey]);
        if (previous) throw new AlreadyApplied(previous.id, previous.row_count, digest.fileSha256);
        if (!summary.ok) {
          const first = summary.problems.find((r) => !r.ok)!;
          throw new DomainError(
            'invalid',
            MembershipApplicationErrorCode.importRejected,
            `Nothing was imported: ${summary.rejected} of ${summary.accepted + summary.rejected} rows would be rejected (first: row ${first.row} — ${first.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}). Fix them and import the file again; run a dry run to see every row with a problem.`,
            summary.problems.filter((r) => !r.ok).map((r) => ({ row: r.row, errors: r.errors })),
          );
        }
        await m.query(`UPDATE membership.import_batches SET file_sha256 = $2, row_count = $3, branch_ids = $4 WHERE id = $1`, [batchId, digest.importKey, written, [...branchIds]]);
        // The imported members' invitations: a small import's written now, a large one's queued.
        await this.accounts.importApplied(m, batchId);
        await this.audit.record(m, {
          actorId: p.memberId,
          action: 'members.imported',
          subjectType: 'import',
          subjectId: batchId,
          data: { rows: written, branchIds: [...branchIds].slice(0, 100), fileSha256: digest.fileSha256, mapping: used?.name ?? null, skipped: summary.skippedCount },
        });
        return this.report('apply', digest.fileSha256, summary, { ...extra, applied: true, alreadyApplied: false, batchId });
      });
    } catch (e) {
      if (!(e instanceof AlreadyApplied)) throw e;
      return {
        mode,
        fileSha256: e.fileSha256,
        ok: true,
        accepted: e.rowCount,
        rejected: 0,
        skipped: 0,
        rows: [],
        rowsNotShown: 0,
        skippedRows: [],
        skippedRowsNotShown: 0,
        duplicates: { exact: [], probable: [], exactNotShown: 0, probableNotShown: 0 },
        ...extra,
        applied: false,
        alreadyApplied: true,
        batchId: e.batchId,
      };
    }
  }

  private build(p: Principal, scope: RegisterScope, row: MemberCsvRow, moment: ReturnType<typeof momentOf>): Member {
    const actor: MembershipActor = officerActor(p, scope, row.branchId);
    // A member id generated in this transaction cannot be named by any restriction yet, so the
    // port is not asked 100,000 times for nothing; people already in the register cannot be
    // imported again (their e-mail is refused, expelled members' included — S9).
    const restrictions = () => ({ blocked: false });
    return Member.importRecord({
      id: randomUUID(),
      memberNumber: row.memberNumber,
      profile: { firstName: row.firstName, lastName: row.lastName, email: row.email, phone: row.phone, address: row.address },
      branchId: row.branchId,
      joinedOn: row.joinedOn,
      status: row.status,
      emailConsent: row.emailConsent,
      actor,
      moment,
      restrictions,
      pastBranchPeriods: row.pastBranchPeriods,
    }).member;
  }

  /**
   * Reads the file as it arrives and checks every row: the file's own rules, then — for each batch
   * of accepted rows — the register's (S9, reserved numbers). `write`, on apply, receives each batch
   * of rows still acceptable while no row has been rejected (after one has, the apply fails at
   * the end and its transaction is rolled back; the rest is still checked, for the report).
   */
  private async check(
    m: Tx,
    scope: RegisterScope,
    file: CsvSource,
    mapping: { name: string; definition: MemberImportMapping } | null,
    write: ((rows: readonly MemberCsvRow[]) => Promise<void>) | null,
  ): Promise<{ summary: MemberCsvSummary; digest: FileDigest }> {
    const branches = await this.branches.activeCodes(m, scope.kind === 'all' ? null : scope.branchIds);
    const everyBranch = await this.branches.list(m);
    const allBranches = { byCode: new Map(everyBranch.map((b) => [b.code.toUpperCase(), b.id])), codeByName: new Map(everyBranch.map((b) => [b.name, b.code])) };
    const duesLevels = await this.duesLevels.levelNames(m);
    // Probable duplicates against the register: its current and former members (expelled ones are
    // the restrictions port's business, never named here); member numbers only within the importer's scope.
    const people = await query<{ n: string | null; fn: string; ln: string; dob: string | null; ph: string | null; ad: string | null; b: string | null }>(
      m,
      `SELECT register_number AS n, first_name AS fn, last_name AS ln, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, phone AS ph, address AS ad, branch_id AS b
         FROM membership.members WHERE status <> 'expelled'`,
    );
    const register = function* (): Generator<RegisterPerson> {
      for (const r of people) {
        yield {
          memberNumber: scope.kind === 'all' || (r.b !== null && scope.branchIds.includes(r.b)) ? r.n : null,
          name: `${r.fn} ${r.ln}`,
          dateOfBirth: r.dob,
          phone: r.ph,
          postalAddress: r.ad,
        };
      }
    };
    const emails = await query<{ e: string }>(m, `SELECT lower(email) AS e FROM membership.members WHERE email IS NOT NULL AND status NOT IN ('declined', 'resigned', 'expelled')`);
    const expelled = await query<{ e: string; id: string }>(m, `SELECT lower(email) AS e, id FROM membership.members WHERE email IS NOT NULL AND status = 'expelled'`);
    const expelledByEmail = new Map<string, FormerRecord[]>();
    for (const r of expelled) expelledByEmail.set(r.e, [...(expelledByEmail.get(r.e) ?? []), { memberId: r.id, status: 'expelled' }]);
    const numbers = await query<{ n: string }>(m, `SELECT upper(register_number) AS n FROM membership.members`);
    const emailSet = new Set(emails.map((r) => r.e));
    const numberSet = new Set(numbers.map((r) => r.n));
    const check = new MemberCsvCheck({
      branches,
      existingEmails: emailSet,
      existingMemberNumbers: { has: (n: string) => numberSet.has(n.toUpperCase()) },
      today: this.clock.today(),
      allBranches,
      duesLevels,
      register: { [Symbol.iterator]: register },
      mapping: mapping ?? undefined,
    });

    /** The register's own refusals, for a batch of rows the file accepts; then, on apply, the write. */
    const settle = async (batch: MemberCsvRowResult[]): Promise<void> => {
      // S9: an expelled member comes back only after a Control Commission readmission decision.
      // The port is asked only about the expelled records whose e-mail is in the batch.
      const inBatch = batch.flatMap((r) => (r.member!.email ? (expelledByEmail.get(r.member!.email) ?? []) : []));
      const waiting = inBatch.length ? await this.gate.awaitingReadmission(m, recordsNeedingReadmissionCheck(inBatch)) : new Set<string>();
      const kept: MemberCsvRowResult[] = [];
      for (const r of batch) {
        const email = r.member!.email;
        if (email && !mayApplyAgain(expelledByEmail.get(email) ?? [], waiting)) {
          check.reject(r.row, 'email', `${email} belongs to a former member who can rejoin only after a Control Commission readmission decision`);
          continue;
        }
        // The register's own numbering (M<digits>) is reserved: an import cannot claim a future number.
        const n = r.member!.memberNumber;
        if (n && RESERVED_NUMBER.test(n)) {
          check.reject(r.row, 'member_number', `${n} has the form M<digits>, which the register reserves for the numbers it assigns; use another form or leave it empty`);
          continue;
        }
        kept.push(r);
      }
      // S9 also under another e-mail: one question for the batch (name with date of birth, phone
      // or address). The row is held with the neutral message, never why.
      const held = await this.gate.rejoinHeld(
        m,
        kept.map((r) => ({ name: `${r.member!.firstName} ${r.member!.lastName}`, email: r.member!.email, dateOfBirth: r.member!.dateOfBirth, phone: r.member!.phone, postalAddress: r.member!.address })),
      );
      const fine = kept.filter((r, i) => {
        if (held[i]) check.reject(r.row, 'row', `cannot be imported. ${CONFIDENTIAL_RESTRICTION_MESSAGE}`);
        return !held[i];
      });
      if (write && check.clean && fine.length > 0) await write(fine.map((r) => r.member!));
    };

    const fileHash = createHash('sha256');
    const keyHash = mapping ? createHash('sha256').update(JSON.stringify(mapping.definition)).update('\0') : null;
    const tooLarge = () => new DomainError('invalid', MembershipApplicationErrorCode.csvTooLarge, `The file is larger than ${this.config.csvMaxBytes} bytes; split it into smaller files.`);
    let batch: MemberCsvRowResult[] = [];
    for await (const record of readCsv(digesting(file, fileHash, keyHash), { maxBytes: this.config.csvMaxBytes, tooLarge })) {
      const r = check.read(record);
      if (!r?.ok) continue;
      batch.push(r);
      if (batch.length >= BATCH) {
        await settle(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await settle(batch);
    const summary = check.finish();
    const fileSha256 = fileHash.digest('hex');
    return { summary, digest: { fileSha256, importKey: keyHash ? keyHash.digest('hex') : fileSha256 } };
  }

  private report(mode: 'dry-run' | 'apply', fileSha256: string, summary: MemberCsvSummary, extra: Pick<MemberImportReport, 'applied' | 'alreadyApplied' | 'batchId' | 'mapping'>): MemberImportReport {
    return {
      mode,
      fileSha256,
      ok: summary.ok,
      accepted: summary.accepted,
      rejected: summary.rejected,
      skipped: summary.skippedCount,
      rows: summary.problems.map((r) => (r.warnings?.length ? { row: r.row, ok: r.ok, errors: r.errors, warnings: r.warnings } : { row: r.row, ok: r.ok, errors: r.errors })),
      rowsNotShown: summary.problemsNotShown,
      skippedRows: summary.skipped,
      skippedRowsNotShown: summary.skippedCount - summary.skipped.length,
      duplicates: summary.duplicates,
      ...extra,
    };
  }
}

/** The members of a written batch who get an account: all but applicants. */
function joinedOf(built: readonly Member[]): { memberId: string; email: string | null; firstName: string }[] {
  return built.flatMap((x) => {
    const s = x.toSnapshot();
    return s.status === 'applicant' ? [] : [{ memberId: s.id, email: s.email ?? null, firstName: s.firstName ?? '' }];
  });
}

/** The file's bytes as they pass, fed to the hashes; a buffer is passed on in pieces. */
async function* digesting(file: CsvSource, ...hashes: (Hash | null)[]): AsyncGenerator<Uint8Array | string> {
  const feed = (chunk: Uint8Array | string) => {
    for (const h of hashes) h?.update(chunk);
  };
  if (typeof file === 'string' || file instanceof Uint8Array) {
    const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
    for (let i = 0; i < bytes.length; i += 64 * 1024) {
      const chunk = bytes.subarray(i, i + 64 * 1024);
      feed(chunk);
      yield chunk;
    }
    return;
  }
  for await (const chunk of file) {
    feed(chunk);
    yield chunk;
  }
}
