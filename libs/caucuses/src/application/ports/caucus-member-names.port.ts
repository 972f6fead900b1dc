/**
 * Names of members for a caucus's own roster and discussion, from the register (bound by the
 * composition to the membership context). It is asked about ids only, and tells nothing back to
 * the register: the roster itself never leaves this context's schema.
 */
export interface CaucusMemberName {
  readonly name: string;
  /** The member's status in the organization now (a former member is shown as such). */
  readonly status: string;
}

export abstract class CaucusMemberNames {
  abstract namesOf(memberIds: readonly string[]): Promise<ReadonlyMap<string, CaucusMemberName>>;
}
