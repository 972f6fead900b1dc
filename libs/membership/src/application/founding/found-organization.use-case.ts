import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { AccountProvisioning, CodeOfConductService, IdentityRepository, MandateService, type MandateRole } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Branch, Member, type MembershipActor } from '../../domain';
import { BranchRepository } from '../ports/branch.repository';
import { FoundingRepository, type ExistingData } from '../ports/founding.repository';
import { MembershipTransactions } from '../ports/membership-transactions.port';
import { MemberRepository } from '../ports/member.repository';
import { checkFoundingFile, type FoundingProblem } from './founding-file';

export interface FoundedOfficer {
  name: string;
  email: string;
  /** "Control Commission (member)", … — the sitting mandates the account carries. */
  seats: string[];
  linkValidMinutes: number;
}

export interface FoundingReport {
  actId: string;
  fileSha256: string;
  regions: number;
  branches: number;
  members: number;
  bodies: number;
  mandates: number;
  /** The code of conduct's version published by the act (1), or null when the file carries none. */
  codeOfConductVersion: number | null;
  officers: FoundedOfficer[];
}

/** Thrown with every problem of the file (nothing was written). */
export class FoundingFileRejected extends DomainError {
  constructor(readonly problems: FoundingProblem[]) {
    super('invalid', 'founding_file_invalid', `The founding file has ${problems.length} problem(s); nothing was written.`, problems);
  }
}

/**
 * The founding act: on an empty database, the organization, its regions and branches, the people
 * who hold the founding mandates, the bodies with their seats, the sitting (and relevant former)
 * mandates as elected at the last congress, the code of conduct (version 1) when the file carries
 * one, and an account for each sitting officer — all in one
 * audited transaction. Mandates go through identity's `MandateService` (S2, seat limits,
 * restrictions), members through the register's `Member.importRecord`, branches through `Branch.create`.
 */
@Injectable()
export class FoundOrganizationUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly founding: FoundingRepository,
    private readonly branches: BranchRepository,
    private readonly members: MemberRepository,
    private readonly identity: IdentityRepository,
    private readonly mandates: MandateService,
    private readonly accounts: AccountProvisioning,
    private readonly codeOfConduct: CodeOfConductService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Checks the file without touching the database (`org:init --check`). */
  check(raw: unknown): FoundingProblem[] {
    return checkFoundingFile(raw, { today: this.clock.today(), coolingOffMonths: this.mandates.coolingOffMonths }).problems;
  }

  async found(raw: unknown, fileText: string): Promise<FoundingReport> {
    const today = this.clock.today();
    const { problems, file, mandates } = checkFoundingFile(raw, { today, coolingOffMonths: this.mandates.coolingOffMonths });
    if (!file || !mandates) throw new FoundingFileRejected(problems);
    const fileSha256 = createHash('sha256').update(fileText).digest('hex');
    const actId = randomUUID();
    const actor = { id: actId, kind: 'founding-act' };
    return this.ds.transaction(async (m) => {
      const existing: ExistingData = { ...(await this.founding.lockAndCount(m)), ...(await this.identity.countBodiesAndAccounts(m)) };
      const held = Object.entries(existing).filter(([, n]) => n > 0);
      if (held.length > 0) {
        throw new DomainError(
          'conflict',
          'database_not_empty',
          `The database already holds an organization (${held.map(([k, n]) => `${n} ${k}`).join(', ')}): the founding act runs on an empty database only, and nothing was written. ` +
            'To tell: `SELECT count(*) FROM membership.branches` (or identity.bodies) answers more than 0. Found on a new DATA_DIR or a new PostgreSQL database; to change a founded organization use the platform itself (elections, appointments, CSV import).',
          existing as unknown as Record<string, unknown>,
        );
      }
      const now = this.clock.now();
      await this.founding.insertOrganization(m, { ...file.organization, fileSha256, foundedAt: now });
      const regionIds = new Map<string, string>();
      for (const r of file.regions) regionIds.set(r.code, await this.founding.insertRegion(m, r));
      const branchIds = new Map<string, string>();
      for (const b of file.branches) {
        const { branch } = Branch.create({ id: randomUUID(), code: b.code, name: b.name, createdOn: b.foundedOn });
        await this.branches.insert(m, branch);
        if (b.region) await this.founding.setBranchRegion(m, branch.id, regionIds.get(b.region)!);
        branchIds.set(b.code, branch.id);
      }
      // The people of the founding mandates, as the register's import records them (active, placed in their branch).
      const registrar: MembershipActor = { kind: 'membership-secretary', actorId: actId };
      const memberIds = new Map<string, { id: string; name: string; email: string }>();
      for (const p of file.members) {
        const firstMandate = mandates.filter((x) => x.holder === p.email.toLowerCase()).map((x) => x.from).sort()[0];
        const joinedOn = p.joinedOn ?? (firstMandate && firstMandate < today ? firstMandate : today);
        const { member } = Member.importRecord({
          id: randomUUID(),
          profile: { firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, address: null },
          branchId: branchIds.get(p.branch)!,
          joinedOn,
          status: 'active',
          emailConsent: true,
          actor: registrar,
          moment: { on: today, at: now.toISOString() },
          restrictions: () => ({ blocked: false }),
        });
        await this.members.insert(m, member);
        memberIds.set(p.email.toLowerCase(), { id: member.id, name: `${p.firstName} ${p.lastName}`, email: p.email });
      }
      const bodyIds: string[] = [];
      for (const b of file.bodies) {
        const seats = Math.max(1, b.seats.filter((s) => s.role !== 'alternate').length);
        bodyIds.push(await this.identity.createBody(m, { kind: b.kind, name: b.name, branchId: b.branch ? branchIds.get(b.branch)! : null, seats }));
      }
      // Oldest first, so a former EC mandate is on record before the cooling-off check of a later commission seat.
      for (const x of mandates) {
        try {
          await this.mandates.create(m, {
            memberId: memberIds.get(x.holder)!.id,
            bodyId: bodyIds[x.bodyIndex],
            role: x.role,
            startsOn: x.from,
            endsOn: x.until,
            source: { kind: 'founding', ref: x.elected },
            actor,
          });
        } catch (e) {
          if (e instanceof DomainError) {
            throw new FoundingFileRejected([{ path: `${x.path}.holder`, problem: e.message, fix: 'correct the file and run org:init again (nothing was written)' }]);
          }
          throw e;
        }
      }
      // The code of conduct, version 1, before any account exists: every welcome carries it (S14).
      const code = file.codeOfConduct ? await this.codeOfConduct.publishIn(m, { ...file.codeOfConduct, by: { id: actId, kind: 'founding-act' } }) : null;
      const officers: FoundedOfficer[] = [];
      for (const [email, who] of memberIds) {
        const sitting = mandates.filter((x) => x.holder === email && (x.until === null || x.until > today));
        if (sitting.length === 0) continue;
        const { linkValidMinutes } = await this.accounts.openOfficerAccount(m, { memberId: who.id, email: who.email }, actor);
        officers.push({ name: who.name, email: who.email, seats: sitting.map((x) => `${file.bodies[x.bodyIndex].name} (${roleLabel(x.role)})`), linkValidMinutes });
      }
      const report: FoundingReport = { actId, fileSha256, regions: file.regions.length, branches: file.branches.length, members: file.members.length, bodies: file.bodies.length, mandates: mandates.length, codeOfConductVersion: code?.version ?? null, officers };
      await this.audit.record(
        m,
        {
          actorId: actId,
          actorKind: 'founding-act',
          context: 'membership',
          action: 'organization.founded',
          subjectType: 'organization',
          subjectId: actId,
          data: { name: file.organization.name, fileSha256, regions: report.regions, branches: report.branches, members: report.members, bodies: report.bodies, mandates: report.mandates, codeOfConductVersion: report.codeOfConductVersion, accounts: officers.length },
        },
        now,
      );
      return report;
    });
  }
}

const roleLabel = (r: MandateRole): string => r.replace('-', ' ');
