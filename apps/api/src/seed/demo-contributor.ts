export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  memberId: string | null;
  branchId: string | null;
}

/** Extra demo data from a context (e.g. discipline cases), run once after the organization exists. */
export interface DemoContributor {
  contributeDemo(accounts: DemoAccount[]): Promise<void>;
}
