import { Timestamp, normalizeTimestamp } from '../case/calendar';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { MemberId, SealedRef } from '../case/identifiers';

export type ChallengerRole = 'complainant' | 'respondent';

export interface ChallengeVote {
  readonly memberId: MemberId;
  readonly uphold: boolean;
  readonly at: Timestamp;
}

export interface ChallengeDecision {
  readonly upheld: boolean;
  readonly at: Timestamp;
  readonly votesToUphold: number;
  readonly votesToReject: number;
  readonly deciders: number;
}

/**
 * A party's challenge of a panelist (S3): lodged with reasons the domain does not read, decided
 * by the *other* panelists (the challenged one never votes on it).
 */
export interface PanelChallenge {
  readonly id: string;
  readonly panelistId: MemberId;
  readonly challenger: ChallengerRole;
  readonly grounds: SealedRef;
  readonly lodgedAt: Timestamp;
  /** The other seated panelists at the time; shrinks if one of them leaves the panel. */
  readonly deciders: readonly MemberId[];
  readonly votes: readonly ChallengeVote[];
  readonly decision: ChallengeDecision | null;
}

export function lodgeChallenge(input: {
  id: string;
  panelistId: MemberId;
  challenger: ChallengerRole;
  grounds: SealedRef;
  seatedPanelists: readonly MemberId[];
  at: Timestamp;
}): PanelChallenge {
  if (!input.seatedPanelists.includes(input.panelistId)) {
    throw caseError('unprocessable', CaseErrorCode.ChallengeNotAllowed, 'Only a seated panelist can be challenged.');
  }
  if (!input.grounds) {
    throw caseError('invalid', CaseErrorCode.ChallengeNotAllowed, 'A challenge needs reasons; state why the panelist should stand down.');
  }
  const at = normalizeTimestamp(input.at);
  return settle({
    id: input.id,
    panelistId: input.panelistId,
    challenger: input.challenger,
    grounds: input.grounds,
    lodgedAt: at,
    deciders: input.seatedPanelists.filter((m) => m !== input.panelistId),
    votes: [],
    decision: null,
  }, at);
}

/**
 * A decider's vote. The challenge is decided as soon as the outcome can no longer change:
 * upheld when at least half of the deciders vote to uphold (a tie removes the panelist — doubt
 * about impartiality is resolved in favour of a fresh draw), rejected when more than half vote
 * to reject. With no other panelist to decide, a challenge is upheld.
 */
export function castChallengeVote(
  challenge: PanelChallenge,
  voter: MemberId,
  uphold: boolean,
  at: Timestamp,
): PanelChallenge {
  if (challenge.decision) {
    throw caseError('conflict', CaseErrorCode.ChallengeAlreadyDecided, 'This challenge has already been decided.');
  }
  if (!challenge.deciders.includes(voter)) {
    throw caseError(
      'forbidden',
      CaseErrorCode.NotAChallengeDecider,
      'Only the other panelists of this case decide a challenge; the challenged panelist does not vote.',
    );
  }
  if (challenge.votes.some((v) => v.memberId === voter)) {
    throw caseError('conflict', CaseErrorCode.ChallengeAlreadyDecided, 'You have already voted on this challenge.');
  }
  const when = normalizeTimestamp(at);
  return settle({ ...challenge, votes: [...challenge.votes, { memberId: voter, uphold, at: when }] }, when);
}

/** A decider left the panel before voting: the challenge is decided by those who remain. */
export function withoutDecider(challenge: PanelChallenge, memberId: MemberId, at: Timestamp): PanelChallenge {
  if (challenge.decision || !challenge.deciders.includes(memberId)) return challenge;
  if (challenge.votes.some((v) => v.memberId === memberId)) return challenge;
  return settle({ ...challenge, deciders: challenge.deciders.filter((m) => m !== memberId) }, normalizeTimestamp(at));
}

function settle(challenge: PanelChallenge, at: Timestamp): PanelChallenge {
  if (challenge.decision) return challenge;
  const n = challenge.deciders.length;
  const yes = challenge.votes.filter((v) => v.uphold).length;
  const no = challenge.votes.length - yes;
  const upheld = 2 * yes >= n;
  const rejected = 2 * no > n;
  if (!upheld && !rejected) return challenge;
  return {
    ...challenge,
    decision: { upheld, at, votesToUphold: yes, votesToReject: no, deciders: n },
  };
}
