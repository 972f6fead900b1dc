import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@org/platform';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError } from '@org/kernel';
import { Member, mayApplyAgain, recordsNeedingReadmissionCheck, type FormerRecord, type MemberProfileInput } from '../../domain';
import { MembershipApplicationErrorCode, branchNotFound, duplicateEmail } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { BranchRepository } from '../ports/branch.repository';
import { MemberRepository } from '../ports/member.repository';
import { RestrictionGate } from '../restriction-gate';

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
    private readonly gate: RestrictionGate,
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
      // S9: an expelled member rejoins only by a Control Commission readmission decision; once the
      // commission has decided to readmit, they apply like anyone else. The answer says that a
      // confidential restriction applies, never why.
      if (member.profile.email) {
        const former: FormerRecord[] = (await m.query(`SELECT id, status FROM membership.members WHERE lower(email) = lower($1) AND status = 'expelled'`, [member.profile.email])).map(
          (r: { id: string; status: string }) => ({ memberId: r.id, status: r.status }),
        );
        const waiting = await this.gate.awaitingReadmission(m, recordsNeedingReadmissionCheck(former));
        if (!mayApplyAgain(former, waiting)) {
          throw new DomainError('conflict', MembershipApplicationErrorCode.applicationNotPossible, `email: an application cannot be made online with this e-mail address. ${CONFIDENTIAL_RESTRICTION_MESSAGE}`, {
            field: 'email',
          });
        }
      }
      // S9 also under another e-mail: the same name with the same phone or address.
      const p = member.profile;
      const [held] = await this.gate.rejoinHeld(m, [{ name: `${p.firstName} ${p.lastName}`, email: p.email, phone: p.phone, postalAddress: p.address }]);
      if (held) throw new DomainError('conflict', MembershipApplicationErrorCode.applicationNotPossible, `An application cannot be made online for this person. ${CONFIDENTIAL_RESTRICTION_MESSAGE}`);
      await this.members.insert(m, member);
      await this.audit.record(m, { actorId: id, action: 'member.applied', subjectType: 'member', subjectId: id, data: { branchId: branch.id } });
      const [row] = await m.query(`SELECT register_number FROM membership.members WHERE id = $1`, [id]);
      return { memberId: id, memberNumber: row.register_number, status: member.status };
    });
  }
}
