import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IdentityRepository, INDEPENDENT_BODIES, type BodyKind, type Principal } from '@org/identity';
import { Clock, type Tx } from '@org/platform';
import {
  ballotOrder,
  Congress,
  Election,
  ElectionErrorCode,
  electionError,
  electionNotFound,
  type ElectionMethod,
  type ElectionScope,
  type ElectionSnapshot,
  type ElectorateSource,
  type MotionThreshold,
  type RecallTarget,
} from '../../domain';
import { audienceOf, requireReturningOfficer } from '../election-access';
import { ElectionsAudit } from '../elections-audit';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { BallotBox } from '../ports/ballot-box.repository';
import { CongressRepository } from '../ports/congress.repository';
import { ElectionNotices } from '../ports/election-notices.port';
import { ElectionRepository } from '../ports/election.repository';
import { ElectoralRegister } from '../ports/electoral-register.port';
import { SeatFilling } from '../seat-filling';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

export interface CreateElectionCommand {
  title: string;
  purpose: 'body' | 'motion';
  scope: ElectionScope;
  bodyId?: string | null;
  seats: number;
  method: ElectionMethod;
  motionText?: string | null;
  motionThreshold?: MotionThreshold | null;
  /** A recall motion: the mandate it would end (S2). */
  recallMandateId?: string | null;
  /** Omitted for congress ballots (the accredited delegates vote). */
  electorate?: Exclude<ElectorateSource, { kind: 'delegates' }> | null;
  termStartsOn?: string | null;
  termEndsOn?: string | null;
}

/**
 * A returning officer sets up and runs an election: create (electorate frozen, E4), open
 * nominations, open voting (congress: quorum, electorate = accredited delegates), or declare
 * an acclamation where E1 allows it. A returning officer who is a candidate cannot act.
 */
@Injectable()
export class RunElectionUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly register: ElectoralRegister,
    private readonly congresses: CongressRepository,
    private readonly identity: IdentityRepository,
    private readonly notices: ElectionNotices,
    private readonly box: BallotBox,
    private readonly seats: SeatFilling,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
  ) {}

  async create(p: Principal, cmd: CreateElectionCommand): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    const now = this.clock.now();
    return this.ds.transaction(async (m) => {
      let body: { id: string; kind: BodyKind; branchId: string | null } | null = null;
      if (cmd.purpose === 'body') {
        if (!cmd.bodyId) throw electionError('invalid', ElectionErrorCode.invalidElection, 'An election to a body names the body (bodyId).', { field: 'bodyId' });
        body = await this.identity.findBody(m, cmd.bodyId);
        if (!body) throw electionError('invalid', ElectionErrorCode.invalidElection, 'No such body: check bodyId (GET /bodies).', { field: 'bodyId' });
      }
      if (cmd.scope.kind === 'congress' && !(await this.congresses.load(m, cmd.scope.congressId))) {
        throw electionError('not_found', ElectionErrorCode.congressNotFound, 'No such congress.');
      }
      let recall: RecallTarget | null = null;
      if (cmd.recallMandateId) {
        const mandate = await this.identity.findMandate(m, cmd.recallMandateId);
        if (!mandate) throw electionError('invalid', ElectionErrorCode.invalidElection, 'No such mandate: check recallMandateId (GET /bodies lists the bodies and their mandates).', { field: 'recallMandateId' });
        const today = this.clock.today();
        recall = {
          mandateId: mandate.id,
          current: mandate.startsOn <= today && (mandate.endsOn === null || mandate.endsOn > today),
          independentBody: INDEPENDENT_BODIES.includes(mandate.bodyKind),
          bodyBranchId: mandate.branchId ?? null,
        };
      }
      const electorate: ElectorateSource = cmd.scope.kind === 'congress' ? { kind: 'delegates' } : (cmd.electorate ?? { kind: 'freeze', asOf: this.clock.today() });
      const election = Election.create(
        {
          id: randomUUID(),
          title: cmd.title,
          purpose: cmd.purpose,
          scope: cmd.scope,
          bodyId: body?.id ?? null,
          bodyKind: body?.kind ?? null,
          bodyBranchId: body?.branchId ?? null,
          independentBody: body ? INDEPENDENT_BODIES.includes(body.kind) : false,
          seats: cmd.seats,
          method: cmd.method,
          motionText: cmd.motionText ?? null,
          motionThreshold: cmd.motionThreshold ?? null,
          recall,
          electorate,
          termStartsOn: cmd.termStartsOn ?? null,
          termEndsOn: cmd.termEndsOn ?? null,
          createdBy: p.memberId,
        },
        now,
      );
      await this.elections.insert(m, election.toSnapshot());
      const size = await this.freezeElectorate(m, election.toSnapshot());
      const frozen = election.withElectorateSize(size);
      await this.elections.update(m, frozen.toSnapshot());
      await this.audit.record(m, {
        actorId: p.memberId,
        action: 'election.created',
        subjectType: 'election',
        subjectId: election.id,
        data: { purpose: cmd.purpose, recallMandateId: recall?.mandateId ?? null, scope: cmd.scope, bodyId: body?.id ?? null, bodyKind: body?.kind ?? null, seats: cmd.seats, method: cmd.method, electorate, electorateSize: size },
      });
      return frozen.toSnapshot();
    });
  }

  /** E4: the electorate is frozen when the election is set up (a congress ballot's when voting opens). */
  private async freezeElectorate(m: Tx, s: ElectionSnapshot): Promise<number> {
    if (s.electorate.kind === 'delegates') return 0;
    const branchId = s.scope.kind === 'branch' ? s.scope.branchId : null;
    let size: number;
    if (s.electorate.kind === 'roll') {
      const roll = await this.register.roll(m, s.electorate.rollId);
      if (!roll) throw electionError('not_found', ElectionErrorCode.rollNotFound, 'No such electoral roll.');
      if (roll.scope.kind === 'branch' && roll.scope.branchId !== branchId) {
        throw electionError('invalid', ElectionErrorCode.invalidElection, "This roll is another branch's: use the organization's roll or this branch's.", { field: 'electorate.rollId' });
      }
      size = await this.register.copyRoll(m, s.id, s.electorate.rollId, branchId);
    } else {
      size = await this.register.freeze(m, s.id, s.electorate.asOf, branchId);
    }
    if (size === 0) throw electionError('unprocessable', ElectionErrorCode.emptyElectorate, 'Nobody is on this electorate (no eligible member in that scope on that date).');
    return size;
  }

  async openNominations(p: Principal, electionId: string): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.transition(p, electionId, async (m, election) => {
      const next = election.openNominations(this.clock.now());
      await this.notices.announce(m, {
        electionId,
        title: next.toSnapshot().title,
        stage: 'nominations-open',
        summary: `Nominations are open for ${next.seats} seat${next.seats === 1 ? '' : 's'}. A candidate nominates themself and needs ${this.config.nominatorsRequired} member nominators.`,
        audience: audienceOf(next.toSnapshot()),
        actorId: p.memberId,
      });
      return { next, action: 'election.nominations-opened', data: {} };
    });
  }

  /** E1: declared elected unopposed, only after the statutory period and with candidates ≤ seats. */
  async acclaim(p: Principal, electionId: string): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.transition(p, electionId, async (m, election, candidates) => {
      const nominated = candidates.filter((c) => c.status === 'nominated');
      const next = election.acclaim(this.clock.now(), nominated.length, this.config).withBallotOrderSeed(drawBallotOrderSeed());
      await this.numberTheBallotPaper(m, next, nominated);
      const numbered = (await this.elections.candidates(m, electionId)).filter((c) => c.status === 'nominated').sort((a, b) => (a.ballotNumber ?? 0) - (b.ballotNumber ?? 0));
      const mandates = await this.seats.fill(m, next, numbered, { id: p.memberId, kind: 'member' });
      await this.elections.saveResult(m, electionId, {
        method: next.method,
        acclaimed: true,
        candidates: numbered.map((c) => ({ id: c.id, memberId: c.memberId, name: c.displayName, number: c.ballotNumber as number })),
        elected: numbered.map((c) => c.id),
        electorateSize: next.toSnapshot().electorateSize,
        participation: 0,
        ballotsCounted: 0,
        ballotsHash: null,
        seed: null,
        quorum: null,
        count: null,
      });
      return { next, action: 'election.acclaimed', data: { elected: numbered.map((c) => c.memberId), mandates } };
    });
  }

  async openVoting(p: Principal, electionId: string, closesAt: Date): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.transition(p, electionId, async (m, election, candidates) => {
      const s = election.toSnapshot();
      const nominated = candidates.filter((c) => c.status === 'nominated').length;
      const next0 = election.openVoting(this.clock.now(), closesAt, nominated);
      let next = next0.withBallotOrderSeed(drawBallotOrderSeed());
      if (s.scope.kind === 'congress') {
        const congress = await this.congresses.load(m, s.scope.congressId, true);
        if (!congress) throw electionError('not_found', ElectionErrorCode.congressNotFound, 'No such congress.');
        Congress.fromSnapshot(congress).assertQuorate(await this.congresses.accreditedCount(m, congress.id));
        next = next.withElectorateSize(await this.congresses.copyAccreditedToElectorate(m, congress.id, electionId));
      }
      await this.numberTheBallotPaper(m, next, candidates.filter((c) => c.status === 'nominated'));
      // Each voter gets their own notice, with the link to vote (after the congress copy: delegates are its electorate).
      await this.notices.ballotsReady(m, { electionId, title: s.title, votingClosesAt: closesAt.toISOString(), voters: await this.box.electors(m, electionId) });
      await this.notices.announce(m, {
        electionId,
        title: s.title,
        stage: 'voting-open',
        summary: 'Voting is open: each voter has their own ballot notice with the link to vote.',
        votingClosesAt: closesAt.toISOString(),
        audience: audienceOf(s),
        actorId: p.memberId,
      });
      return { next, action: 'election.voting-opened', data: { closesAt: closesAt.toISOString(), candidates: nominated, electorateSize: next.toSnapshot().electorateSize } };
    });
  }

  /** The candidates' numbers on the paper, in the order drawn from the election's published seed. */
  private async numberTheBallotPaper(m: Tx, election: Election, nominated: readonly { id: string }[]): Promise<void> {
    const seed = election.toSnapshot().ballotOrderSeed as string;
    await this.elections.assignBallotNumbers(m, election.toSnapshot().id, ballotOrder(seed, nominated.map((c) => c.id)));
  }

  /** Loads under the election's exclusive lock, checks the returning officer, applies, saves, audits. */
  private transition(
    p: Principal,
    electionId: string,
    apply: (
      m: Tx,
      election: Election,
      candidates: Awaited<ReturnType<ElectionRepository['candidates']>>,
    ) => Promise<{ next: Election; action: string; data: Record<string, unknown> }>,
  ): Promise<ElectionSnapshot> {
    return this.ds.transaction(async (m) => {
      await this.elections.lockExclusive(m, electionId);
      const s = await this.elections.load(m, electionId);
      if (!s) throw electionNotFound();
      const election = Election.fromSnapshot(s);
      const candidates = await this.elections.candidates(m, electionId);
      election.assertRunBy(p.memberId, candidates.filter((c) => c.status !== 'withdrawn').map((c) => c.memberId));
      const { next, action, data } = await apply(m, election, candidates);
      await this.elections.update(m, next.toSnapshot());
      await this.audit.record(m, { actorId: p.memberId, action, subjectType: 'election', subjectId: electionId, data: { from: s.status, to: next.status, ...data } });
      return next.toSnapshot();
    });
  }
}

/** 128 random bits, as hex: the seed of the ballot order, published with the election. */
const drawBallotOrderSeed = (): string => randomBytes(16).toString('hex');
