import { ElectionErrorCode, electionError } from '../election/election.errors';

export interface DelegateAllocation {
  branchId: string;
  seats: number;
}

export interface CongressSnapshot {
  id: string;
  title: string;
  /** The frozen roll the delegates were apportioned by (E4). */
  rollId: string;
  apportionmentId: string;
  delegateSeats: number;
  /** Accredited delegates needed for congress to decide anything. */
  quorum: number;
  opensOn: string;
  allocations: DelegateAllocation[];
  createdBy: string | null;
  createdAt: string;
}

/** Default quorum: a majority of the apportioned delegates. */
export const majorityOf = (seats: number): number => Math.floor(seats / 2) + 1;

/**
 * A congress: delegates apportioned to branches by the frozen roll, elected by their branches,
 * accredited on arrival; congress ballots have the accredited delegates as their electorate and
 * need a quorum of them.
 */
export class Congress {
  private constructor(private readonly s: CongressSnapshot) {}

  static fromSnapshot(s: CongressSnapshot): Congress {
    return new Congress({ ...s, allocations: s.allocations.map((a) => ({ ...a })) });
  }

  toSnapshot(): CongressSnapshot {
    return { ...this.s, allocations: this.s.allocations.map((a) => ({ ...a })) };
  }

  get id(): string {
    return this.s.id;
  }
  get quorum(): number {
    return this.s.quorum;
  }

  static create(x: Omit<CongressSnapshot, 'delegateSeats' | 'quorum' | 'createdAt'> & { quorum?: number | null }, now: Date): Congress {
    const title = x.title.trim();
    if (title.length < 3 || title.length > 200) throw electionError('invalid', ElectionErrorCode.invalidElection, 'The title must be 3 to 200 characters.', { field: 'title' });
    const delegateSeats = x.allocations.reduce((sum, a) => sum + a.seats, 0);
    if (delegateSeats < 1) throw electionError('unprocessable', ElectionErrorCode.invalidElection, 'The apportionment gives no delegate seats to any branch.');
    const quorum = x.quorum ?? majorityOf(delegateSeats);
    if (!Number.isInteger(quorum) || quorum < 1 || quorum > delegateSeats) {
      throw electionError('invalid', ElectionErrorCode.invalidElection, `The quorum must be a whole number from 1 to the ${delegateSeats} delegate seats.`, { field: 'quorum' });
    }
    return new Congress({ ...x, title, delegateSeats, quorum, createdAt: now.toISOString() });
  }

  /** Branches that elect delegates (those with at least one seat). */
  delegateElections(): DelegateAllocation[] {
    return this.s.allocations.filter((a) => a.seats > 0);
  }

  /** Congress decides nothing without a quorum of accredited delegates. */
  assertQuorate(accredited: number): void {
    if (accredited < this.s.quorum) {
      throw electionError(
        'unprocessable',
        ElectionErrorCode.congressNotQuorate,
        `Congress is not quorate: ${accredited} delegate${accredited === 1 ? ' is' : 's are'} accredited and the quorum is ${this.s.quorum}. Accredit more delegates before opening this ballot.`,
        { accredited, quorum: this.s.quorum },
      );
    }
  }
}
