import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import {
  ballotListHash,
  countBallots,
  Election,
  ElectionErrorCode,
  electionError,
  electionNotFound,
  type CandidacySnapshot,
  type CountResult,
  type ElectionSnapshot,
  type MotionResult,
} from '../../domain';
import { stageTable } from '../../domain/counting';
import { ballotPaperOf } from '../ballot-paper-of';
import { audienceOf, requireReturningOfficer } from '../election-access';
import { ElectionsAudit } from '../elections-audit';
import { BallotBox } from '../ports/ballot-box.repository';
import { CongressRepository } from '../ports/congress.repository';
import { ElectionNotices } from '../ports/election-notices.port';
import { ElectionRepository, type StoredResult } from '../ports/election.repository';
import { SeatFilling } from '../seat-filling';
import { RepresentationMinimumsUseCase } from './representation-minimums.use-case';
import { VacanciesUseCase } from './vacancies.use-case';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

/**
 * After the poll: close (the remaining buffered ballots are moved, shuffled, and the hash of the
 * ballot list is committed — before any count), certify (the committed list is re-hashed, counted
 * with the counting engine, and the seats filled in the same transaction: mandates through
 * identity's MandateService, or congress delegates), publish (results to the members of the
 * scope through the notifications outbox and feed; the ballot list becomes public).
 */
@Injectable()
export class DeclareResultUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly box: BallotBox,
    private readonly congresses: CongressRepository,
    private readonly seats: SeatFilling,
    private readonly vacancies: VacanciesUseCase,
    private readonly minimums: RepresentationMinimumsUseCase,
    private readonly notices: ElectionNotices,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
  ) {}

  async close(p: Principal, electionId: string, tieBreakSeed: string | null): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.withElection(p, electionId, async (m, election) => {
      // Casts hold the election's lock shared: holding it exclusively, no cast is in flight.
      await this.box.moveBuffered(m, electionId, 0);
      const counts = await this.box.counts(m, electionId);
      if (counts.participation !== counts.ballots || counts.buffered !== 0) {
        throw new DomainError('unavailable', ElectionErrorCode.ballotListChanged, 'The ballot box is inconsistent (participation and ballots differ); the poll was not closed. Contact the operators.');
      }
      const list = await this.box.publishedList(m, electionId);
      const hash = ballotListHash(electionId, list);
      const next = election.close(this.clock.now(), hash, tieBreakSeed?.trim() || hash);
      return {
        next,
        action: 'election.closed',
        data: { ballotsHash: hash, participation: counts.participation, ballots: counts.ballots, tieBreakSeed: next.toSnapshot().tieBreakSeed, seedGiven: Boolean(tieBreakSeed?.trim()) },
      };
    });
  }

  async certify(p: Principal, electionId: string): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.withElection(p, electionId, async (m, election, candidates) => {
      const s = election.toSnapshot();
      if (s.status !== 'closed') election.certify(this.clock.now());
      const list = await this.box.publishedList(m, electionId);
      const hash = ballotListHash(electionId, list);
      if (hash !== s.ballotsHash) {
        throw new DomainError('unavailable', ElectionErrorCode.ballotListChanged, 'The ballot list no longer matches the hash committed at the close; nothing was certified. Contact the operators.');
      }
      let quorum: number | null = null;
      if (s.scope.kind === 'congress') {
        const congress = await this.congresses.load(m, s.scope.congressId);
        quorum = congress?.quorum ?? null;
      }
      const paper = ballotPaperOf(s, candidates, await this.elections.slatesOf(m, electionId), quorum ?? undefined);
      const participation = (await this.box.counts(m, electionId)).participation;
      if (quorum !== null && participation < quorum) {
        throw electionError(
          'unprocessable',
          ElectionErrorCode.inquorate,
          `Only ${participation} delegates voted and the congress quorum is ${quorum}: this ballot is inquorate and cannot be certified. Hold it again with a quorum present.`,
          { participation, quorum },
        );
      }
      const minimums = await this.minimums.forCount(m, electionId, paper.listed);
      const count = countBallots(minimums.length > 0 ? { ...paper.count, minimums } : paper.count, list.ballots, s.tieBreakSeed ?? hash);
      const next = election.certify(this.clock.now());
      const elected: CandidacySnapshot[] = election.isMotion ? [] : count.elected.map((i) => paper.listed[i]);
      // A winner identity refuses a mandate (S2, status, restriction) does not stop the
      // certification: their seat is a vacancy, filled below by the organization's rule.
      const actor = { id: p.memberId, kind: 'member' };
      const seatedMandates: { candidateId: string; mandateId: string }[] = [];
      const cannotSit: CandidacySnapshot[] = [];
      let mandates: string[] = [];
      if (s.purpose === 'body') {
        for (const c of elected) {
          const r = await this.seats.fillIfEligible(m, next, c, actor);
          if (!r.seated) cannotSit.push(c);
          else if (r.mandateId) seatedMandates.push({ candidateId: c.id, mandateId: r.mandateId });
        }
        mandates = seatedMandates.map((x) => x.mandateId);
      } else {
        mandates = await this.seats.fill(m, next, elected, actor);
      }
      const recall = await this.seats.recall(m, next, election.isMotion && (count as MotionResult).carried === true, { id: p.memberId, kind: 'member' });
      const result: StoredResult = {
        method: s.method,
        acclaimed: false,
        candidates: paper.listed.map((c, i) => ({ id: c.id, memberId: c.memberId, name: c.displayName, number: i + 1 })),
        elected: elected.map((c) => c.id),
        electorateSize: s.electorateSize,
        participation,
        ballotsCounted: list.ballots.length,
        ballotsHash: hash,
        seed: s.tieBreakSeed,
        quorum,
        count,
        ...(seatedMandates.length > 0 ? { mandates: seatedMandates } : {}),
      };
      await this.elections.saveResult(m, electionId, result);
      const vacancies: string[] = [];
      for (const c of cannotSit) vacancies.push((await this.vacancies.fill(m, next.toSnapshot(), candidates, c.id, 'ineligible', actor)).id);
      return {
        next,
        action: 'election.certified',
        data: { elected: elected.map((c) => c.memberId), mandates, vacancies, ballotsHash: hash, ballotsCounted: list.ballots.length, participation, carried: (count as MotionResult).carried ?? null, recall },
      };
    });
  }

  async publish(p: Principal, electionId: string): Promise<ElectionSnapshot> {
    requireReturningOfficer(p);
    return this.withElection(p, electionId, async (m, election) => {
      const next = election.publish(this.clock.now());
      const s = next.toSnapshot();
      const result = await this.elections.result(m, electionId);
      await this.notices.announce(m, { electionId, title: s.title, stage: 'result', summary: summaryOf(s, result), ...stagesOf(s, result), audience: audienceOf(s), actorId: p.memberId });
      return { next, action: 'election.published', data: { ballotsHash: s.ballotsHash } };
    });
  }

  private withElection(
    p: Principal,
    electionId: string,
    apply: (m: Tx, election: Election, candidates: CandidacySnapshot[]) => Promise<{ next: Election; action: string; data: Record<string, unknown> }>,
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

/** The result in a sentence or two, for the notice to members. */
export function summaryOf(s: ElectionSnapshot, r: StoredResult | null): string {
  if (!r) return 'The result has been published.';
  const name = new Map(r.candidates.map((c) => [c.id, c.name] as const));
  if (s.purpose === 'motion') {
    const m = r.count as MotionResult;
    const [yes, no, abstain] = m.stages[0].totals;
    const recall = s.recallMandateId && m.carried ? ' The recalled mandate has ended.' : '';
    return `${m.carried ? 'Carried' : 'Not carried'}: yes ${yes}, no ${no}, abstain ${abstain} (${m.rule}). ${r.participation} of ${r.electorateSize} voted.${recall}`;
  }
  const elected = r.elected.map((id) => name.get(id)).join(', ') || 'nobody';
  if (r.acclaimed) return `Elected unopposed: ${elected}.`;
  return `Elected: ${elected}. ${r.participation} of ${r.electorateSize} voted (${s.method}). The round-by-round result and the ballots are published with the election; anyone can recount them.`;
}

/** A counted (not acclaimed) election's stage-by-stage count as a text table, for the result e-mail. */
export function stagesOf(s: ElectionSnapshot, r: StoredResult | null): { stages?: string } {
  if (!r || r.acclaimed || s.purpose === 'motion' || !r.count) return {};
  const count = r.count as CountResult;
  if (!Array.isArray(count.stages) || count.stages.length === 0) return {};
  // Candidates by their number on the paper, as the count has them.
  const names = count.candidates.map((fallback, i) => r.candidates.find((c) => c.number === i + 1)?.name ?? fallback);
  return { stages: stageTable(count, names) };
}
