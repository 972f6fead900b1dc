/** One branch's electors and voters, as counted (before suppression). */
export interface BranchParticipation {
  branchId: string | null;
  branchName: string;
  electors: number;
  voted: number;
}

/** A published count: the number, or "fewer than N" when it is below the threshold. */
export type SuppressedCount = { value: number } | { fewerThan: number };

export interface BranchTurnout {
  branchId: string | null;
  branchName: string;
  electors: SuppressedCount;
  /** Withheld as "fewer than N" when the voters, or the electors who did not vote, are fewer than N. */
  voted: SuppressedCount;
  /** Percentage (one decimal), only when `voted` is published. */
  percent: number | null;
}

/**
 * Turnout per branch with small-cell suppression: no published figure is below `threshold`, and a
 * branch's voters are withheld too when those who did not vote are fewer than the threshold (in a
 * branch of 12 with 11 voters, "11 of 12" would all but name the one who stayed home).
 */
export function turnoutByBranch(rows: readonly BranchParticipation[], threshold: number): BranchTurnout[] {
  const cell = (n: number): SuppressedCount => (n < threshold ? { fewerThan: threshold } : { value: n });
  return [...rows]
    .sort((a, b) => a.branchName.localeCompare(b.branchName) || String(a.branchId).localeCompare(String(b.branchId)))
    .map((r) => {
      const shown = r.voted >= threshold && r.electors - r.voted >= threshold;
      return {
        branchId: r.branchId,
        branchName: r.branchName,
        electors: cell(r.electors),
        voted: shown ? { value: r.voted } : { fewerThan: threshold },
        percent: shown && r.electors > 0 ? Math.round((1000 * r.voted) / r.electors) / 10 : null,
      };
    });
}
