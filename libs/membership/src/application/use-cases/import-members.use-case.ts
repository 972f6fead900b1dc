import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@org/identity';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Member, mayApplyAgain, parseMemberCsv, recordsNeedingReadmissionCheck, type FormerRecord, type MemberCsvDryRun, type MemberCsvDuplicates, type MemberImportMapping, type MembershipActor, type RegisterPerson } from '../../domain';
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

export interface MemberImportReport {
  mode: 'dry-run' | 'apply';
  fileSha256: string;
  ok: boolean;
  accepted: number;
  rejected: number;
  /** Rows a mapping leaves out (e.g. a cancelled membership), with why: not imported, not errors. */
  skipped: number;
  /** Every data row: its spreadsheet row number, whether it is accepted, and why not (fields are the file's own column names). */
  rows: Array<{ row: number; ok: boolean; errors: Array<{ field: string; message: string }>; warnings?: Array<{ field: string; message: string }> }>;
  skippedRows: Array<{ row: number; reason: string }>;
  /** Exact duplicates (refused) and probable ones (reported, to check). */
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

/**
 * The member CSV import for secretaries: a dry run reports per row what would be accepted or
 * rejected and why; applying imports every row or none (one transaction, batched inserts).
 * Applying the same file twice imports it once (natural idempotency by the file's SHA-256).
 */
@Injectable()
export class ImportMembersUseCase {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
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
   * `options.mapping`: read the file as another tool's export through this saved (or built-in)
   * column mapping. The same file applied with the same mapping is imported once.
   */
  async execute(p: Principal, file: Buffer, mode: 'dry-run' | 'apply', options: { mapping?: string } = {}): Promise<MemberImportReport> {
    const scope = requireRegisterScope(p);
    if (file.length > this.config.csvMaxBytes) {
      throw new DomainError('invalid', MembershipApplicationErrorCode.csvTooLarge, `The file is larger than ${this.config.csvMaxBytes} bytes; split it into smaller files.`);
    }
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    const mapping = options.mapping ? await this.mappings.resolve(this.ds.manager, options.mapping) : null;
    const used = mapping ? { name: mapping.name, definition: mapping.definition } : null;
    // Idempotency key: the file, and the mapping it is read with (the same file read another way is another import).
    const importKey = used ? createHash('sha256').update(JSON.stringify(used.definition)).update('\0').update(file).digest('hex') : fileSha256;
    if (mode === 'dry-run') {
      const dry = await this.dryRun(this.ds.manager, scope, file, used);
      return this.report('dry-run', fileSha256, dry, { applied: false, alreadyApplied: false, batchId: null, mapping: used?.name ?? null });
    }
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('membership.import'))`);
      const previous = await m.query(`SELECT id, row_count FROM membership.import_batches WHERE file_sha256 = $1`, [importKey]);
      if (previous[0]) {
        return {
          mode,
          fileSha256,
          ok: true,
          accepted: previous[0].row_count,
          rejected: 0,
          skipped: 0,
          rows: [],
          skippedRows: [],
          duplicates: { exact: [], probable: [] },
          mapping: used?.name ?? null,
          applied: false,
          alreadyApplied: true,
          batchId: previous[0].id,
        };
      }
      const dry = await this.dryRun(m, scope, file, used);
      if (!dry.ok) {
        const rejected = dry.rows.filter((r) => !r.ok).map((r) => ({ row: r.row, errors: r.errors }));
        const first = rejected[0];
        throw new DomainError(
          'invalid',
          MembershipApplicationErrorCode.importRejected,
          `Nothing was imported: ${dry.rejected} of ${dry.rows.length} rows would be rejected (first: row ${first.row} — ${first.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}). Fix them and import the file again; run a dry run to see every row.`,
          rejected.slice(0, 1000),
        );
      }
      const moment = momentOf(this.clock);
      const batchId = randomUUID();
      const built: Member[] = [];
      for (const r of dry.rows) {
        const row = r.member!;
        const id = randomUUID();
        const actor: MembershipActor = officerActor(p, scope, row.branchId);
        // A member id generated in this transaction cannot be named by any restriction yet, so the
        // port is not asked 100,000 times for nothing; people already in the register cannot be
        // imported again (their e-mail is refused, expelled members' included — S9).
        const restrictions = () => ({ blocked: false });
        const { member } = Member.importRecord({
          id,
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
        });
        built.push(member);
      }
      const branchIds = [...new Set(dry.rows.map((r) => r.member!.branchId))];
      await m.query(`INSERT INTO membership.import_batches (id, file_sha256, imported_by, imported_at, row_count, branch_ids) VALUES ($1, $2, $3, $4, $5, $6)`, [
        batchId,
        importKey,
        p.memberId,
        moment.at,
        built.length,
        branchIds,
      ]);
      // Trigram (GIN) index entries go to the pending list and are merged later by (auto)vacuum,
      // instead of being merged several times during one large insert.
      if (built.length > 1000) await m.query(`SET LOCAL gin_pending_list_limit = '256MB'`);
      const datesOfBirth = new Map(dry.rows.flatMap((r, i) => (r.member!.dateOfBirth ? [[built[i].id, r.member!.dateOfBirth] as const] : [])));
      await this.members.insertMany(m, built, batchId, datesOfBirth);
      const levels = dry.rows.flatMap((r, i) => (r.member!.duesLevel ? [{ memberId: built[i].id, level: r.member!.duesLevel, from: r.member!.joinedOn }] : []));
      await this.duesLevels.assign(m, levels);
      // Accounts for the imported members (applicants excepted) and their invitations, in this transaction.
      await this.openAccounts(m, built, batchId, p.memberId);
      await this.audit.record(m, {
        actorId: p.memberId,
        action: 'members.imported',
        subjectType: 'import',
        subjectId: batchId,
        data: { rows: built.length, branchIds: branchIds.slice(0, 100), fileSha256, mapping: used?.name ?? null, skipped: dry.skipped.length },
      });
      return this.report('apply', fileSha256, dry, { applied: true, alreadyApplied: false, batchId, mapping: used?.name ?? null });
    });
  }

  /** The one point where an import opens accounts: every imported member but applicants. */
  private openAccounts(m: EntityManager, built: readonly Member[], batchId: string, importedBy: string | null): Promise<unknown> {
    const joined = built.filter((x) => x.status !== 'applicant').map((x) => ({ memberId: x.id, email: x.profile.email ?? null, firstName: x.profile.firstName ?? '' }));
    return this.accounts.membersJoined(m, joined, { kind: 'import', batchId, importedBy });
  }

  private async dryRun(m: EntityManager, scope: RegisterScope, file: Buffer, mapping: { name: string; definition: MemberImportMapping } | null): Promise<MemberCsvDryRun> {
    const branches = await this.branches.activeCodes(m, scope.kind === 'all' ? null : scope.branchIds);
    const everyBranch = await this.branches.list(m);
    const allBranches = { byCode: new Map(everyBranch.map((b) => [b.code.toUpperCase(), b.id])), codeByName: new Map(everyBranch.map((b) => [b.name, b.code])) };
    const duesLevels = await this.duesLevels.levelNames(m);
    // Probable duplicates against the register: its current and former members (expelled ones are
    // the restrictions port's business, never named here); member numbers only within the importer's scope.
    const people: { n: string | null; fn: string; ln: string; dob: string | null; ph: string | null; ad: string | null; b: string | null }[] = await m.query(
      `SELECT register_number AS n, first_name AS fn, last_name AS ln, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, phone AS ph, address AS ad, branch_id AS b
         FROM membership.members WHERE status <> 'expelled'`,
    );
    const register: RegisterPerson[] = people.map((r) => ({
      memberNumber: scope.kind === 'all' || (r.b !== null && scope.branchIds.includes(r.b)) ? r.n : null,
      name: `${r.fn} ${r.ln}`,
      dateOfBirth: r.dob,
      phone: r.ph,
      postalAddress: r.ad,
    }));
    const emails: { e: string }[] = await m.query(`SELECT lower(email) AS e FROM membership.members WHERE email IS NOT NULL AND status NOT IN ('declined', 'resigned', 'expelled')`);
    const expelled: { e: string; id: string }[] = await m.query(`SELECT lower(email) AS e, id FROM membership.members WHERE email IS NOT NULL AND status = 'expelled'`);
    const expelledByEmail = new Map<string, FormerRecord[]>();
    for (const r of expelled) expelledByEmail.set(r.e, [...(expelledByEmail.get(r.e) ?? []), { memberId: r.id, status: 'expelled' }]);
    const numbers: { n: string }[] = await m.query(`SELECT upper(register_number) AS n FROM membership.members`);
    const emailSet = new Set(emails.map((r) => r.e));
    const numberSet = new Set(numbers.map((r) => r.n));
    const dry = parseMemberCsv(file, {
      branches,
      existingEmails: emailSet,
      existingMemberNumbers: { has: (n: string) => numberSet.has(n.toUpperCase()) },
      today: this.clock.today(),
      allBranches,
      duesLevels,
      register,
      mapping: mapping ?? undefined,
    });
    // The register's own numbering (M<digits>) is reserved: an import cannot claim a future number.
    // S9: an expelled member comes back only after a Control Commission readmission decision. The
    // port is asked only about the expelled records whose e-mail is in the file.
    const inFile = dry.rows.flatMap((r) => (r.member?.email ? (expelledByEmail.get(r.member.email) ?? []) : []));
    const waiting = await this.gate.awaitingReadmission(m, recordsNeedingReadmissionCheck(inFile));
    for (const r of dry.rows) {
      const email = r.member?.email;
      if (email && !mayApplyAgain(expelledByEmail.get(email) ?? [], waiting)) {
        r.errors.push({ field: dry.column('email'), message: `${email} belongs to a former member who can rejoin only after a Control Commission readmission decision` });
        r.ok = false;
        delete r.member;
      }
      const n = r.member?.memberNumber;
      if (n && RESERVED_NUMBER.test(n)) {
        r.errors.push({ field: dry.column('member_number'), message: `${n} has the form M<digits>, which the register reserves for the numbers it assigns; use another form or leave it empty` });
        r.ok = false;
        delete r.member;
      }
    }
    // Errors added here name the file's own columns too (under a mapping, e.g. "Membership ID").
    // S9 also under another e-mail: one question for every row still accepted (name with date of
    // birth, phone or address). The row is held with the neutral message, never why.
    const candidates = dry.rows.filter((r) => r.ok && r.member);
    const held = await this.gate.rejoinHeld(
      m,
      candidates.map((r) => ({ name: `${r.member!.firstName} ${r.member!.lastName}`, email: r.member!.email, dateOfBirth: r.member!.dateOfBirth, phone: r.member!.phone, postalAddress: r.member!.address })),
    );
    candidates.forEach((r, i) => {
      if (!held[i]) return;
      r.errors.push({ field: 'row', message: `cannot be imported. ${CONFIDENTIAL_RESTRICTION_MESSAGE}` });
      r.ok = false;
      delete r.member;
    });
    const accepted = dry.rows.filter((r) => r.ok).length;
    return { ...dry, accepted, rejected: dry.rows.length - accepted, ok: accepted === dry.rows.length };
  }

  private report(mode: 'dry-run' | 'apply', fileSha256: string, dry: MemberCsvDryRun, extra: Pick<MemberImportReport, 'applied' | 'alreadyApplied' | 'batchId' | 'mapping'>): MemberImportReport {
    return {
      mode,
      fileSha256,
      ok: dry.ok,
      accepted: dry.accepted,
      rejected: dry.rejected,
      skipped: dry.skipped.length,
      rows: dry.rows.map((r) => (r.warnings?.length ? { row: r.row, ok: r.ok, errors: r.errors, warnings: r.warnings } : { row: r.row, ok: r.ok, errors: r.errors })),
      skippedRows: dry.skipped,
      duplicates: dry.duplicates,
      ...extra,
    };
  }
}
