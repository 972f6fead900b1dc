import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { IdentityTransactions } from './ports/identity-transactions.port';
import type { Principal } from '../domain/principal';
import { MemberAccountsRepository } from './ports/member-accounts.repository';
import { AccountHolderDirectory } from './ports/account-holder-directory.port';

const NO_CODE = new DomainError('not_found', 'code_of_conduct_not_published', 'The organization has not published a code of conduct yet.');

export interface BranchAcknowledgement {
  branchId: string | null;
  members: number;
  acknowledged: number;
  share: number;
}

/**
 * S14: the organization's code of conduct, versioned; each member's acknowledgement of each
 * version; the share acknowledged per branch for officers, and who has not acknowledged only for
 * their own branch's secretary.
 */
@Injectable()
export class CodeOfConductService {
  constructor(
    private readonly ds: IdentityTransactions,
    private readonly repo: MemberAccountsRepository,
    private readonly directory: AccountHolderDirectory,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async current(p: Principal): Promise<{ version: number; title: string; text: string; publishedAt: string; acknowledgedAt: string | null }> {
    const code = await this.repo.currentCode(this.ds.manager);
    if (!code) throw NO_CODE;
    const ack = p.memberId ? await this.repo.acknowledgedOn(this.ds.manager, p.memberId, code.version) : null;
    return { version: code.version, title: code.title, text: code.body, publishedAt: new Date(code.publishedAt).toISOString(), acknowledgedAt: ack ? new Date(ack).toISOString() : null };
  }

  async publish(p: Principal, title: string, text: string): Promise<{ version: number }> {
    return this.ds.transaction((m) => this.publishIn(m, { title, text, by: { id: p.memberId, kind: 'member' } }));
  }

  /**
   * Publishes the next version in the caller's transaction (the EC's route above, the founding
   * act, the demo seed). `by` is the member who published it, or the founding act (whose id is
   * recorded in the audit log only: the version's `published_by` names members).
   */
  async publishIn(m: Tx, x: { title: string; text: string; by: { id: string | null; kind: 'member' | 'founding-act' } }): Promise<{ version: number }> {
    const version = await this.repo.publishCode(m, { title: x.title.trim(), body: x.text.trim(), at: this.clock.now(), by: x.by.kind === 'member' ? x.by.id : null });
    await this.audit.record(m, { actorId: x.by.id, actorKind: x.by.kind, context: 'identity', action: 'code-of-conduct.published', subjectType: 'code-of-conduct', subjectId: String(version) });
    return { version };
  }

  /** Records that the member read and accepts this version (the current one); a second time changes nothing. */
  async acknowledge(p: Principal, version: number): Promise<{ version: number; acknowledgedAt: string }> {
    if (!p.memberId) throw new DomainError('forbidden', 'not_allowed', 'Only members acknowledge the code of conduct.');
    return this.ds.transaction(async (m) => {
      const current = await this.repo.currentCode(m);
      if (!current || !(await this.repo.codeVersionExists(m, version))) throw new DomainError('not_found', 'code_of_conduct_version_not_found', `There is no version ${version} of the code of conduct. Read the current one and acknowledge it.`);
      if (version !== current.version) {
        throw new DomainError('conflict', 'code_of_conduct_superseded', `Version ${version} has been replaced by version ${current.version}. Read the current version and acknowledge it.`, { currentVersion: current.version });
      }
      const ack = await this.repo.acknowledge(m, p.memberId as string, version, this.clock.now());
      if (ack.first) {
        await this.audit.record(m, { actorId: p.memberId, actorKind: 'member', context: 'identity', action: 'code-of-conduct.acknowledged', subjectType: 'member', subjectId: p.memberId as string, data: { version } });
      }
      return { version, acknowledgedAt: new Date(ack.at).toISOString() };
    });
  }

  /** Officers: the share of current members who acknowledged the current version, per branch (counts only). */
  async aggregates(): Promise<{ version: number; members: number; acknowledged: number; share: number; branches: BranchAcknowledgement[] }> {
    const m = this.ds.manager;
    const code = await this.repo.currentCode(m);
    if (!code) throw NO_CODE;
    const acked = await this.repo.acknowledgersOf(m, code.version);
    const members = await this.directory.currentMembers(m, null);
    const byBranch = new Map<string | null, { members: number; acknowledged: number }>();
    for (const x of members) {
      const b = byBranch.get(x.branchId) ?? { members: 0, acknowledged: 0 };
      b.members++;
      if (acked.has(x.memberId)) b.acknowledged++;
      byBranch.set(x.branchId, b);
    }
    const share = (a: number, n: number) => (n === 0 ? 0 : Math.round((a / n) * 1000) / 1000);
    const branches = [...byBranch.entries()].map(([branchId, b]) => ({ branchId, members: b.members, acknowledged: b.acknowledged, share: share(b.acknowledged, b.members) }));
    branches.sort((a, b) => String(a.branchId).localeCompare(String(b.branchId)));
    const total = members.length;
    const ackTotal = branches.reduce((s, b) => s + b.acknowledged, 0);
    return { version: code.version, members: total, acknowledged: ackTotal, share: share(ackTotal, total), branches };
  }

  /** The branch's own secretary only: current members of the branch who have not acknowledged the current version. */
  async notAcknowledged(p: Principal, branchId: string): Promise<{ version: number; members: Array<{ memberId: string; name: string; memberNumber: string }> }> {
    if (!p.isOfficerOf(branchId, ['secretary'])) throw new DomainError('not_found', 'branch_not_found', 'There is no branch with this id among the branches you are secretary of.');
    const m = this.ds.manager;
    const code = await this.repo.currentCode(m);
    if (!code) throw NO_CODE;
    const acked = await this.repo.acknowledgersOf(m, code.version);
    const members = await this.directory.currentMembers(m, [branchId]);
    return {
      version: code.version,
      members: members.filter((x) => !acked.has(x.memberId)).map((x) => ({ memberId: x.memberId, name: x.name, memberNumber: x.memberNumber })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
