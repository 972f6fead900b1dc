import { DomainError } from '@org/kernel';
import { RollSource, electoralRoll, electoralRollAsync, eligibleVoter, rollFromCandidates, rollSizesByBranch } from './electoral-roll';
import { Member } from './member.entity';
import { MembershipActor } from './member-status.value-object';
import { noRestrictions } from './restriction-check.port';

const at = (on: string) => ({ on, at: `${on}T10:00:00Z` });
const sanction: MembershipActor = { kind: 'sanction', sanctionRef: 'o-1' };
const job: MembershipActor = { kind: 'standing-job' };

function admitted(id: string, branchId: string, on = '2020-01-10'): Member {
  const m = Member.apply({ id, profile: { firstName: id }, branchId, actor: { kind: 'member', actorId: id }, moment: at('2020-01-01') }).member;
  return m.admit({ actor: { kind: 'secretary', actorId: 's', branchId }, moment: at(on), restrictions: noRestrictions }).member;
}

const good = (asOf: string) => ({ asOf, inGoodStanding: true });
const bad = (asOf: string) => ({ asOf, inGoodStanding: false });

describe('electoral roll (E4)', () => {
  const freeze = '2025-03-01';

  it('an active member in good standing on the freeze date is eligible, with their branch on that date', () => {
    const m = admitted('m1', 'A').transferTo({ toBranchId: 'B', on: '2025-03-02', restrictions: noRestrictions }).member;
    expect(eligibleVoter(m.toSnapshot(), good(freeze), freeze)).toEqual({ memberId: 'm1', eligible: true, reasons: [], branchId: 'A' });
  });

  it('is decided by status on the freeze date, not today', () => {
    const suspendedLater = admitted('m1', 'A').suspend({ actor: sanction, moment: at('2025-03-02') }).member;
    expect(eligibleVoter(suspendedLater.toSnapshot(), good(freeze), freeze).eligible).toBe(true);
    const suspendedBefore = admitted('m1', 'A').suspend({ actor: sanction, moment: at('2025-02-01') }).member;
    expect(eligibleVoter(suspendedBefore.toSnapshot(), good(freeze), freeze).reasons).toEqual(['suspended']);
  });

  it('excludes suspended, expelled, lapsed, applicants and those out of standing, listing each reason', () => {
    const expelled = admitted('m2', 'A').expel({ actor: sanction, moment: at('2024-01-01') }).member;
    expect(eligibleVoter(expelled.toSnapshot(), bad(freeze), freeze).reasons).toEqual(['expelled', 'not_in_good_standing']);
    const lapsed = admitted('m3', 'A').lapse({ actor: job, moment: at('2024-01-01') }).member;
    expect(eligibleVoter(lapsed.toSnapshot(), good(freeze), freeze).reasons).toEqual(['not_active']);
    const applicant = Member.apply({ id: 'm4', profile: { firstName: 'x' }, branchId: 'A', actor: { kind: 'member', actorId: 'm4' }, moment: at('2025-01-01') }).member;
    expect(eligibleVoter(applicant.toSnapshot(), good(freeze), freeze).reasons).toEqual(['not_active']);
    expect(eligibleVoter(admitted('m5', 'A', '2025-03-02').toSnapshot(), good(freeze), freeze).reasons).toEqual(['not_active']);
    expect(eligibleVoter(admitted('m6', 'A').toSnapshot(), bad(freeze), freeze).reasons).toEqual(['not_in_good_standing']);
  });

  it('refuses a standing computed for another date', () => {
    expect(() => eligibleVoter(admitted('m1', 'A').toSnapshot(), good('2025-02-28'), freeze)).toThrow(DomainError);
  });

  it('excludes a member under a no_voting restriction on the date, with a reason that does not say why', () => {
    const m = admitted('m1', 'A').toSnapshot();
    expect(eligibleVoter(m, good(freeze), freeze, { kind: 'organization' }, { asOf: freeze, votingRestricted: true })).toEqual({
      memberId: 'm1',
      eligible: false,
      reasons: ['restricted'],
      branchId: 'A',
    });
    expect(eligibleVoter(m, good(freeze), freeze, { kind: 'organization' }, { asOf: freeze, votingRestricted: false }).eligible).toBe(true);
    expect(() => eligibleVoter(m, good(freeze), freeze, { kind: 'organization' }, { asOf: '2025-02-28', votingRestricted: false })).toThrow(DomainError);
  });

  it('the set-based roll keeps candidates in good standing and under no voting restriction, nobody else', () => {
    const candidates = [
      { memberId: 'ok', branchId: 'A' },
      { memberId: 'arrears', branchId: 'A' },
      { memberId: 'no-vote', branchId: 'B' },
      { memberId: 'both', branchId: 'B' },
    ];
    const roll = rollFromCandidates(candidates, {
      asOf: freeze,
      inGoodStanding: new Set(['ok', 'no-vote']),
      votingRestricted: new Set(['no-vote', 'both', 'not-a-candidate']),
    });
    expect(roll).toEqual([{ memberId: 'ok', branchId: 'A' }]);
    expect(() => rollFromCandidates(candidates, { asOf: '2025-13-01', inGoodStanding: new Set(), votingRestricted: new Set() })).toThrow(DomainError);
  });

  it('builds the roll lazily for an organization or a branch scope, and counts it per branch', async () => {
    let pulled = 0;
    function* source(): Generator<RollSource> {
      for (const [id, branch, standing, votingRestricted] of [
        ['a1', 'A', true, false],
        ['a2', 'A', true, false],
        ['a3', 'A', false, false],
        ['a4', 'A', true, true],
        ['b1', 'B', true, false],
      ] as const) {
        pulled++;
        yield { member: admitted(id, branch).toSnapshot(), standing: { asOf: freeze, inGoodStanding: standing }, votingRestricted };
      }
    }
    const roll = electoralRoll(source(), { asOf: freeze });
    expect(roll.next().value).toEqual({ memberId: 'a1', branchId: 'A' });
    expect(pulled).toBe(1); // streaming: nothing read ahead
    expect(rollSizesByBranch(electoralRoll(source(), { asOf: freeze }))).toEqual([
      { branchId: 'A', rollSize: 2 },
      { branchId: 'B', rollSize: 1 },
    ]);
    expect([...electoralRoll(source(), { asOf: freeze, scope: { kind: 'branch', branchId: 'B' } })]).toEqual([{ memberId: 'b1', branchId: 'B' }]);
    const asyncRoll: string[] = [];
    for await (const e of electoralRollAsync(source(), { asOf: freeze })) asyncRoll.push(e.memberId);
    expect(asyncRoll).toEqual(['a1', 'a2', 'b1']);
  });
});
