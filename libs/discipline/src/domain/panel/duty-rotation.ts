import { MemberId } from '../case/identifiers';
import { RecusalOutcome } from '../recusal/recusal.types';

export interface DutyAssignment {
  readonly memberId: MemberId;
  /** Position in the id-ordered list of all commissioners; pass it back as `lastDutyIndex` next time. */
  readonly index: number;
}

/**
 * The duty commissioner for a new case: round-robin over the commissioners ordered by id,
 * starting after the last duty index, skipping anyone the case's recusal does not clear (a
 * skipped commissioner loses that turn). Deterministic: same inputs, same answer. `null` when
 * no commissioner is cleared — the case then goes to the Appeals Committee's ad-hoc route.
 *
 * The index refers to the sorted list of every commissioner assessed (eligible or not), so a
 * conflict in one case does not shift the rotation for the others.
 */
export function nextDutyCommissioner(recusal: RecusalOutcome, lastDutyIndex: number | null): DutyAssignment | null {
  const commissioners = recusal.assessments
    .filter((a) => a.seat === 'commissioner')
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  const n = commissioners.length;
  if (n === 0) return null;
  const start = lastDutyIndex === null || !Number.isInteger(lastDutyIndex) ? 0 : (((lastDutyIndex + 1) % n) + n) % n;
  for (let step = 0; step < n; step++) {
    const index = (start + step) % n;
    if (commissioners[index].eligible) return { memberId: commissioners[index].memberId, index };
  }
  return null;
}
