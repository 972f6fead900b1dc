import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import { Congress, Election, ElectionErrorCode, electionError, type CongressSnapshot, type ElectionMethod, type ElectionSnapshot } from '../../domain';
import { requireMember, requireReturningOfficer } from '../election-access';
import { ElectionsAudit } from '../elections-audit';
import { CongressRepository, type DelegateRow } from '../ports/congress.repository';
import { ElectionRepository } from '../ports/election.repository';
import { ElectoralRegister } from '../ports/electoral-register.port';
import { credentialHash, newCredentialCode } from '../receipt-seal';
import { ElectionsTransactions } from '../ports/elections-transactions.port';

export interface CongressView {
  congress: CongressSnapshot;
  delegates: DelegateRow[];
  accredited: number;
  quorate: boolean;
  elections: ElectionSnapshot[];
}

const notFound = () => electionError('not_found', ElectionErrorCode.congressNotFound, 'No such congress.');

/**
 * Congress (item 9): created from the membership context's delegate apportionment (itself made
 * from a frozen roll, E4); one delegate election per branch with seats, whose electorate is that
 * branch's part of the same roll; elected delegates receive credentials; returning officers
 * accredit delegates who present theirs; congress ballots have the accredited delegates as their
 * electorate and need the quorum (see RunElectionUseCase.openVoting, DeclareResultUseCase.certify).
 */
@Injectable()
export class CongressUseCase {
  constructor(
    private readonly ds: ElectionsTransactions,
    private readonly congresses: CongressRepository,
    private readonly elections: ElectionRepository,
    private readonly register: ElectoralRegister,
    private readonly audit: ElectionsAudit,
    private readonly clock: Clock,
  ) {}

  async create(p: Principal, cmd: { title: string; apportionmentId: string; opensOn: string; quorum?: number | null }): Promise<CongressView> {
    requireReturningOfficer(p);
    const id = await this.ds.transaction(async (m) => {
      const apportionment = await this.register.apportionment(m, cmd.apportionmentId);
      if (!apportionment) throw electionError('not_found', ElectionErrorCode.apportionmentNotFound, 'No such delegate apportionment (POST /electoral-rolls/:rollId/apportionment makes one).');
      const congress = Congress.create(
        {
          id: randomUUID(),
          title: cmd.title,
          rollId: apportionment.rollId,
          apportionmentId: apportionment.id,
          opensOn: cmd.opensOn,
          allocations: apportionment.allocations,
          quorum: cmd.quorum ?? null,
          createdBy: p.memberId,
        },
        this.clock.now(),
      );
      const s = congress.toSnapshot();
      await this.congresses.insert(m, s);
      await this.audit.record(m, {
        actorId: p.memberId,
        action: 'congress.created',
        subjectType: 'congress',
        subjectId: s.id,
        data: { apportionmentId: s.apportionmentId, rollId: s.rollId, delegateSeats: s.delegateSeats, quorum: s.quorum, opensOn: s.opensOn },
      });
      return s.id;
    });
    return this.get(id);
  }

  async get(congressId: string): Promise<CongressView> {
    const m = this.ds.manager;
    const congress = await this.congresses.load(m, congressId);
    if (!congress) throw notFound();
    const delegates = await this.congresses.delegates(m, congressId);
    const accredited = delegates.filter((d) => d.accreditedAt !== null).length;
    return { congress, delegates, accredited, quorate: accredited >= congress.quorum, elections: await this.elections.ofCongress(m, congressId) };
  }

  /** One delegate election per branch with seats; each branch's electorate is its part of the congress roll. */
  async callDelegateElections(p: Principal, congressId: string, cmd: { method?: ElectionMethod | null }): Promise<ElectionSnapshot[]> {
    requireReturningOfficer(p);
    return this.ds.transaction(async (m) => {
      const s = await this.congresses.load(m, congressId, true);
      if (!s) throw notFound();
      if ((await this.elections.ofCongress(m, congressId)).some((e) => e.purpose === 'delegates')) {
        throw electionError('conflict', ElectionErrorCode.delegateElectionsExist, 'The delegate elections of this congress have already been called.');
      }
      const created: ElectionSnapshot[] = [];
      for (const a of Congress.fromSnapshot(s).delegateElections()) {
        const method: ElectionMethod = cmd.method ?? (a.seats > 1 ? 'scottish-stv' : 'plurality');
        const election = Election.create(
          {
            id: randomUUID(),
            title: `${s.title}: delegates`,
            purpose: 'delegates',
            scope: { kind: 'branch', branchId: a.branchId },
            congressId,
            seats: a.seats,
            method: method === 'plurality' && a.seats > 1 ? 'scottish-stv' : method,
            electorate: { kind: 'roll', rollId: s.rollId },
            createdBy: p.memberId,
          },
          this.clock.now(),
        );
        await this.elections.insert(m, election.toSnapshot());
        const size = await this.register.copyRoll(m, election.id, s.rollId, a.branchId);
        const sized = election.withElectorateSize(size).toSnapshot();
        await this.elections.update(m, sized);
        created.push(sized);
        await this.audit.record(m, {
          actorId: p.memberId,
          action: 'election.created',
          subjectType: 'election',
          subjectId: sized.id,
          data: { purpose: 'delegates', congressId, branchId: a.branchId, seats: a.seats, method: sized.method, electorateSize: size },
        });
      }
      return created;
    });
  }

  /** A delegate's credential: a new random code each time (the previous one stops working); only its hash is kept. */
  async issueCredential(p: Principal, congressId: string): Promise<{ congressId: string; credentialCode: string }> {
    const memberId = requireMember(p);
    return this.ds.transaction(async (m) => {
      if (!(await this.congresses.load(m, congressId))) throw notFound();
      const delegate = await this.congresses.delegate(m, congressId, memberId);
      if (!delegate) throw electionError('forbidden', ElectionErrorCode.notADelegate, 'You are not an elected delegate to this congress.');
      const code = newCredentialCode();
      await this.congresses.setCredential(m, congressId, memberId, credentialHash(congressId, code));
      await this.audit.record(m, { actorId: memberId, action: 'delegate.credential-issued', subjectType: 'delegate', subjectId: memberId, data: { congressId } });
      return { congressId, credentialCode: code };
    });
  }

  /** A returning officer accredits the delegate who presents this credential. */
  async accredit(p: Principal, congressId: string, code: string): Promise<{ congressId: string; memberId: string; accredited: number; quorum: number; quorate: boolean }> {
    requireReturningOfficer(p);
    return this.ds.transaction(async (m) => {
      const congress = await this.congresses.load(m, congressId, true);
      if (!congress) throw notFound();
      const delegate = await this.congresses.delegateByCredential(m, congressId, credentialHash(congressId, code.trim().toUpperCase()));
      if (!delegate) throw electionError('not_found', ElectionErrorCode.credentialNotRecognized, 'This credential is not recognized for this congress. The delegate can issue a new one.');
      if (delegate.accreditedAt) throw electionError('conflict', ElectionErrorCode.alreadyAccredited, 'This delegate is already accredited.');
      await this.congresses.accredit(m, congressId, delegate.memberId, this.clock.now(), p.memberId);
      const accredited = await this.congresses.accreditedCount(m, congressId);
      await this.audit.record(m, { actorId: p.memberId, action: 'delegate.accredited', subjectType: 'delegate', subjectId: delegate.memberId, data: { congressId, accredited, quorum: congress.quorum } });
      return { congressId, memberId: delegate.memberId, accredited, quorum: congress.quorum, quorate: accredited >= congress.quorum };
    });
  }
}
