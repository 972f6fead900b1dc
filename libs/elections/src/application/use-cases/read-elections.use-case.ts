import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import {
  ballotsAsBlt,
  ElectionErrorCode,
  electionError,
  electionNotFound,
  Election,
  isRankedMethod,
  normalizeReceiptCode,
  turnoutByBranch,
  type BallotContent,
  type BranchTurnout,
  type CandidacySnapshot,
  type ElectionSnapshot,
} from '../../domain';
import { ballotPaperOf } from '../ballot-paper-of';
import { RETURNING_OFFICER } from '../election-access';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../elections.config';
import { BallotBox } from '../ports/ballot-box.repository';
import { ElectionRepository, type StoredResult } from '../ports/election.repository';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

export interface ElectionDetail {
  election: ElectionSnapshot;
  candidates: CandidacySnapshot[];
  slates: { id: string; name: string; candidateIds: string[] }[];
  nominatorsRequired: number;
  /** E1: when an acclamation becomes possible (null before nominations open). */
  acclamationPossibleFrom: string | null;
  /** Shown once the poll has closed. */
  turnout: number | null;
}

export interface PublishedBallotList {
  electionId: string;
  ballotsHash: string | null;
  ballotsCounted: number;
  electorateSize: number;
  /** E3: false when the electorate is below the statutory minimum (individual ballots withheld). */
  individualBallotsPublished: boolean;
  minimumPublishedElectorate: number;
  candidates: { number: number; name: string }[];
  slates: { number: number; name: string; candidates: number[] }[];
  /** In publication order (random), without receipts (those are listed apart). Empty when withheld. */
  ballots: { ballot: BallotContent }[];
}

/** The receipt codes of the counted ballots, sorted, with nothing that joins one to a ballot (E3). */
export interface PublishedReceiptList {
  electionId: string;
  ballotsHash: string | null;
  receipts: string[];
}

/**
 * What members may read: elections and their candidates; after publication the round-by-round
 * result, the ballot list (E3, withheld below the minimum electorate), the BLT file for a
 * recount, and whether a receipt is in the list. Returning officers see a certified result
 * before it is published.
 */
@Injectable()
export class ReadElectionsUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly box: BallotBox,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
  ) {}

  list(): Promise<ElectionSnapshot[]> {
    return this.elections.list(this.ds.manager);
  }

  async get(electionId: string): Promise<ElectionDetail> {
    const m = this.ds.manager;
    const s = await this.elections.load(m, electionId);
    if (!s) throw electionNotFound();
    const closed = ['closed', 'certified', 'published'].includes(s.status) && !s.acclaimed;
    return {
      election: s,
      candidates: await this.elections.candidates(m, electionId),
      slates: await this.elections.slatesOf(m, electionId),
      nominatorsRequired: this.config.nominatorsRequired,
      acclamationPossibleFrom: Election.fromSnapshot(s).acclamationPossibleFrom(this.config)?.toISOString() ?? null,
      turnout: closed ? (await this.box.counts(m, electionId)).participation : null,
    };
  }

  async result(p: Principal, electionId: string): Promise<{ election: ElectionSnapshot; result: StoredResult; turnoutByBranch: BranchTurnout[] }> {
    const m = this.ds.manager;
    const s = await this.elections.load(m, electionId);
    if (!s) throw electionNotFound();
    const visible = s.status === 'published' || (s.status === 'certified' && p.holds(RETURNING_OFFICER.body, RETURNING_OFFICER.roles));
    const result = visible ? await this.elections.result(m, electionId) : null;
    if (!result) throw notPublished(s);
    const branches = result.acclaimed ? [] : turnoutByBranch(await this.box.participationByBranch(m, electionId), this.config.turnoutCellMinimum);
    return { election: s, result, turnoutByBranch: branches };
  }

  async ballots(electionId: string): Promise<PublishedBallotList> {
    const { s, result } = await this.published(electionId);
    const m = this.ds.manager;
    const published = s.electorateSize >= this.config.minimumPublishedElectorate;
    const list = published ? (await this.box.publishedList(m, electionId)).ballots : [];
    const slates = ballotPaperOf(s, await this.elections.candidates(m, electionId), await this.elections.slatesOf(m, electionId)).setup.slates;
    const names = await this.elections.slatesOf(m, electionId);
    const number = new Map(result.candidates.map((c) => [c.id, c.number] as const));
    return {
      electionId,
      ballotsHash: s.ballotsHash,
      ballotsCounted: result.ballotsCounted,
      electorateSize: s.electorateSize,
      individualBallotsPublished: published,
      minimumPublishedElectorate: this.config.minimumPublishedElectorate,
      candidates: result.candidates.map((c) => ({ number: c.number, name: c.name })),
      slates: slates.map((sl, i) => ({ number: i + 1, name: names.find((n) => n.id === sl.key)?.name ?? '', candidates: sl.candidates.map((id) => number.get(id) as number) })),
      ballots: list.map((ballot) => ({ ballot })),
    };
  }

  /** The ranked ballots as a BLT file: `npm run count -- file.blt` recounts them. */
  async blt(electionId: string): Promise<string> {
    const { s } = await this.published(electionId);
    if (!isRankedMethod(s.method)) {
      throw electionError('conflict', ElectionErrorCode.bltNotAvailable, `A BLT file holds ranked ballots; this election was counted by ${s.method}. Use GET /elections/${electionId}/ballots.`);
    }
    if (s.electorateSize < this.config.minimumPublishedElectorate) throw withheld(this.config.minimumPublishedElectorate);
    const m = this.ds.manager;
    const paper = ballotPaperOf(s, await this.elections.candidates(m, electionId), []);
    const list = await this.box.publishedList(m, electionId);
    return ballotsAsBlt(paper.count, list.ballots);
  }

  /**
   * The receipt list, sorted: a voter finds their code in it, and learns that their ballot was
   * counted, not which ballot it was. Published even where individual ballots are withheld.
   */
  async receipts(electionId: string): Promise<PublishedReceiptList> {
    const { s } = await this.published(electionId);
    const { receipts } = await this.box.publishedList(this.ds.manager, electionId);
    return { electionId, ballotsHash: s.ballotsHash, receipts: [...receipts] };
  }

  /** Any member can check that a receipt is in the published list (it says nothing about the ballot's content). */
  async checkReceipt(electionId: string, code: string): Promise<{ electionId: string; receiptCode: string; counted: boolean }> {
    const { s } = await this.published(electionId);
    const receipt = normalizeReceiptCode(code);
    if (!receipt) throw electionError('invalid', ElectionErrorCode.ballotInvalid, 'A receipt code has 16 letters and digits, like K7QX-3M9P-T2WD-8HZA.');
    return { electionId: s.id, receiptCode: receipt, counted: await this.box.hasReceipt(this.ds.manager, electionId, receipt) };
  }

  private async published(electionId: string): Promise<{ s: ElectionSnapshot; result: StoredResult }> {
    const s = await this.elections.load(this.ds.manager, electionId);
    if (!s) throw electionNotFound();
    const result = s.status === 'published' ? await this.elections.result(this.ds.manager, electionId) : null;
    if (!result) throw notPublished(s);
    return { s, result };
  }
}

const notPublished = (s: ElectionSnapshot) =>
  electionError('conflict', ElectionErrorCode.resultsNotPublished, `The result of this election is not published yet (it is ${s.status}).`, { status: s.status });

const withheld = (minimum: number) =>
  electionError(
    'conflict',
    ElectionErrorCode.ballotsWithheld,
    `Individual ballots are published only when at least ${minimum} members could vote (statutes, E3): with fewer, a full ranking could identify a voter. The round-by-round result is published.`,
    { minimumPublishedElectorate: minimum },
  );
