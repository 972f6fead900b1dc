export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  memberId: string | null;
  branchId: string | null;
}

/** What the seed offers a contributor besides the demo logins. */
export interface DemoContext {
  /**
   * Moves the platform's clock (to replay something that began in the past; `null`: back to the
   * present). Absent when the platform's clock cannot be moved: the contributor then skips what
   * needs it.
   */
  travelTo?: (at: Date | null) => void;
}

/** A contributor may ask for more demo logins: one per (role, member), created by the seed. */
export interface DemoContribution {
  logins?: { role: string; memberId: string }[];
}

/** Extra demo data from a context (e.g. discipline cases), run once after the organization exists. */
export interface DemoContributor {
  contributeDemo(accounts: DemoAccount[], context: DemoContext): Promise<DemoContribution | void>;
}
