import fc from 'fast-check';
import type { BallotProfile } from './ballot-profile.model';
import { profileFromBallots } from './ranking-groups.builder';

/** Small random ranked-ballot elections: 1–7 candidates, 1–8 seats, up to 40 ballot groups (ties are common). */
export function arbitraryElection(options: { maxCandidates?: number; maxBallots?: number } = {}): fc.Arbitrary<BallotProfile> {
  const maxCandidates = options.maxCandidates ?? 7;
  return fc
    .record({ candidates: fc.integer({ min: 1, max: maxCandidates }), seats: fc.integer({ min: 1, max: 8 }) })
    .chain(({ candidates, seats }) =>
      fc
        .array(
          fc.record({
            weight: fc.integer({ min: 1, max: 4 }),
            ranking: fc.shuffledSubarray(
              Array.from({ length: candidates }, (_, c) => c),
              { minLength: 1 },
            ),
          }),
          { maxLength: options.maxBallots ?? 40 },
        )
        .map((ballots) => profileFromBallots({ candidates: Array.from({ length: candidates }, (_, c) => `C${c + 1}`), seats, ballots })),
    );
}
