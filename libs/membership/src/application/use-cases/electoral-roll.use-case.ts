import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError, RestrictionsPort, SeededRandom, addDays } from '@org/kernel';
import { Clock, IdempotencyStore } from '@org/platform';
import { apportion, isIsoDate, MembershipErrorCode, rollFromCandidates, type ApportionmentMethod, type ApportionmentResult, type RollScope } from '../../domain';
import { isNationalMembershipSecretary } from '../access-scope';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { MembershipApplicationErrorCode, branchNotFound, rollNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { BranchRepository } from '../ports/branch.repository';
import { ElectoralRollRepository, type FrozenRoll } from '../ports/electoral-roll.repository';
import { StandingLookup } from '../ports/standing-lookup.port';
import { MembershipTransactions } from '../ports/membership-transactions.port';

export interface FreezeRollCommand {
  asOf: string;
  scope: RollScope;
  label?: string | null;
  idempotencyKey?: string | null;
}

export interface ApportionCommand {
  seats: number;
  method?: ApportionmentMethod;
  minimumPerBranch?: number;
  /** When the statutes leave ties to lot: the recorded seed of a reproducible draw. */
  tieBreakSeed?: string | null;
}

/**
 * E4: the electoral roll frozen as of a date — members whose status on that date was `active`
 * (so not lapsed, suspended or expelled), who were in a branch (in the branch, for a branch
 * scope), in good standing and under no `no_voting` restriction on that date — and the delegate
 * apportionment by roll size. Standing and restrictions are each asked once for everyone.
 * Frozen by the Elections Committee, the EC or the national membership secretary; a branch roll
 * also by that branch's secretary.
 */
@Injectable()
export class ElectoralRollUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly rolls: ElectoralRollRepository,
    private readonly branches: BranchRepository,
    private readonly standing: StandingLookup,
    private readonly restrictions: RestrictionsPort,
    private readonly idempotency: IdempotencyStore,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  async freeze(p: Principal, cmd: FreezeRollCommand): Promise<FrozenRoll> {
    this.requireRollAuthority(p, cmd.scope);
    if (!isIsoDate(cmd.asOf)) throw new DomainError('invalid', MembershipErrorCode.invalidDate, 'asOf must be a date written YYYY-MM-DD.', { field: 'asOf' });
    if (cmd.asOf > this.clock.today()) {
      throw new DomainError('invalid', MembershipApplicationErrorCode.futureDate, `asOf ${cmd.asOf} is in the future; a roll can be frozen only as of today or an earlier date.`, { field: 'asOf' });
    }
    const key = cmd.idempotencyKey
      ? { key: cmd.idempotencyKey, actor: p.accountId, operation: 'electoral-roll.freeze', requestSha256: sha256(JSON.stringify([cmd.asOf, cmd.scope, cmd.label ?? null])) }
      : null;
    return this.ds.transaction(async (m) => {
      if (key) {
        const previous = await this.idempotency.find(m, key);
        if (previous) return previous as FrozenRoll;
      }
      if (cmd.scope.kind === 'branch' && !(await this.branches.load(m, cmd.scope.branchId))) throw branchNotFound();
      const candidates = await this.rolls.candidates(m, cmd.asOf, cmd.scope);
      const good = await this.standing.inGoodStandingOn(m, candidates.map((c) => c.memberId), cmd.asOf);
      // Everyone under no_voting at any moment of the day (the organization's calendar is UTC):
      // one question, answered from a small table, intersected here.
      const day = { from: new Date(`${cmd.asOf}T00:00:00Z`), to: new Date(`${addDays(cmd.asOf, 1)}T00:00:00Z`) };
      const noVoting = await this.restrictions.membersRestricted('no_voting', day, null, m);
      const eligible = rollFromCandidates(candidates, { asOf: cmd.asOf, inGoodStanding: good, votingRestricted: noVoting });
      const roll = { id: randomUUID(), scope: cmd.scope, asOf: cmd.asOf, label: cmd.label ?? null, frozenAt: this.clock.now().toISOString(), frozenBy: p.memberId };
      const entryCount = await this.rolls.freeze(m, roll, { memberIds: eligible.map((e) => e.memberId), branchIds: eligible.map((e) => e.branchId) });
      await this.audit.record(m, { actorId: p.memberId, action: 'electoral-roll.frozen', subjectType: 'electoral-roll', subjectId: roll.id, data: { asOf: cmd.asOf, scope: cmd.scope, entryCount } });
      const frozen = { ...roll, entryCount };
      if (key) await this.idempotency.save(m, key, frozen, this.clock.now());
      return frozen;
    });
  }

  async get(p: Principal, rollId: string): Promise<FrozenRoll & { byBranch: Array<{ branchId: string; code: string; rollSize: number }> }> {
    const roll = await this.rolls.load(this.ds.manager, rollId);
    if (!roll || !this.mayRead(p, roll.scope)) throw rollNotFound();
    return { ...roll, byBranch: await this.rolls.sizesByBranch(this.ds.manager, rollId) };
  }

  async list(p: Principal): Promise<FrozenRoll[]> {
    return (await this.rolls.list(this.ds.manager)).filter((r) => this.mayRead(p, r.scope));
  }

  /** Seats to branches by the size of their frozen roll; branches with nobody on the roll take part with size 0 only if listed there. */
  async apportion(p: Principal, rollId: string, cmd: ApportionCommand): Promise<ApportionmentResult & { id: string; rollId: string; byBranchCode: Record<string, number> }> {
    if (!(p.holds('EC') || p.holds('ELECTIONS') || isNationalMembershipSecretary(p))) {
      throw new DomainError('forbidden', 'not_allowed', 'Delegates are apportioned by the Elections Committee, the EC or the national membership secretary.');
    }
    return this.ds.transaction(async (m) => {
      const roll = await this.rolls.load(m, rollId);
      if (!roll) throw rollNotFound();
      const sizes = await this.rolls.sizesByBranch(m, rollId);
      const result = apportion({
        seats: cmd.seats,
        branches: sizes.map((s) => ({ branchId: s.branchId, rollSize: s.rollSize })),
        method: cmd.method ?? this.config.apportionmentMethod,
        minimumPerBranch: cmd.minimumPerBranch ?? this.config.apportionmentMinimumSeats,
        tieBreak: cmd.tieBreakSeed ? { lot: new SeededRandom(cmd.tieBreakSeed) } : undefined,
      });
      const id = randomUUID();
      await this.rolls.saveApportionment(m, { id, rollId, result, createdAt: this.clock.now().toISOString(), createdBy: p.memberId });
      await this.audit.record(m, { actorId: p.memberId, action: 'delegates.apportioned', subjectType: 'apportionment', subjectId: id, data: { rollId, seats: result.seats, method: result.method, minimumPerBranch: result.minimumPerBranch, tieBreakSeed: cmd.tieBreakSeed ?? null } });
      const code = new Map(sizes.map((s) => [s.branchId, s.code]));
      return { id, rollId, ...result, byBranchCode: Object.fromEntries(result.allocations.map((a) => [code.get(a.branchId)!, a.seats])) };
    });
  }

  private requireRollAuthority(p: Principal, scope: RollScope): void {
    if (p.holds('ELECTIONS') || p.holds('EC') || isNationalMembershipSecretary(p)) return;
    if (scope.kind === 'branch' && p.isOfficerOf(scope.branchId, ['secretary'])) return;
    throw new DomainError('forbidden', 'not_allowed', 'A roll is frozen by the Elections Committee, the EC or the national membership secretary (a branch roll also by that branch’s secretary).');
  }

  private mayRead(p: Principal, scope: RollScope): boolean {
    if (p.holds('ELECTIONS') || p.holds('EC') || isNationalMembershipSecretary(p)) return true;
    return scope.kind === 'branch' && p.isOfficerOf(scope.branchId, ['secretary']);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
