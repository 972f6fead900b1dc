import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@org/platform';
import { Member, type MemberProfileInput } from '../../domain';
import { DomainError } from '@org/kernel';
import { MembershipApplicationErrorCode, branchNotFound, duplicateEmail } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { BranchRepository } from '../ports/branch.repository';
import { MemberRepository } from '../ports/member.repository';

export interface ApplyForMembershipCommand {
  profile: MemberProfileInput;
  branchId: string;
  emailConsent?: boolean;
  note?: string | null;
}

/** A person applies to join through a branch; the branch secretary then admits or declines. */
@Injectable()
export class ApplyForMembershipUseCase {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly members: MemberRepository,
    private readonly branches: BranchRepository,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ApplyForMembershipCommand): Promise<{ memberId: string; memberNumber: string; status: string }> {
    return this.ds.transaction(async (m) => {
      const branch = await this.branches.load(m, cmd.branchId);
      if (!branch) throw branchNotFound();
      branch.assertAcceptsMembers();
      const id = randomUUID();
      const { member } = Member.apply({
        id,
        profile: cmd.profile,
        branchId: branch.id,
        emailConsent: cmd.emailConsent,
        actor: { kind: 'member', actorId: id },
        moment: momentOf(this.clock),
        reason: cmd.note ?? null,
      });
      if (member.profile.email && (await this.members.emailInUse(m, member.profile.email))) throw duplicateEmail(member.profile.email);
      // S9: an expelled member rejoins only by a Control Commission readmission decision, never by
      // applying afresh under a new record. The answer does not say why.
      if (member.profile.email && (await m.query(`SELECT 1 FROM membership.members WHERE lower(email) = lower($1) AND status = 'expelled' LIMIT 1`, [member.profile.email])).length > 0) {
        throw new DomainError('conflict', MembershipApplicationErrorCode.applicationNotPossible, 'email: an application cannot be made online with this e-mail address. Contact the national membership office.', { field: 'email' });
      }
      await this.members.insert(m, member);
      await this.audit.record(m, { actorId: id, action: 'member.applied', subjectType: 'member', subjectId: id, data: { branchId: branch.id } });
      const [row] = await m.query(`SELECT register_number FROM membership.members WHERE id = $1`, [id]);
      return { memberId: id, memberNumber: row.register_number, status: member.status };
    });
  }
}
