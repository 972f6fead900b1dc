import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import type { MemberChange, MemberProfileInput, MembershipActor } from '../../domain';
import { assertInScope, officerActor, requireRegisterScope, selfActor } from '../access-scope';
import { duplicateEmail, memberNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { MemberAccounts } from '../ports/member-accounts.port';
import { MemberRegisterQuery } from '../ports/member-register.query';
import { MemberRepository } from '../ports/member.repository';
import { MembershipTransactions } from '../ports/membership-transactions.port';

export interface OwnRecordChanges extends Partial<MemberProfileInput> {
  emailConsent?: boolean;
}

/** Editing contact details (the member, or their branch's secretary), e-mail consent (the member only), resigning (the member). */
@Injectable()
export class EditMemberUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly members: MemberRepository,
    private readonly register: MemberRegisterQuery,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    private readonly accounts: MemberAccounts,
  ) {}

  async updateOwn(p: Principal, changes: OwnRecordChanges): Promise<void> {
    const actor = selfActor(p);
    const { emailConsent, ...profile } = definedOnly(changes);
    await this.ds.transaction(async (m) => {
      const loaded = await this.members.load(m, actor.actorId);
      if (!loaded) throw memberNotFound();
      const at = momentOf(this.clock).at;
      let change: MemberChange = loaded.member.updateProfile({ actor, at, changes: profile });
      const events = [...change.events];
      if (emailConsent !== undefined && emailConsent !== loaded.member.emailConsent?.given) {
        change = change.member.setEmailConsent({ actor, given: emailConsent, at });
        events.push(...change.events);
      }
      await this.persist(m, loaded, change, actor, events.map((e) => (e.type === 'member.profile_changed' ? { type: e.type, fields: e.fields } : { type: e.type })));
    });
  }

  async updateBySecretary(p: Principal, memberId: string, changes: Partial<MemberProfileInput>): Promise<void> {
    const scope = requireRegisterScope(p);
    await this.ds.transaction(async (m) => {
      const loc = assertInScope(scope, await this.register.locate(m, memberId));
      const loaded = await this.members.load(m, memberId);
      if (!loaded) throw memberNotFound();
      const actor = officerActor(p, scope, loc.branchId ?? loc.applicationBranchId);
      const change = loaded.member.updateProfile({ actor, at: momentOf(this.clock).at, changes: definedOnly(changes) });
      await this.persist(m, loaded, change, actor, change.events.map((e) => (e.type === 'member.profile_changed' ? { type: e.type, fields: e.fields } : { type: e.type })));
    });
  }

  async resign(p: Principal, reason?: string | null): Promise<{ status: string }> {
    const actor = selfActor(p);
    return this.ds.transaction(async (m) => {
      const loaded = await this.members.load(m, actor.actorId);
      if (!loaded) throw memberNotFound();
      const moment = momentOf(this.clock);
      const { member } = loaded.member.resign({ actor, moment, reason });
      await this.members.save(m, loaded, member);
      await this.audit.record(m, { actorId: actor.actorId, action: 'member.resigned', subjectType: 'member', subjectId: actor.actorId, data: { on: moment.on } });
      await this.accounts.membersLeft(m, [actor.actorId], 'resigned');
      return { status: member.status };
    });
  }

  private async persist(m: Tx, loaded: Awaited<ReturnType<MemberRepository['load']>> & object, change: MemberChange, actor: MembershipActor, facts: object[]): Promise<void> {
    if (facts.length === 0) return;
    const email = change.member.profile.email;
    if (email && email !== loaded.member.profile.email && (await this.members.emailInUse(m, email, loaded.member.id))) throw duplicateEmail(email);
    await this.members.save(m, loaded, change.member);
    await this.audit.record(m, {
      actorId: 'actorId' in actor ? actor.actorId : null,
      action: 'member.record-edited',
      subjectType: 'member',
      subjectId: loaded.member.id,
      data: { by: actor.kind, changes: facts },
    });
  }
}

/** Request objects carry every declared field, unset ones as `undefined`: only the fields sent are changes. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
