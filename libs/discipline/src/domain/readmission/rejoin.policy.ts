import { SanctionEffects, RestrictedRight, restrictionsActiveAt } from '../finding/sanction-effects.value-object';
import { Timestamp, isBefore, timestamp } from '../finding/time';
import { ExpulsionRecord, ReadmissionDecisionSnapshot } from './readmission-decision.entity';
import { ReadmissionErrorCode, readmissionError } from './readmission.errors';

/**
 * Whether an application to rejoin may go ahead (S9). A person whose latest expulsion has no
 * later `readmit` decision of the Control Commission is refused, whatever else is true of them
 * (time passed, subs paid, a new branch, a new email address: the application layer matches by
 * member identity). Returns the decision that allows it, or `null` if they were never expelled.
 */
export function assertMayRejoin(input: {
  readonly memberId: string;
  readonly expulsions: readonly ExpulsionRecord[];
  readonly decisions: readonly ReadmissionDecisionSnapshot[];
}): { readonly decisionId: string } | null {
  const theirs = input.expulsions
    .filter((e) => e.memberId === input.memberId)
    .sort((a, b) => Date.parse(timestamp(a.finalAt)) - Date.parse(timestamp(b.finalAt)));
  if (theirs.length === 0) return null;
  const latest = theirs[theirs.length - 1];
  const decision = input.decisions.find(
    (d) =>
      d.memberId === input.memberId &&
      d.expulsionFindingId === latest.findingId &&
      d.outcome === 'readmit' &&
      !isBefore(d.decidedAt, latest.finalAt),
  );
  if (!decision) {
    throw readmissionError(
      'forbidden',
      ReadmissionErrorCode.DecisionRequired,
      'This application cannot go ahead: a person who was expelled can rejoin only after a readmission decision of the Control Commission. Contact the commission to ask for one.',
    );
  }
  return { decisionId: decision.decisionId };
}

export interface StandingUnderSanction {
  /** True when no sanction blocks the member and their subs are paid up. */
  readonly inGoodStanding: boolean;
  /** A final sanction removes rights at this moment (whatever the subs). */
  readonly blockedBySanction: boolean;
  readonly restrictions: readonly RestrictedRight[];
  /** When the sanction's restrictions end; `null` = not blocked, or only a readmission decision ends them. */
  readonly restrictedUntil: Timestamp | null;
}

/**
 * A member's standing at `asOf` under their final sanctions (S9). Subs matter only once no
 * sanction blocks the member: paying subs during a suspension (even years ahead) neither
 * shortens it nor restores standing, and nothing paid ends an expulsion. `subsPaidUpTo` is the
 * end of the period their subs cover (from the dues context), `null` if none.
 */
export function standingUnderSanction(input: {
  readonly sanctions: readonly SanctionEffects[];
  readonly subsPaidUpTo: Timestamp | null;
  readonly asOf: Timestamp;
}): StandingUnderSanction {
  const asOf = timestamp(input.asOf, 'asOf');
  const active = input.sanctions.filter((e) => restrictionsActiveAt(e, asOf).length > 0);
  const restrictions = [...new Set(active.flatMap((e) => restrictionsActiveAt(e, asOf)))];
  const blocked = active.length > 0;
  const restrictedUntil = !blocked
    ? null
    : active.some((e) => e.restrictedUntil === null)
      ? null
      : active.map((e) => e.restrictedUntil as Timestamp).sort().at(-1)!;
  const subsCurrent = input.subsPaidUpTo !== null && !isBefore(timestamp(input.subsPaidUpTo, 'subsPaidUpTo'), asOf);
  return { inGoodStanding: !blocked && subsCurrent, blockedBySanction: blocked, restrictions, restrictedUntil };
}

/**
 * A `readmit` decision ends the restrictions of the expulsion it concerns at the moment it was
 * decided; the record of the expulsion itself stays. Refused for any other decision or member.
 */
export function effectsAfterReadmission(effects: SanctionEffects, decision: ReadmissionDecisionSnapshot): SanctionEffects {
  if (!effects.expelled || effects.memberId !== decision.memberId) {
    throw readmissionError('invalid', ReadmissionErrorCode.NotExpelled, 'This readmission decision does not concern this expulsion.');
  }
  if (decision.outcome !== 'readmit') {
    throw readmissionError('forbidden', ReadmissionErrorCode.DecisionRequired, 'Only a decision to readmit ends an expulsion’s effects.');
  }
  return { ...effects, restrictedUntil: timestamp(decision.decidedAt, 'The decision date') };
}
