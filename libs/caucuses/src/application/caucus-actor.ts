/**
 * Who acts, as the caucuses context knows them: the account, and the member it belongs to (if
 * any). Offices are deliberately absent: no office gives anything here.
 */
export interface CaucusActor {
  readonly accountId: string;
  readonly memberId: string | null;
  /** A member of the organization now (active, lapsed or suspended). */
  readonly isMember: boolean;
}
