import type { BallotSetup, CandidacySnapshot, CountSetup, ElectionSnapshot } from '../domain';

export interface BallotPaper {
  /** For checking a cast ballot: candidate and slate keys (ids) in ballot order. */
  setup: BallotSetup;
  /** For counting: names in ballot order, slates by candidate number. */
  count: CountSetup;
  /** The candidates on the paper, in ballot order (number = index + 1). */
  listed: CandidacySnapshot[];
}

/**
 * The ballot paper of an election, built the same way for casting and for counting: the validly
 * nominated candidates in ballot-number order and, for a block vote, the slates (by name, then
 * id) with their candidates on this paper.
 */
export function ballotPaperOf(
  s: ElectionSnapshot,
  candidates: readonly CandidacySnapshot[],
  slates: readonly { id: string; name: string; candidateIds: string[] }[],
  quorum?: number,
): BallotPaper {
  const listed = candidates.filter((c) => c.status === 'nominated' && c.ballotNumber !== null).sort((a, b) => (a.ballotNumber as number) - (b.ballotNumber as number));
  const number = new Map(listed.map((c, i) => [c.id, i + 1] as const));
  const paperSlates =
    s.method === 'block-vote'
      ? [...slates]
          .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
          .map((sl) => ({ key: sl.id, candidates: sl.candidateIds.filter((id) => number.has(id)).sort((a, b) => number.get(a)! - number.get(b)!) }))
          .filter((sl) => sl.candidates.length > 0)
      : [];
  return {
    listed,
    setup: { method: s.method, seats: s.seats, candidates: listed.map((c) => c.id), slates: paperSlates },
    count: {
      title: s.purpose === 'motion' ? (s.motionText ?? s.title) : s.title,
      method: s.method,
      seats: s.seats,
      candidates: listed.map((c) => c.displayName),
      slates: paperSlates.map((sl) => sl.candidates.map((id) => number.get(id) as number)),
      motionThreshold: s.motionThreshold,
      quorum,
      withdrawn: listed.flatMap((c, i) => (c.withdrawnAfterOpening ? [i] : [])),
    },
  };
}
