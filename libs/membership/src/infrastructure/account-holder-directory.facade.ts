import { Injectable } from '@nestjs/common';
import { Clock, maybeOne, query, type Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import type { AccountHolder, AccountHolderDirectory } from '@org/identity';
import { memberNotFound } from '../application/membership-application.errors';
import { MembershipAudit } from '../application/membership-audit';
import { MemberSqlRepository } from './member.sql-repository';

const CURRENT = ['active', 'lapsed', 'suspended'];

interface HolderRow {
  id: string;
  register_number: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  status: string;
  branch_id: string | null;
}
interface NameRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
}
interface CurrentMemberRow extends NameRow {
  branch_id: string | null;
  register_number: string;
}

/**
 * The register as identity needs it for accounts and invitations (identity binds its
 * `AccountHolderDirectory` port to this class in the app's composition root). Runs in the caller's
 * transaction; a confirmed address change goes through the member aggregate like any own edit.
 */
@Injectable()
export class AccountHolderDirectoryFacade implements AccountHolderDirectory {
  private readonly members = new MemberSqlRepository();
  private readonly audit: MembershipAudit;

  constructor(
    auditLog: AuditLog,
    private readonly clock: Clock,
  ) {
    this.audit = new MembershipAudit(auditLog, clock);
  }

  async holder(m: Tx, memberId: string): Promise<AccountHolder | null> {
    const r = await maybeOne<HolderRow>(m, `SELECT id, register_number, first_name, last_name, email, status, COALESCE(branch_id, application_branch_id) AS branch_id FROM membership.members WHERE id = $1`, [memberId]);
    return r ? toHolder(r) : null;
  }

  async holders(m: Tx, memberIds: readonly string[]): Promise<Map<string, AccountHolder>> {
    if (memberIds.length === 0) return new Map();
    const rows = await query<HolderRow>(
      m,
      `SELECT id, register_number, first_name, last_name, email, status, COALESCE(branch_id, application_branch_id) AS branch_id FROM membership.members WHERE id = ANY($1::uuid[])`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.id, toHolder(r)]));
  }

  async holderByNumber(m: Tx, memberNumber: string): Promise<AccountHolder | null> {
    const r = await maybeOne<HolderRow>(
      m,
      `SELECT id, register_number, first_name, last_name, email, status, COALESCE(branch_id, application_branch_id) AS branch_id FROM membership.members WHERE upper(register_number) = upper($1)`,
      [memberNumber],
    );
    return r ? toHolder(r) : null;
  }

  async names(m: Tx, memberIds: readonly string[]): Promise<Map<string, string>> {
    if (memberIds.length === 0) return new Map();
    const rows = await query<NameRow>(m, `SELECT id, first_name, last_name FROM membership.members WHERE id = ANY($1::uuid[])`, [memberIds]);
    return new Map(rows.map((r) => [r.id, `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim()]));
  }

  async currentMembers(m: Tx, branchIds: readonly string[] | null): Promise<Array<{ memberId: string; branchId: string | null; name: string; memberNumber: string }>> {
    const rows = await query<CurrentMemberRow>(
      m,
      `SELECT id, branch_id, first_name, last_name, register_number FROM membership.members WHERE status = ANY($1::text[]) AND ($2::uuid[] IS NULL OR branch_id = ANY($2::uuid[]))`,
      [CURRENT, branchIds],
    );
    return rows.map((r) => ({ memberId: r.id, branchId: r.branch_id, name: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), memberNumber: r.register_number }));
  }

  async changeEmail(m: Tx, memberId: string, email: string): Promise<void> {
    const loaded = await this.members.load(m, memberId);
    if (!loaded) throw memberNotFound();
    if (loaded.member.profile.email === email) return;
    const actor = { kind: 'member' as const, actorId: memberId };
    const change = loaded.member.updateProfile({ actor, at: this.clock.now().toISOString(), changes: { email } });
    await this.members.save(m, loaded, change.member);
    await this.audit.record(m, { actorId: memberId, action: 'member.record-edited', subjectType: 'member', subjectId: memberId, data: { by: 'member', changes: [{ type: 'member.profile_changed', fields: ['email'], confirmed: true }] } });
  }
}

const toHolder = (r: HolderRow): AccountHolder => ({
  memberId: r.id,
  memberNumber: r.register_number,
  firstName: r.first_name ?? '',
  lastName: r.last_name ?? '',
  email: r.email,
  status: r.status,
  branchId: r.branch_id,
});
