/**
 * The vote-counting engine: pure functions from ballots to results, no framework. See
 * `libs/elections/COUNTING.md` for how each method works and which rules it follows.
 */
export type { BallotProfile, RankedBallot } from './ballot-profile.model';
export { profileFingerprint, rankingOf, standingCandidates } from './ballot-profile.model';
export { profileFromBallots, RankingGroupsBuilder } from './ranking-groups.builder';
export { parseBlt } from './blt.parser';
export type { BltParseOptions } from './blt.parser';
export { writeBlt } from './blt.writer';
export type { CountMethod, CountResult, CountStage, StageAction, TieBreak } from './count-result.model';
export { CountingErrorCode } from './counting.errors';
export { formatUnits, parseUnits } from './fixed-point.arithmetic';
export { countScottishStv } from './scottish-stv.counter';
export type { ScottishStvOptions } from './scottish-stv.counter';
export { countMeekStv } from './meek-stv.counter';
export { checkMinimums, minimumsMet } from './representation-minimum';
export type { RepresentationMinimum } from './representation-minimum';
export { stageTable } from './stage-table';
export { countback, countbackMinimums, nextHighest, runnersUp, VACANCY_RULES, withCandidatesWithdrawn } from './vacancy';
export type { VacancyFilling, VacancyRule } from './vacancy';
export type { MeekStvOptions } from './meek-stv.counter';
export { countPlurality } from './plurality.counter';
export type { PluralityElection } from './plurality.counter';
export { countApproval } from './approval.counter';
export type { ApprovalElection } from './approval.counter';
export { countMotion } from './motion.counter';
export type { MotionChoice, MotionResult, MotionThreshold, MotionVote } from './motion.counter';
export { countBlockVote } from './block-vote.counter';
export type { BlockVoteElection, BlockVoteResult } from './block-vote.counter';
export { checkBlockVoteSetup, resolveBlockVoteBallot } from '../ballots/block-vote-ballot.model';
export type { BlockVoteBallot, BlockVoteSetup, Slate } from '../ballots/block-vote-ballot.model';
export { TieBreaker } from './tie-break.policy';
