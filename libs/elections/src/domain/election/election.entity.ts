import { ElectionErrorCode, electionError } from './election.errors';

import { isRankedMethod, type ElectionMethod, type MotionThreshold } from '../ballot/election-methods';

export { ELECTION_METHODS, type ElectionMethod, type MotionThreshold } from '../ballot/election-methods';

export const ELECTION_STATUSES = ['draft', 'nominations', 'voting', 'closed', 'certified', 'published'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];

/** `body`: fills seats of a body (mandates on certification); `delegates`: a branch's congress delegates; `motion`: yes/no/abstain. */
export type ElectionPurpose = 'body' | 'delegates' | 'motion';

/** Who votes: the whole organization, one branch, or a congress (its accredited delegates). */
export type ElectionScope = { kind: 'organization' } | { kind: 'branch'; branchId: string } | { kind: 'congress'; congressId: string };

/**
 * Where the electorate comes from (E4): a roll frozen by the membership context, a roll this
 * context freezes itself as of a date, or a congress's accredited delegates (frozen when voting opens).
 */
export type ElectorateSource = { kind: 'roll'; rollId: string } | { kind: 'freeze'; asOf: string } | { kind: 'delegates' };

/** The mandate a recall motion would end. */
export interface RecallTarget {
  mandateId: string;
  /** The mandate is current (not ended, not yet to start) on the day the recall is set up. */
  current: boolean;
  /** CCom / Appeals (S2): only a membership-wide ballot or congress may recall them. */
  independentBody: boolean;
  /** The body's branch (a branch committee), null for national bodies. */
  bodyBranchId: string | null;
}

/** Values the statutes set (configured once for the organization, never per election). */
export interface ElectionStatutes {
  /** E1: nominations must have been open this many days before an acclamation (default 14). */
  nominationPeriodDays: number;
  /** S2: member nominators a candidate needs besides their own consent (default 3). */
  nominatorsRequired: number;
  /** E3: below this many electors, individual ballots are not published (default 20). */
  minimumPublishedElectorate: number;
}

export const DEFAULT_STATUTES: ElectionStatutes = { nominationPeriodDays: 14, nominatorsRequired: 3, minimumPublishedElectorate: 20 };

export interface ElectionSnapshot {
  id: string;
  title: string;
  purpose: ElectionPurpose;
  scope: ElectionScope;
  /** The congress a delegate election sends delegates to, or whose delegates vote. */
  congressId: string | null;
  bodyId: string | null;
  bodyKind: string | null;
  /** CCom / Appeals (S2): filled only by their own contested elections. */
  independentBody: boolean;
  seats: number;
  method: ElectionMethod;
  motionText: string | null;
  motionThreshold: MotionThreshold | null;
  /** A recall (S2): the mandate a carried motion ends, in the certifying transaction. */
  recallMandateId: string | null;
  status: ElectionStatus;
  electorate: ElectorateSource;
  electorateSize: number;
  termStartsOn: string | null;
  termEndsOn: string | null;
  nominationsOpenedAt: string | null;
  votingOpenedAt: string | null;
  votingClosesAt: string | null;
  closedAt: string | null;
  certifiedAt: string | null;
  publishedAt: string | null;
  acclaimed: boolean;
  tieBreakSeed: string | null;
  /** The published seed the candidates' order on the ballot paper was drawn from (`ballotOrder`), set when voting opens (or at an acclamation). */
  ballotOrderSeed: string | null;
  ballotsHash: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface NewElection {
  id: string;
  title: string;
  purpose: ElectionPurpose;
  scope: ElectionScope;
  congressId?: string | null;
  bodyId?: string | null;
  bodyKind?: string | null;
  independentBody?: boolean;
  /** For a body election: the body's branch (a branch committee), null for national bodies. */
  bodyBranchId?: string | null;
  seats: number;
  method: ElectionMethod;
  motionText?: string | null;
  motionThreshold?: MotionThreshold | null;
  /** A recall motion: the mandate it would end, and the body that mandate is on. */
  recall?: RecallTarget | null;
  electorate: ElectorateSource;
  termStartsOn?: string | null;
  termEndsOn?: string | null;
  createdBy: string | null;
}

const DAY_MS = 86_400_000;

const invalid = (message: string, field?: string) => electionError('invalid', ElectionErrorCode.invalidElection, message, field ? { field } : undefined);

const wrongState = (status: ElectionStatus, action: string, expected: ElectionStatus[]) =>
  electionError('conflict', ElectionErrorCode.wrongState, `The election is ${status}; ${action} only when it is ${expected.join(' or ')}.`, { status, expected });

/**
 * An election: its set-up and its life cycle draft → nominations → voting → closed → certified
 * → published (a motion skips nominations; an acclamation goes from nominations to certified).
 * Pure: every transition returns a new snapshot or throws a `DomainError` with a code.
 */
export class Election {
  private constructor(private readonly s: ElectionSnapshot) {}

  static fromSnapshot(s: ElectionSnapshot): Election {
    return new Election({ ...s });
  }

  toSnapshot(): ElectionSnapshot {
    return { ...this.s };
  }

  get id(): string {
    return this.s.id;
  }
  get status(): ElectionStatus {
    return this.s.status;
  }
  get method(): ElectionMethod {
    return this.s.method;
  }
  get seats(): number {
    return this.s.seats;
  }
  get isRanked(): boolean {
    return isRankedMethod(this.s.method);
  }
  get isMotion(): boolean {
    return this.s.purpose === 'motion';
  }

  static create(x: NewElection, now: Date): Election {
    const title = x.title.trim();
    if (title.length < 3 || title.length > 200) throw invalid('The title must be 3 to 200 characters.', 'title');
    if (!Number.isInteger(x.seats) || x.seats < 1 || x.seats > 500) throw invalid('Seats must be a whole number from 1 to 500.', 'seats');
    const congressId = x.scope.kind === 'congress' ? x.scope.congressId : (x.congressId ?? null);
    if (x.purpose === 'motion') {
      if (x.method !== 'motion') throw invalid('A motion is voted yes / no / abstain: use the method "motion".', 'method');
      if (!x.motionText || x.motionText.trim().length < 3) throw invalid('A motion needs its text.', 'motionText');
      if (x.seats !== 1) throw invalid('A motion has one "seat" (carried or not).', 'seats');
    } else if (x.method === 'motion') {
      throw invalid('The method "motion" is for motions and recalls, not for filling seats.', 'method');
    }
    if (x.method === 'plurality' && x.seats !== 1) throw invalid('Plurality elects one seat; for several seats use STV, approval or block vote.', 'method');
    if (x.purpose === 'body') {
      if (!x.bodyId) throw invalid('An election to a body names the body.', 'bodyId');
      const branchBody = x.bodyBranchId ?? null;
      if (branchBody && !(x.scope.kind === 'branch' && x.scope.branchId === branchBody)) {
        throw invalid("A branch committee is elected by its own branch: use the branch scope with that branch's id.", 'scope');
      }
      if (!branchBody && x.scope.kind === 'branch') throw invalid('A national body is elected by the organization or by congress, not by one branch.', 'scope');
    }
    if (x.purpose === 'delegates') {
      if (x.scope.kind !== 'branch' || !congressId) throw invalid('A delegate election belongs to a congress and a branch.', 'scope');
    }
    if (x.recall) Election.assertRecallScope(x.purpose, x.scope, x.recall);
    if (x.scope.kind === 'congress' && x.electorate.kind !== 'delegates') throw invalid("A congress ballot's electorate is the congress's accredited delegates.", 'electorate');
    if (x.scope.kind !== 'congress' && x.electorate.kind === 'delegates') throw invalid('Only a congress ballot has the delegates as its electorate.', 'electorate');
    if (x.electorate.kind === 'freeze' && x.electorate.asOf > now.toISOString().slice(0, 10)) {
      throw invalid('The electorate can be frozen only as of today or an earlier date.', 'electorate.asOf');
    }
    if (x.termStartsOn && x.termEndsOn && x.termEndsOn <= x.termStartsOn) throw invalid('The term must end after it starts.', 'termEndsOn');
    return new Election({
      id: x.id,
      title,
      purpose: x.purpose,
      scope: x.scope,
      congressId,
      bodyId: x.purpose === 'body' ? (x.bodyId ?? null) : null,
      bodyKind: x.purpose === 'body' ? (x.bodyKind ?? null) : null,
      independentBody: x.purpose === 'body' && (x.independentBody ?? false),
      seats: x.seats,
      method: x.method,
      motionText: x.purpose === 'motion' ? (x.motionText ?? '').trim() : null,
      motionThreshold: x.purpose === 'motion' ? (x.motionThreshold ?? 'simple') : null,
      recallMandateId: x.recall?.mandateId ?? null,
      status: 'draft',
      electorate: x.electorate,
      electorateSize: 0,
      termStartsOn: x.termStartsOn ?? null,
      termEndsOn: x.termEndsOn ?? null,
      nominationsOpenedAt: null,
      votingOpenedAt: null,
      votingClosesAt: null,
      closedAt: null,
      certifiedAt: null,
      publishedAt: null,
      acclaimed: false,
      tieBreakSeed: null,
      ballotOrderSeed: null,
      ballotsHash: null,
      createdBy: x.createdBy,
      createdAt: now.toISOString(),
    });
  }

  /**
   * Who may recall whom (S2): a recall is a motion; the mandate must be current; a Control
   * Commission or Appeals Committee mandate is recalled only by the whole membership or by
   * congress (the electing bodies), never by one branch; a branch committee's mandate by its own
   * branch or the whole membership; any other national body's by the membership or congress.
   */
  private static assertRecallScope(purpose: ElectionPurpose, scope: ElectionScope, recall: RecallTarget): void {
    if (purpose !== 'motion') throw invalid('A recall is a motion (yes / no / abstain): use the purpose "motion".', 'recallMandateId');
    if (!recall.current) throw invalid('This mandate is not current: only a mandate that is running can be recalled.', 'recallMandateId');
    if (recall.independentBody) {
      if (scope.kind === 'branch') {
        throw invalid('A Control Commission or Appeals Committee mandate can be recalled only by a membership-wide ballot or by congress, never by one branch.', 'scope');
      }
      return;
    }
    if (recall.bodyBranchId) {
      if (scope.kind === 'branch' && scope.branchId !== recall.bodyBranchId) throw invalid("A branch committee's mandate is recalled by its own branch (or the whole membership).", 'scope');
      if (scope.kind === 'congress') throw invalid("A branch committee's mandate is recalled by its own branch or the whole membership, not by congress.", 'scope');
      return;
    }
    if (scope.kind === 'branch') throw invalid("A national body's mandate is recalled by the whole membership or by congress, not by one branch.", 'scope');
  }

  /** A returning officer who stands in this election does not run it. */
  assertRunBy(memberId: string | null, candidateMemberIds: readonly string[]): void {
    if (memberId && candidateMemberIds.includes(memberId)) {
      throw electionError(
        'forbidden',
        ElectionErrorCode.returningOfficerIsCandidate,
        'You are a candidate in this election, so you cannot act as its returning officer. Another member of the Elections Committee must run it.',
      );
    }
  }

  withElectorateSize(n: number): Election {
    return new Election({ ...this.s, electorateSize: n });
  }

  openNominations(now: Date): Election {
    if (this.isMotion) throw electionError('conflict', ElectionErrorCode.wrongState, 'A motion has no nominations: open voting directly.');
    if (this.s.status !== 'draft') throw wrongState(this.s.status, 'nominations open', ['draft']);
    return new Election({ ...this.s, status: 'nominations', nominationsOpenedAt: now.toISOString() });
  }

  assertAcceptsNominations(): void {
    if (this.s.status !== 'nominations') {
      throw electionError('conflict', ElectionErrorCode.nominationsClosed, `Nominations are not open (the election is ${this.s.status}).`, { status: this.s.status });
    }
  }

  /** The first moment an acclamation is possible (E1), or null before nominations opened. */
  acclamationPossibleFrom(statutes: ElectionStatutes): Date | null {
    if (!this.s.nominationsOpenedAt) return null;
    return new Date(Date.parse(this.s.nominationsOpenedAt) + statutes.nominationPeriodDays * DAY_MS);
  }

  /**
   * E1 — no rubber stamps: elected unopposed only when nominations have been open for the
   * statutory period and there are no more candidates than seats. S2: the Control Commission
   * and the Appeals Committee are always filled by a secret ballot.
   */
  acclaim(now: Date, nominatedCandidates: number, statutes: ElectionStatutes): Election {
    if (this.s.status !== 'nominations') throw wrongState(this.s.status, 'an acclamation is possible', ['nominations']);
    if (this.s.independentBody) {
      throw electionError(
        'unprocessable',
        ElectionErrorCode.acclamationNotAllowed,
        'Control Commission and Appeals Committee seats are filled only by a secret ballot (statutes, S2), never by acclamation. Open voting.',
      );
    }
    if (nominatedCandidates < 1) throw electionError('unprocessable', ElectionErrorCode.noCandidates, 'Nobody has been validly nominated, so nobody can be declared elected.');
    const from = this.acclamationPossibleFrom(statutes) as Date;
    if (now.getTime() < from.getTime()) {
      throw electionError(
        'unprocessable',
        ElectionErrorCode.acclamationTooEarly,
        `Acclamation needs nominations to have been open for ${statutes.nominationPeriodDays} days (statutes, E1). They opened on ${this.s.nominationsOpenedAt!.slice(0, 10)}, so not before ${from.toISOString()}. Wait until then, or hold a secret ballot: open voting.`,
        { possibleFrom: from.toISOString(), nominationPeriodDays: statutes.nominationPeriodDays },
      );
    }
    if (nominatedCandidates > this.s.seats) {
      throw electionError(
        'unprocessable',
        ElectionErrorCode.acclamationNeedsBallot,
        `There are ${nominatedCandidates} candidates for ${this.s.seats} seat${this.s.seats === 1 ? '' : 's'}: the members must choose by secret ballot (statutes, E1). Open voting.`,
        { candidates: nominatedCandidates, seats: this.s.seats },
      );
    }
    const at = now.toISOString();
    return new Election({ ...this.s, status: 'certified', acclaimed: true, closedAt: at, certifiedAt: at });
  }

  /**
   * The candidates' order on the paper is drawn by lot from this seed (never alphabetical), once:
   * it is fixed before the first ballot and published with the election.
   */
  withBallotOrderSeed(seed: string): Election {
    if (this.s.ballotOrderSeed !== null) return this;
    return new Election({ ...this.s, ballotOrderSeed: seed });
  }

  openVoting(now: Date, closesAt: Date, nominatedCandidates: number): Election {
    const from: ElectionStatus[] = this.isMotion ? ['draft'] : ['nominations'];
    if (!from.includes(this.s.status)) throw wrongState(this.s.status, 'voting opens', from);
    if (!this.isMotion && nominatedCandidates < 1) {
      throw electionError('unprocessable', ElectionErrorCode.noCandidates, 'Nobody has been validly nominated: there is nothing to vote on. Keep nominations open.');
    }
    if (closesAt.getTime() <= now.getTime()) throw invalid('Voting must close in the future.', 'closesAt');
    return new Election({ ...this.s, status: 'voting', votingOpenedAt: now.toISOString(), votingClosesAt: closesAt.toISOString() });
  }

  /** A ballot is accepted only while voting is open and before the announced closing time. */
  assertAcceptsBallot(now: Date): void {
    const closes = this.s.votingClosesAt ? Date.parse(this.s.votingClosesAt) : 0;
    if (this.s.status !== 'voting' || now.getTime() >= closes) {
      throw electionError('conflict', ElectionErrorCode.votingClosed, 'Voting is not open for this election: no ballot can be cast now.', { status: this.s.status });
    }
  }

  /** Closes the poll; the hash of the ballot list is committed here, before any count. */
  close(now: Date, ballotsHash: string, tieBreakSeed: string): Election {
    if (this.s.status !== 'voting') throw wrongState(this.s.status, 'the poll can be closed', ['voting']);
    if (now.getTime() < Date.parse(this.s.votingClosesAt as string)) {
      throw electionError(
        'conflict',
        ElectionErrorCode.votingStillOpen,
        `Voting was announced to stay open until ${this.s.votingClosesAt}; the poll cannot be closed before then.`,
        { votingClosesAt: this.s.votingClosesAt },
      );
    }
    return new Election({ ...this.s, status: 'closed', closedAt: now.toISOString(), ballotsHash, tieBreakSeed });
  }

  certify(now: Date): Election {
    if (this.s.status !== 'closed') throw wrongState(this.s.status, 'the result can be certified', ['closed']);
    return new Election({ ...this.s, status: 'certified', certifiedAt: now.toISOString() });
  }

  publish(now: Date): Election {
    if (this.s.status !== 'certified') throw wrongState(this.s.status, 'the result can be published', ['certified']);
    return new Election({ ...this.s, status: 'published', publishedAt: now.toISOString() });
  }

  /** E3: individual ballots are published only for an electorate large enough not to identify anyone. */
  publishesIndividualBallots(statutes: ElectionStatutes): boolean {
    return this.s.electorateSize >= statutes.minimumPublishedElectorate;
  }

  /** The term of office a certified seat carries. */
  term(today: string): { startsOn: string; endsOn: string | null } {
    return { startsOn: this.s.termStartsOn ?? today, endsOn: this.s.termEndsOn };
  }
}
