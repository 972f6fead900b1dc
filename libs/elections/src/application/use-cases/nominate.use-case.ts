import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { assertCompatible, IdentityRepository, MandateService, type BodyKind, type Principal } from '@org/identity';
import { RestrictionsPort } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import {
  assertSlateMayInclude,
  blockedByRestriction,
  Candidacy,
  Election,
  ElectionErrorCode,
  electionError,
  electionNotFound,
  type CandidacySnapshot,
  type ElectionSnapshot,
} from '../../domain';
import { requireMember } from '../election-access';
import { ElectionsAudit } from '../elections-audit';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { CongressRepository } from '../ports/congress.repository';
import { ElectionRepository, type SlateView } from '../ports/election.repository';
import { ElectoralRegister } from '../ports/electoral-register.port';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

/**
 * Nominations (S2, E2): a member stands by nominating themself and is validly nominated once N
 * other members have nominated them; a body may nominate only for seats that are not
 * independent; a slate never mixes commission/appeals seats with other bodies' seats; a
 * candidate under a candidacy restriction is refused without saying why; an incompatible
 * mandate (S2) is refused here already, and again at certification.
 */
@Injectable()
export class NominateUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly register: ElectoralRegister,
    private readonly congresses: CongressRepository,
    private readonly identity: IdentityRepository,
    private readonly restrictions: RestrictionsPort,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
    private readonly mandates: MandateService,
  ) {}

  async nominateSelf(p: Principal, electionId: string, cmd: { slateId?: string | null; statement?: string | null }): Promise<CandidacySnapshot> {
    const memberId = requireMember(p);
    return this.ds.transaction(async (m) => {
      const election = await this.openElection(m, electionId);
      const displayName = await this.assertMayStand(m, election, memberId);
      await this.assertSlate(m, election, cmd.slateId ?? null);
      const candidacy = Candidacy.selfNomination(
        { id: randomUUID(), electionId, memberId, displayName, slateId: cmd.slateId ?? null, statement: cmd.statement?.trim() || null, nominatorsRequired: this.config.nominatorsRequired },
        this.clock.now(),
      );
      return this.save(m, p, candidacy.toSnapshot());
    });
  }

  /** A body's nomination (refused for Control Commission and Appeals seats, S2). */
  async nominateByBody(p: Principal, electionId: string, cmd: { memberId: string; bodyId: string; slateId?: string | null }): Promise<CandidacySnapshot> {
    requireMember(p);
    return this.ds.transaction(async (m) => {
      const election = await this.openElection(m, electionId);
      const s = election.toSnapshot();
      if (s.purpose !== 'body') throw electionError('unprocessable', ElectionErrorCode.nominationByBodyRefused, 'Only seats on a body take nominations from a body.');
      // S2 first: whoever asks, a body never nominates for the commission or the appeals committee.
      Candidacy.bodyNomination({ id: randomUUID(), electionId, memberId: cmd.memberId, displayName: '', bodyId: cmd.bodyId, independentSeats: s.independentBody, slateId: null }, this.clock.now());
      if (!p.mandates.some((md) => md.bodyId === cmd.bodyId)) {
        throw electionError('forbidden', ElectionErrorCode.nominatingBodyMandateRequired, 'Only a current member of the nominating body can submit its nomination.');
      }
      const displayName = await this.assertMayStand(m, election, cmd.memberId);
      await this.assertSlate(m, election, cmd.slateId ?? null);
      const candidacy = Candidacy.bodyNomination(
        { id: randomUUID(), electionId, memberId: cmd.memberId, displayName, bodyId: cmd.bodyId, independentSeats: s.independentBody, slateId: cmd.slateId ?? null },
        this.clock.now(),
      );
      return this.save(m, p, candidacy.toSnapshot());
    });
  }

  /** A member nominates a candidate (one of the N member nominators). */
  async nominateCandidate(p: Principal, electionId: string, candidateId: string): Promise<CandidacySnapshot> {
    const memberId = requireMember(p);
    return this.ds.transaction(async (m) => {
      const election = await this.openElection(m, electionId);
      const current = await this.elections.candidate(m, candidateId, true);
      if (!current || current.electionId !== electionId) throw electionError('not_found', ElectionErrorCode.candidateNotFound, 'No such candidate in this election.');
      await this.assertMayNominate(m, election.toSnapshot(), memberId);
      const next = Candidacy.fromSnapshot(current).nominatedBy(memberId, this.config.nominatorsRequired).toSnapshot();
      await this.elections.addNominator(m, candidateId, memberId, this.clock.now());
      if (next.status !== current.status) await this.elections.setCandidateStatus(m, candidateId, next.status);
      await this.audit.record(m, {
        actorId: memberId,
        action: 'candidate.nominator-added',
        subjectType: 'candidate',
        subjectId: candidateId,
        data: { electionId, nominators: next.nominators.length, required: this.config.nominatorsRequired, status: next.status },
      });
      return next;
    });
  }

  async withdraw(p: Principal, electionId: string, candidateId: string): Promise<CandidacySnapshot> {
    const memberId = requireMember(p);
    return this.ds.transaction(async (m) => {
      await this.openElection(m, electionId);
      const current = await this.elections.candidate(m, candidateId, true);
      if (!current || current.electionId !== electionId) throw electionError('not_found', ElectionErrorCode.candidateNotFound, 'No such candidate in this election.');
      const next = Candidacy.fromSnapshot(current).withdraw(memberId).toSnapshot();
      await this.elections.setCandidateStatus(m, candidateId, next.status);
      await this.audit.record(m, { actorId: memberId, action: 'candidate.withdrawn', subjectType: 'candidate', subjectId: candidateId, data: { electionId } });
      return next;
    });
  }

  async createSlate(p: Principal, name: string): Promise<SlateView> {
    const memberId = requireMember(p);
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 120) throw electionError('invalid', ElectionErrorCode.invalidElection, 'A slate name is 2 to 120 characters.', { field: 'name' });
    return this.ds.transaction(async (m) => {
      const slate = { id: randomUUID(), name: trimmed, createdBy: memberId, createdAt: this.clock.now().toISOString() };
      await this.elections.insertSlate(m, slate);
      await this.audit.record(m, { actorId: memberId, action: 'slate.created', subjectType: 'slate', subjectId: slate.id, data: { name: trimmed } });
      return slate;
    });
  }

  /** Takes the election's lock shared (opening voting takes it exclusively) and checks nominations are open. */
  private async openElection(m: Tx, electionId: string): Promise<Election> {
    await this.elections.lockShared(m, electionId);
    const s = await this.elections.load(m, electionId);
    if (!s) throw electionNotFound();
    const election = Election.fromSnapshot(s);
    election.assertAcceptsNominations();
    return election;
  }

  /** Eligibility of a candidate: active, in the branch for a branch election, unrestricted, S2-compatible. */
  private async assertMayStand(m: Tx, election: Election, memberId: string): Promise<string> {
    const s = election.toSnapshot();
    const member = await this.register.member(m, memberId);
    if (!member || member.status !== 'active') {
      throw electionError('unprocessable', ElectionErrorCode.candidateNotEligible, 'Only an active member can stand for election.');
    }
    if (s.scope.kind === 'branch' && member.branchId !== s.scope.branchId) {
      throw electionError('unprocessable', ElectionErrorCode.candidateNotEligible, 'Only a member of this branch can stand in a branch election.');
    }
    const restrictions = await this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
    if (restrictions.some((r) => r.kind === 'no_candidacy' || (r.kind === 'no_office' && s.purpose === 'body'))) throw blockedByRestriction();
    if (s.purpose === 'body') {
      const term = election.term(this.clock.today());
      const held = await this.identity.mandatesOf(m, memberId);
      assertCompatible({ bodyKind: s.bodyKind as BodyKind, startsOn: term.startsOn, endsOn: term.endsOn, held, coolingOffMonths: this.mandates.coolingOffMonths });
    }
    return member.displayName;
  }

  private async assertSlate(m: Tx, election: Election, slateId: string | null): Promise<void> {
    if (!slateId) return;
    const s = election.toSnapshot();
    const slate = await this.elections.slateForUpdate(m, slateId);
    if (!slate) throw electionError('not_found', ElectionErrorCode.slateNotFound, 'No such slate.');
    const entries = await this.elections.slateEntries(m, slateId);
    assertSlateMayInclude(entries, { electionId: s.id, bodyId: s.bodyId, independentBody: s.independentBody });
    if (s.method === 'block-vote' && entries.filter((e) => e.electionId === s.id).length >= s.seats) {
      throw electionError('unprocessable', ElectionErrorCode.slateFull, `This slate already has ${s.seats} candidates for the ${s.seats} seats of this election.`);
    }
  }

  /** A nominator is an elector of this election (for a congress ballot: a delegate to that congress). */
  private async assertMayNominate(m: Tx, s: ElectionSnapshot, memberId: string): Promise<void> {
    const member = await this.register.member(m, memberId);
    const eligible =
      member !== null &&
      member.status === 'active' &&
      (s.scope.kind === 'congress' ? (await this.congresses.delegate(m, s.scope.congressId, memberId)) !== null : await this.elections.isElector(m, s.id, memberId));
    if (!eligible) {
      throw electionError('unprocessable', ElectionErrorCode.nominatorNotEligible, 'Only an active member on this election’s electorate can nominate a candidate.');
    }
  }

  private async save(m: Tx, p: Principal, c: CandidacySnapshot): Promise<CandidacySnapshot> {
    const existing = (await this.elections.candidates(m, c.electionId)).find((x) => x.memberId === c.memberId);
    if (existing) throw electionError('conflict', ElectionErrorCode.alreadyNominated, 'This member is already a candidate in this election.');
    await this.elections.insertCandidate(m, c);
    await this.audit.record(m, {
      actorId: p.memberId,
      action: 'candidate.nominated',
      subjectType: 'candidate',
      subjectId: c.id,
      data: { electionId: c.electionId, memberId: c.memberId, by: c.nominatedBy, slateId: c.slateId, status: c.status },
    });
    return c;
  }
}
