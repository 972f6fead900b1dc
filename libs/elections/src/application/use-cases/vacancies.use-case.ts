import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock, type Tx } from '@org/platform';
import { Election, ELECTION_METHOD_REGISTRY, ElectionErrorCode, electionError, electionNotFound, isRankedMethod, rankedProfile, type CandidacySnapshot, type CountResult, type ElectionSnapshot } from '../../domain';
import { countback, runnersUp, type RepresentationMinimum, type VacancyRule } from '../../domain/counting';
import { ballotPaperOf } from '../ballot-paper-of';
import { RETURNING_OFFICER, requireMember, requireReturningOfficer } from '../election-access';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { ElectionsAudit } from '../elections-audit';
import { BallotBox } from '../ports/ballot-box.repository';
import { ElectionRepository, type StoredResult } from '../ports/election.repository';
import { SeatChangesRepository, type VacancyReason, type VacancyRecord } from '../ports/seat-changes.repository';
import { SeatFilling } from '../seat-filling';
import { RepresentationMinimumsUseCase } from './representation-minimums.use-case';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

export interface LateWithdrawalView {
  electionId: string;
  candidateId: string;
  ballotNumber: number;
  withdrawnAfterOpening: true;
}

export interface VacancyView {
  id: string;
  electionId: string;
  vacating: { candidateId: string; number: number; name: string };
  reason: VacancyReason;
  rule: VacancyRule;
  filledBy: { candidateId: string; number: number; name: string } | null;
  mandateId: string | null;
  /** The seats after this vacancy was filled: candidate numbers on the ballot paper. */
  seatedNumbers: number[];
  /** Countback: the recount, round by round (as `GET /elections/:id/result`'s count). */
  recount: unknown;
  /** How anyone recounts it from the published BLT file. */
  recountCommand: string;
  recordedAt: string;
}

/**
 * Seats after voting opened: a candidate who withdraws once voting is open stays on the paper and
 * is skipped on every ballot at the count (and in the published BLT file's withdrawn line); a
 * winner who cannot take the seat or leaves it makes a vacancy, filled by the organization's rule
 * (`ELECTIONS_VACANCY_RULE`): countback on the original ballots, or the next-highest candidate.
 */
@Injectable()
export class VacanciesUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly box: BallotBox,
    private readonly changes: SeatChangesRepository,
    private readonly seats: SeatFilling,
    private readonly minimums: RepresentationMinimumsUseCase,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
  ) {}

  async withdrawAfterOpening(p: Principal, electionId: string, candidateId: string): Promise<LateWithdrawalView> {
    const memberId = requireMember(p);
    return this.ds.transaction(async (m) => {
      const { s, candidates } = await this.locked(m, electionId);
      const c = candidates.find((x) => x.id === candidateId);
      if (!c || c.status !== 'nominated' || c.ballotNumber === null) throw electionError('not_found', ElectionErrorCode.candidateNotFound, 'No such candidate on this ballot paper.');
      const byCandidate = c.memberId === memberId;
      if (!byCandidate) {
        if (!p.holds(RETURNING_OFFICER.body, RETURNING_OFFICER.roles)) {
          throw electionError('forbidden', ElectionErrorCode.notYourCandidacy, 'Only the candidate, or the returning officer on their written word, can withdraw a candidacy.');
        }
        Election.fromSnapshot(s).assertRunBy(memberId, candidates.filter((x) => x.status !== 'withdrawn').map((x) => x.memberId));
      }
      if (s.status !== 'voting' && s.status !== 'closed') {
        const what =
          s.status === 'draft' || s.status === 'nominations'
            ? `Voting has not opened: withdraw with POST /elections/${electionId}/candidates/${candidateId}/withdraw.`
            : `The result is certified: a winner who leaves the seat makes a vacancy (POST /elections/${electionId}/vacancies).`;
        throw electionError('conflict', ElectionErrorCode.wrongState, `A withdrawal after voting opened is recorded while voting is open or closed and not yet counted (this election is ${s.status}). ${what}`, { status: s.status });
      }
      if (!isRankedMethod(s.method)) {
        throw electionError('conflict', ElectionErrorCode.wrongState, `Only ranked ballots (STV) can skip a candidate who withdrew; this election is counted by ${s.method}. The candidate stays on the paper; if elected, the seat becomes a vacancy.`);
      }
      const recorded = await this.changes.recordWithdrawal(m, { candidateId, electionId, at: this.clock.now(), by: memberId });
      if (recorded) {
        await this.audit.record(m, {
          actorId: memberId,
          action: 'candidate.withdrawn-after-opening',
          subjectType: 'candidate',
          subjectId: candidateId,
          data: { electionId, ballotNumber: c.ballotNumber, status: s.status, by: byCandidate ? 'candidate' : 'returning-officer' },
        });
      }
      return { electionId, candidateId, ballotNumber: c.ballotNumber, withdrawnAfterOpening: true };
    });
  }

  async recordVacancy(p: Principal, electionId: string, x: { candidateId: string; reason: VacancyReason }): Promise<VacancyView> {
    requireReturningOfficer(p);
    return this.ds.transaction(async (m) => {
      const { s, candidates } = await this.locked(m, electionId);
      Election.fromSnapshot(s).assertRunBy(p.memberId, candidates.filter((c) => c.status !== 'withdrawn').map((c) => c.memberId));
      if ((s.status !== 'certified' && s.status !== 'published') || s.purpose !== 'body') {
        throw electionError(
          'conflict',
          ElectionErrorCode.wrongState,
          s.purpose !== 'body'
            ? 'Vacancies are filled for the seats of a body; this election fills none.'
            : `A vacancy is recorded once the result is certified (this election is ${s.status}); before that, a candidate who withdraws is skipped at the count.`,
          { status: s.status },
        );
      }
      return this.fill(m, s, candidates, x.candidateId, x.reason, { id: p.memberId, kind: 'member' });
    });
  }

  /**
   * Fills the seat of a winner in the caller's transaction (the election certified, its result
   * stored): by the rule, the next in line who can take it — a candidate whose mandate identity
   * refuses (S2, status, restriction) is passed over, as if withdrawn for a countback. Used by
   * `recordVacancy` and by certification when a winner cannot take the seat.
   */
  async fill(m: Tx, s: ElectionSnapshot, candidates: CandidacySnapshot[], candidateId: string, reason: VacancyReason, actor: { id: string | null; kind: string }): Promise<VacancyView> {
    const electionId = s.id;
    const result = (await this.elections.result(m, electionId)) as StoredResult;
    const earlier = await this.changes.vacancies(m, electionId);
    const numberOf = new Map(result.candidates.map((c) => [c.id, c.number - 1] as const));
    let seated = result.elected.map((id) => numberOf.get(id) as number);
    for (const v of earlier) seated = seated.flatMap((c) => (c !== numberOf.get(v.vacatingCandidateId) ? [c] : v.filledByCandidateId ? [numberOf.get(v.filledByCandidateId) as number] : []));
    const vacating = numberOf.get(candidateId);
    if (vacating === undefined || !seated.includes(vacating)) {
      throw electionError('conflict', ElectionErrorCode.wrongState, 'This candidate does not hold a seat from this election, so there is no vacancy to fill. Check the candidate id against GET /elections/:id/result.');
    }
    const gone = earlier.map((v) => numberOf.get(v.vacatingCandidateId) as number);
    const paper = ballotPaperOf(s, candidates, await this.elections.slatesOf(m, electionId));
    const rule: VacancyRule = isRankedMethod(s.method) ? this.config.vacancyRule : 'next-highest';
    const seed = result.seed ?? s.tieBreakSeed ?? s.ballotsHash ?? electionId;
    const ballots = rule === 'countback' ? (await this.box.publishedList(m, electionId)).ballots : [];
    const minimums = rule === 'countback' ? await this.minimums.forCount(m, electionId, paper.listed) : [];
    const passedOver: number[] = [];
    let filledBy: number | null = null;
    let recount: CountResult | null = null;
    let mandateId: string | null = null;
    for (;;) {
      if (rule === 'countback') {
        const profile = rankedProfile({ ...paper.count, withdrawn: [...(paper.count.withdrawn ?? []), ...gone, ...passedOver] }, ballots);
        const blt = ELECTION_METHOD_REGISTRY[s.method].blt!;
        const filling = countback(profile, seated, vacating, (pr, owed) => blt.count(pr, seed, owed), minimums);
        filledBy = filling.filledBy;
        recount = filling.count;
      } else {
        const skip = [...(paper.count.withdrawn ?? []), ...gone, ...passedOver, vacating];
        filledBy = runnersUp(result.count as CountResult, skip).find((c) => !seated.includes(c)) ?? null;
      }
      const newcomer = filledBy === null ? null : (paper.listed[filledBy] ?? null);
      if (!newcomer) break;
      const taken = await this.seats.fillIfEligible(m, Election.fromSnapshot(s), newcomer, actor);
      if (taken.seated) {
        mandateId = taken.mandateId;
        break;
      }
      passedOver.push(filledBy as number);
    }
    const reasonText = `Seat vacated (${reason}): ${s.title} (${s.id})`;
    const held = result.mandates?.find((h) => h.candidateId === candidateId)?.mandateId ?? earlier.find((v) => v.filledByCandidateId === candidateId)?.mandateId ?? null;
    const endedOn = held ? await this.seats.vacate(m, held, reasonText, actor) : null;
    const record: VacancyRecord = {
      id: randomUUID(),
      electionId,
      vacatingCandidateId: candidateId,
      reason,
      rule,
      filledByCandidateId: filledBy === null ? null : paper.listed[filledBy].id,
      mandateId,
      recount,
      recordedAt: this.clock.now().toISOString(),
      recordedBy: actor.id as string,
    };
    await this.changes.insertVacancy(m, record);
    await this.audit.record(m, {
      actorId: actor.id,
      action: 'election.vacancy-filled',
      subjectType: 'election',
      subjectId: electionId,
      data: { vacatingCandidateId: candidateId, reason, rule, filledByCandidateId: record.filledByCandidateId, mandateId, endedMandateId: endedOn ? held : null, passedOver: passedOver.length },
    });
    return this.view(s, result, record, [...earlier, record], minimums);
  }

  /** Members once the result is published; returning officers from certification. */
  async list(p: Principal, electionId: string): Promise<VacancyView[]> {
    const m = this.ds.manager;
    const s = await this.elections.load(m, electionId);
    if (!s) throw electionNotFound();
    const officer = p.holds(RETURNING_OFFICER.body, RETURNING_OFFICER.roles);
    if (s.status !== 'published' && !(officer && s.status === 'certified')) {
      throw electionError('conflict', ElectionErrorCode.resultsNotPublished, `The result of this election is not published yet (it is ${s.status}).`, { status: s.status });
    }
    const result = (await this.elections.result(m, electionId)) as StoredResult;
    const all = await this.changes.vacancies(m, electionId);
    const minimums = all.some((v) => v.rule === 'countback')
      ? await this.minimums.forCount(m, electionId, ballotPaperOf(s, await this.elections.candidates(m, electionId), await this.elections.slatesOf(m, electionId)).listed)
      : [];
    return all.map((v, i) => this.view(s, result, v, all.slice(0, i + 1), minimums));
  }

  private view(s: ElectionSnapshot, result: StoredResult, v: VacancyRecord, upTo: VacancyRecord[], minimums: readonly RepresentationMinimum[]): VacancyView {
    const byId = new Map(result.candidates.map((c) => [c.id, c] as const));
    const who = (id: string) => ({ candidateId: id, number: byId.get(id)!.number, name: byId.get(id)!.name });
    let seated = result.elected.map((id) => byId.get(id)!.number);
    for (const u of upTo) seated = seated.flatMap((n) => (n !== byId.get(u.vacatingCandidateId)!.number ? [n] : u.filledByCandidateId ? [byId.get(u.filledByCandidateId)!.number] : []));
    const before = upTo.slice(0, -1);
    let seatedBefore = result.elected.map((id) => byId.get(id)!.number);
    for (const u of before) seatedBefore = seatedBefore.flatMap((n) => (n !== byId.get(u.vacatingCandidateId)!.number ? [n] : u.filledByCandidateId ? [byId.get(u.filledByCandidateId)!.number] : []));
    const withdraw = before.map((u) => byId.get(u.vacatingCandidateId)!.number);
    const method = ELECTION_METHOD_REGISTRY[s.method].blt?.cliName;
    const recountCommand = method
      ? `npm run count -- election.blt --method ${method} --seed '${result.seed ?? ''}'${withdraw.length ? ` --withdraw ${withdraw.join(',')}` : ''} --vacate ${byId.get(v.vacatingCandidateId)!.number} --fill ${v.rule} --elected ${seatedBefore.join(',')}${v.rule === 'countback' ? minimumFlags(minimums) : ''}`
      : 'This method has no BLT file: the next-highest candidate is read from GET /elections/:id/result.';
    return {
      id: v.id,
      electionId: v.electionId,
      vacating: who(v.vacatingCandidateId),
      reason: v.reason,
      rule: v.rule,
      filledBy: v.filledByCandidateId ? who(v.filledByCandidateId) : null,
      mandateId: v.mandateId,
      seatedNumbers: seated,
      recount: v.recount,
      recountCommand,
      recordedAt: v.recordedAt,
    };
  }

  private async locked(m: Tx, electionId: string): Promise<{ s: ElectionSnapshot; candidates: CandidacySnapshot[] }> {
    await this.elections.lockExclusive(m, electionId);
    const s = await this.elections.load(m, electionId);
    if (!s) throw electionNotFound();
    return { s, candidates: await this.elections.candidates(m, electionId) };
  }
}

/** The election's representation minimums as `npm run count` flags (candidates by number on the paper). */
function minimumFlags(minimums: readonly RepresentationMinimum[]): string {
  const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return minimums
    .filter((g) => g.candidates.length > 0)
    .map((g) => ` --group ${quoted(`${g.group}:${g.candidates.map((c) => c + 1).join(',')}`)} --minimum ${quoted(`${g.group}:${g.minimum}`)}`)
    .join('');
}
