import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, one, query, type AppConfig, type Tx } from '@org/platform';
import { AttemptLimiter } from '@org/identity';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError } from '@org/kernel';
import { Member, mayApplyAgain, recordsNeedingReadmissionCheck, type FormerRecord, type MemberProfileInput } from '../../domain';
import { APPLICATION_LIMITS, type ApplicationLimits } from '../application-limits';
import { MembershipApplicationErrorCode, branchNotFound, duplicateEmail } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { ApplicationConfirmationNotifier } from '../ports/application-confirmation.notifier';
import { BranchRepository } from '../ports/branch.repository';
import { MemberAccounts } from '../ports/member-accounts.port';
import { MemberRepository } from '../ports/member.repository';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

export interface ApplyForMembershipCommand {
  profile: MemberProfileInput;
  branchId: string;
  emailConsent?: boolean;
  note?: string | null;
}

const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A person applies to join through a branch; the branch secretary then admits or declines.
 *
 * Online, in two steps: `request` checks the application (as `file` will), keeps it aside and
 * e-mails a single-use link to the applicant's address (only the token's hash is stored);
 * `confirm` — the applicant opening that link — files it in the register, where the branch
 * secretary sees it. An application never confirmed expires and is deleted. Requests are limited
 * per client and per e-mail address (429 with `Retry-After`).
 */
@Injectable()
export class ApplyForMembershipUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly members: MemberRepository,
    private readonly branches: BranchRepository,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    private readonly limiter: AttemptLimiter,
    private readonly notifier: ApplicationConfirmationNotifier,
    private readonly accounts: MemberAccounts,
    @Inject(APPLICATION_LIMITS) private readonly limits: ApplicationLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Whether an address already belongs to a membership: a member's or an open application's, or a
   * sign-in account's (asked of identity through `MemberAccounts`) that is not a former member's —
   * a former member may apply again.
   */
  private async addressBelongsToMembership(m: Tx, address: string): Promise<boolean> {
    if (await this.members.emailInUse(m, address)) return true;
    const holders = await this.accounts.accountHoldersOf(m, address);
    if (holders.length === 0) return false;
    const memberIds = holders.flatMap((h) => (h.memberId ? [h.memberId] : []));
    if (memberIds.length < holders.length) return true;
    const former = await this.members.formerMemberIds(m, memberIds);
    return memberIds.some((id) => !former.has(id));
  }

  /**
   * Checks what does not depend on who owns the address (branch, fields), then answers the same
   * whatever the address: a new address gets the confirmation link, with the application kept
   * until it is opened; an address that already belongs to a membership or an account gets, instead,
   * an e-mail saying so (how to sign in, how to reset the password) and nothing is kept. Whether an
   * address is a member's is thus told only to that address. The register's own refusals (address
   * in use, S9) are checked when the link is opened, by the address's owner only.
   */
  async request(cmd: ApplyForMembershipCommand, clientAddress: string): Promise<{ expiresAt: string }> {
    await this.limiter.consume(this.limits.perClient, clientAddress);
    const email = (cmd.profile.email ?? '').trim().toLowerCase();
    if (email) await this.limiter.consume(this.limits.perEmail, email);
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      await this.members.deleteExpiredPendingApplications(m, now);
      const member = await this.draft(m, cmd, randomUUID());
      const address = member.profile.email!;
      const expiresAt = new Date(now.getTime() + this.limits.confirmHours * 3_600_000);
      if (await this.addressBelongsToMembership(m, address)) {
        await this.notifier.addressAlreadyMember(m, { email: address });
        return { expiresAt: expiresAt.toISOString() };
      }
      const token = randomBytes(32).toString('base64url');
      await m.query(
        `INSERT INTO membership.pending_applications (id, token_hash, email, branch_id, request, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), tokenHash(token), address, cmd.branchId, JSON.stringify(cmd), now, expiresAt],
      );
      await this.notifier.confirmApplication(m, { email: address }, `${this.config.publicUrl}/confirm-application?token=${token}`, this.limits.confirmHours);
      return { expiresAt: expiresAt.toISOString() };
    });
  }

  /** Deletes the applications never confirmed whose link has expired (run on a schedule, and before each new application). */
  async deleteExpired(): Promise<number> {
    return this.ds.transaction((m) => this.members.deleteExpiredPendingApplications(m, this.clock.now()));
  }

  /**
   * The applicant opened the link: the application is filed (checked again: the branch or the
   * address may have changed meanwhile). The link works once; a failed filing leaves it usable.
   */
  async confirm(token: string): Promise<{ memberId: string; memberNumber: string; status: string }> {
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await query<{ request: ApplyForMembershipCommand | string }>(
        m,
        `DELETE FROM membership.pending_applications WHERE token_hash = $1 AND expires_at > $2 RETURNING request`,
        [tokenHash(token), now],
      );
      if (!row) {
        throw new DomainError(
          'invalid',
          MembershipApplicationErrorCode.applicationLinkInvalid,
          'This confirmation link is not valid any more: it was used already, or the application expired. If you confirmed it before, the branch secretary has your application; otherwise apply again.',
          { field: 'token' },
        );
      }
      const cmd = typeof row.request === 'string' ? (JSON.parse(row.request) as ApplyForMembershipCommand) : row.request;
      return this.file(m, cmd);
    });
  }

  /** Files an application in the register at once (the applicant's address confirmed). */
  private async file(m: Tx, cmd: ApplyForMembershipCommand): Promise<{ memberId: string; memberNumber: string; status: string }> {
    const id = randomUUID();
    const member = await this.check(m, cmd, id);
    await this.members.insert(m, member);
    await this.audit.record(m, { actorId: id, action: 'member.applied', subjectType: 'member', subjectId: id, data: { branchId: cmd.branchId } });
    const row = await one<{ register_number: string }>(m, `SELECT register_number FROM membership.members WHERE id = $1`, [id]);
    return { memberId: id, memberNumber: row.register_number, status: member.status };
  }

  /** The application as the domain makes it, with the checks that do not depend on who owns the address (branch, fields). */
  private async draft(m: Tx, cmd: ApplyForMembershipCommand, id: string): Promise<Member> {
    const branch = await this.branches.load(m, cmd.branchId);
    if (!branch) throw branchNotFound();
    branch.assertAcceptsMembers();
    return Member.applyOnline({ id, profile: cmd.profile, branchId: branch.id, emailConsent: cmd.emailConsent, moment: momentOf(this.clock), reason: cmd.note ?? null }).member;
  }

  /**
   * The draft with the register's own checks (address in use, S9). Run only when the applicant
   * opens the link, so that their answers reach only the address's owner.
   */
  private async check(m: Tx, cmd: ApplyForMembershipCommand, id: string): Promise<Member> {
    const member = await this.draft(m, cmd, id);
    const email = member.profile.email!;
    if (await this.members.emailInUse(m, email)) throw duplicateEmail(email);
    // S9: an expelled member rejoins only by a Control Commission readmission decision; once the
    // commission has decided to readmit, they apply like anyone else. The answer says that a
    // confidential restriction applies, never why.
    const former: FormerRecord[] = (await query<{ id: string; status: string }>(m, `SELECT id, status FROM membership.members WHERE lower(email) = lower($1) AND status = 'expelled'`, [email])).map(
      (r) => ({ memberId: r.id, status: r.status }),
    );
    const waiting = await this.gate.awaitingReadmission(m, recordsNeedingReadmissionCheck(former));
    if (!mayApplyAgain(former, waiting)) {
      throw new DomainError('conflict', MembershipApplicationErrorCode.applicationNotPossible, `email: an application cannot be made online with this e-mail address. ${CONFIDENTIAL_RESTRICTION_MESSAGE}`, {
        field: 'email',
      });
    }
    // S9 also under another e-mail: the same name with the same phone or address.
    const p = member.profile;
    const [held] = await this.gate.rejoinHeld(m, [{ name: `${p.firstName} ${p.lastName}`, email: p.email, phone: p.phone, postalAddress: p.address }]);
    if (held) throw new DomainError('conflict', MembershipApplicationErrorCode.applicationNotPossible, `An application cannot be made online for this person. ${CONFIDENTIAL_RESTRICTION_MESSAGE}`);
    return member;
  }
}
