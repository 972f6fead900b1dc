import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Principal } from '@org/identity';
import { Election, ElectionErrorCode, electionError, electionNotFound, type CandidacySnapshot } from '../../domain';
import type { RepresentationMinimum } from '../../domain/counting';
import { requireReturningOfficer } from '../election-access';
import { ElectionsAudit } from '../elections-audit';
import { ElectionRepository } from '../ports/election.repository';
import { SeatChangesRepository, type StoredMinimum } from '../ports/seat-changes.repository';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

const STV = new Set(['scottish-stv', 'meek-stv']);

/**
 * Representation minimums of an STV election (e.g. "women: at least 2 of the 4 seats"), set by
 * the returning officer before voting opens and applied at certification by the count's
 * exclusion method; a count whose winners already meet them is unchanged.
 */
@Injectable()
export class RepresentationMinimumsUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly elections: ElectionRepository,
    private readonly changes: SeatChangesRepository,
    private readonly audit: ElectionsAudit,
  ) {}

  async set(p: Principal, electionId: string, groups: StoredMinimum[]): Promise<StoredMinimum[]> {
    requireReturningOfficer(p);
    return this.ds.transaction(async (m) => {
      await this.elections.lockExclusive(m, electionId);
      const s = await this.elections.load(m, electionId);
      if (!s) throw electionNotFound();
      const candidates = await this.elections.candidates(m, electionId);
      Election.fromSnapshot(s).assertRunBy(p.memberId, candidates.filter((c) => c.status !== 'withdrawn').map((c) => c.memberId));
      if (s.status !== 'draft' && s.status !== 'nominations') {
        throw electionError('conflict', ElectionErrorCode.wrongState, `Representation minimums are set before voting opens (this election is ${s.status}); they cannot change once members may vote.`, { status: s.status });
      }
      const invalid = (message: string) => electionError('invalid', ElectionErrorCode.invalidElection, message, { field: 'groups' });
      if (!STV.has(s.method)) throw invalid(`Representation minimums apply to STV counts (scottish-stv, meek-stv); this election is counted by ${s.method}.`);
      const ids = new Set(candidates.filter((c) => c.status !== 'withdrawn').map((c) => c.id));
      const seen = new Map<string, string>();
      let total = 0;
      for (const g of groups) {
        if (groups.filter((h) => h.group === g.group).length > 1) throw invalid(`The group "${g.group}" is given twice: give each group once.`);
        for (const id of g.candidateIds) {
          if (!ids.has(id)) throw invalid(`Group "${g.group}" names ${id}, which is not a candidate standing in this election.`);
          if (seen.has(id)) throw invalid(`A candidate is in both "${seen.get(id)}" and "${g.group}": groups with minimums must not overlap.`);
          seen.set(id, g.group);
        }
        if (g.minimum > g.candidateIds.length) throw invalid(`Group "${g.group}" is owed ${g.minimum} seats but names only ${g.candidateIds.length} candidates.`);
        total += g.minimum;
      }
      if (total > s.seats) throw invalid(`The minimums add up to ${total} seats but only ${s.seats} are to be filled.`);
      await this.changes.replaceMinimums(m, electionId, groups);
      await this.audit.record(m, {
        actorId: p.memberId,
        action: 'election.minimums-set',
        subjectType: 'election',
        subjectId: electionId,
        data: { groups: groups.map((g) => ({ group: g.group, candidateIds: g.candidateIds, minimum: g.minimum })) },
      });
      return this.changes.minimums(m, electionId);
    });
  }

  async get(electionId: string): Promise<StoredMinimum[]> {
    const s = await this.elections.load(this.ds.manager, electionId);
    if (!s) throw electionNotFound();
    return this.changes.minimums(this.ds.manager, electionId);
  }

  /**
   * For the count: the minimums by position on the paper (candidates not on it, or withdrawn
   * after voting opened, left out; a minimum is lowered to the candidates of its group still standing).
   */
  async forCount(m: Tx, electionId: string, listed: readonly CandidacySnapshot[]): Promise<RepresentationMinimum[]> {
    const index = new Map(listed.map((c, i) => [c.id, i] as const));
    return (await this.changes.minimums(m, electionId)).map((g) => {
      const onPaper = g.candidateIds.filter((id) => index.has(id)).map((id) => index.get(id) as number);
      const standing = onPaper.filter((i) => !listed[i].withdrawnAfterOpening).length;
      return { group: g.group, candidates: onPaper, minimum: Math.min(g.minimum, standing) };
    });
  }
}
