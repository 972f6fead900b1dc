import { caucusError, CaucusErrorCode, membersOnly } from './caucus.errors';

export type CaucusStage = 'forming' | 'formed';

/** Limits on what a caucus's public face may hold (also checked by the request DTOs). */
export const CAUCUS_NAME_MAX = 120;
export const CAUCUS_PURPOSE_MAX = 2000;

/**
 * The statutes' values for caucuses. `formationThreshold`: how many members must sign a
 * formation request for the caucus to form; `countFloor`: below it, people outside the caucus
 * are told "fewer than N" instead of the exact count (so a small caucus's count cannot be matched
 * to the few people someone suspects).
 */
export interface CaucusRules {
  readonly formationThreshold: number;
  readonly countFloor: number;
}

export const DEFAULT_FORMATION_THRESHOLD = 5;
export const DEFAULT_COUNT_FLOOR = 5;

/** What everyone — members, officers, staff, the executive — may know of a caucus. */
export interface CaucusPublicFace {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  readonly stage: CaucusStage;
  readonly threshold: number;
  readonly formedAt: Date | null;
  readonly createdAt: Date;
}

/** A count as told to someone: exact, or only "fewer than `below`". */
export type Told = { readonly exact: number; readonly fewerThan: null } | { readonly exact: null; readonly fewerThan: number };

/**
 * How many belong to a caucus, as told to this person. Its members see the exact figure; anyone
 * else sees it only from the floor up (never the list of who).
 */
export function tellCount(count: number, askerIsMember: boolean, floor: number): Told {
  if (askerIsMember || count >= floor) return { exact: count, fewerThan: null };
  return { exact: null, fewerThan: floor };
}

/**
 * A caucus: a group of members with a public name and purpose. It forms when the members who
 * signed its formation request reach the threshold in force when it was proposed; from then on
 * it stays formed. Joining and leaving are each member's own act: no method here takes anybody
 * but the member who acts.
 */
export class Caucus {
  constructor(
    readonly face: CaucusPublicFace,
    /** The members now in it (signatories while it forms). Only its members are ever shown who. */
    private readonly members: ReadonlySet<string>,
  ) {}

  static propose(input: { name: string; purpose: string }, rules: CaucusRules): { name: string; purpose: string; threshold: number } {
    const name = input.name.trim();
    const purpose = input.purpose.trim();
    if (!name || name.length > CAUCUS_NAME_MAX) {
      throw caucusError('invalid', CaucusErrorCode.invalidCaucus, `A caucus needs a name of 1 to ${CAUCUS_NAME_MAX} characters.`, { field: 'name' });
    }
    if (!purpose || purpose.length > CAUCUS_PURPOSE_MAX) {
      throw caucusError('invalid', CaucusErrorCode.invalidCaucus, `A caucus needs a purpose of 1 to ${CAUCUS_PURPOSE_MAX} characters.`, { field: 'purpose' });
    }
    return { name, purpose, threshold: rules.formationThreshold };
  }

  get count(): number {
    return this.members.size;
  }

  has(memberId: string | null): boolean {
    return memberId !== null && this.members.has(memberId);
  }

  /** The member joins (or, while it forms, signs its formation request). Returns whether it forms now. */
  join(memberId: string): { formsNow: boolean } {
    if (this.members.has(memberId)) {
      throw caucusError('conflict', CaucusErrorCode.alreadyInCaucus, 'You already belong to this caucus.');
    }
    const formsNow = this.face.stage === 'forming' && this.members.size + 1 >= this.face.threshold;
    return { formsNow };
  }

  /**
   * The member leaves (or withdraws their signature). A formed caucus stays formed; a proposal
   * whose last signatory withdraws lapses (and its name is free again).
   */
  leave(memberId: string): { lapses: boolean } {
    if (!this.members.has(memberId)) {
      throw caucusError('conflict', CaucusErrorCode.notInCaucus, 'You do not belong to this caucus, so there is nothing to leave.');
    }
    return { lapses: this.face.stage === 'forming' && this.members.size === 1 };
  }

  /** Only members see the roster, the discussion and the votes; anybody else is refused. */
  assertMember(memberId: string | null): void {
    if (!this.has(memberId)) throw membersOnly();
  }

  /** Discussion and votes open once the caucus has formed. */
  assertFormed(): void {
    if (this.face.stage !== 'formed') {
      throw caucusError(
        'conflict',
        CaucusErrorCode.notYetFormed,
        `This caucus has not formed yet: it forms when ${this.face.threshold} members have signed its formation request. Its discussion and votes open then.`,
      );
    }
  }
}
