import { ElectionErrorCode, electionError } from '../election/election.errors';

export type CandidacyStatus = 'pending' | 'nominated' | 'withdrawn';
export type NominatedBy = { kind: 'self' } | { kind: 'body'; bodyId: string };

export interface CandidacySnapshot {
  id: string;
  electionId: string;
  memberId: string;
  displayName: string;
  status: CandidacyStatus;
  nominatedBy: NominatedBy;
  slateId: string | null;
  ballotNumber: number | null;
  statement: string | null;
  /** Member ids of the members who nominated this candidate (never the candidate). */
  nominators: string[];
  createdAt: string;
  /** Withdrew after voting opened: still on the paper (same number), skipped on every ballot at the count. */
  withdrawnAfterOpening?: boolean;
}

/**
 * A candidacy. S2: a candidate stands by their own consent (self-nomination) and is validly
 * nominated once N members (default 3) have nominated them. A body may nominate only for seats
 * that are not independent: Control Commission and Appeals Committee candidates come from
 * members, never from a body.
 */
export class Candidacy {
  private constructor(private readonly s: CandidacySnapshot) {}

  static fromSnapshot(s: CandidacySnapshot): Candidacy {
    return new Candidacy({ ...s, nominators: [...s.nominators] });
  }

  toSnapshot(): CandidacySnapshot {
    return { ...this.s, nominators: [...this.s.nominators] };
  }

  get status(): CandidacyStatus {
    return this.s.status;
  }

  static selfNomination(x: { id: string; electionId: string; memberId: string; displayName: string; slateId: string | null; statement: string | null; nominatorsRequired: number }, now: Date): Candidacy {
    return new Candidacy({
      id: x.id,
      electionId: x.electionId,
      memberId: x.memberId,
      displayName: x.displayName,
      status: x.nominatorsRequired <= 0 ? 'nominated' : 'pending',
      nominatedBy: { kind: 'self' },
      slateId: x.slateId,
      ballotNumber: null,
      statement: x.statement,
      nominators: [],
      createdAt: now.toISOString(),
    });
  }

  /** A body's nomination (e.g. a CC resolution). Refused outright for independent seats (S2). */
  static bodyNomination(
    x: { id: string; electionId: string; memberId: string; displayName: string; bodyId: string; independentSeats: boolean; slateId: string | null },
    now: Date,
  ): Candidacy {
    if (x.independentSeats) {
      throw electionError(
        'unprocessable',
        ElectionErrorCode.nominationByBodyRefused,
        'Control Commission and Appeals Committee candidates are nominated by members, never by a body (statutes, S2). The candidate may nominate themself and gather member nominators.',
      );
    }
    return new Candidacy({
      id: x.id,
      electionId: x.electionId,
      memberId: x.memberId,
      displayName: x.displayName,
      status: 'nominated',
      nominatedBy: { kind: 'body', bodyId: x.bodyId },
      slateId: x.slateId,
      ballotNumber: null,
      statement: null,
      nominators: [],
      createdAt: now.toISOString(),
    });
  }

  /** A member nominates this candidate; the candidacy is valid once `required` have. */
  nominatedBy(nominatorId: string, required: number): Candidacy {
    if (this.s.status === 'withdrawn') throw electionError('conflict', ElectionErrorCode.candidateNotFound, 'This candidate has withdrawn.');
    if (nominatorId === this.s.memberId) {
      throw electionError('unprocessable', ElectionErrorCode.nominatorNotEligible, 'A candidate cannot be one of their own nominators: ask other members.');
    }
    if (this.s.nominators.includes(nominatorId)) throw electionError('conflict', ElectionErrorCode.alreadyNominator, 'You have already nominated this candidate.');
    const nominators = [...this.s.nominators, nominatorId];
    const status: CandidacyStatus = this.s.status === 'pending' && nominators.length >= required ? 'nominated' : this.s.status;
    return new Candidacy({ ...this.s, nominators, status });
  }

  withdraw(byMemberId: string): Candidacy {
    if (byMemberId !== this.s.memberId) throw electionError('forbidden', ElectionErrorCode.notYourCandidacy, 'Only the candidate can withdraw their candidacy.');
    if (this.s.status === 'withdrawn') throw electionError('conflict', ElectionErrorCode.wrongState, 'This candidacy is already withdrawn.');
    return new Candidacy({ ...this.s, status: 'withdrawn' });
  }
}

/** One seat a slate already fills: the election and the body it fills. */
export interface SlateEntry {
  electionId: string;
  bodyId: string | null;
  independentBody: boolean;
}

/**
 * E2 + S2: a slate is optional and may span several elections, but never mixes Control
 * Commission or Appeals Committee seats with any other body's seats.
 */
export function assertSlateMayInclude(existing: readonly SlateEntry[], added: SlateEntry): void {
  if (added.bodyId === null) throw electionError('unprocessable', ElectionErrorCode.mixedSlate, 'Only candidates for seats on a body can stand on a slate.');
  const all = [...existing, added];
  const independent = all.some((e) => e.independentBody);
  const bodies = new Set(all.map((e) => e.bodyId));
  if (independent && bodies.size > 1) {
    throw electionError(
      'unprocessable',
      ElectionErrorCode.mixedSlate,
      'A slate cannot fill Control Commission or Appeals Committee seats together with seats on any other body (statutes, S2). Stand for the commission on your own or on a slate for that body only.',
    );
  }
}
