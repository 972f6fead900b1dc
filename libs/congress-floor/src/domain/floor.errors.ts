import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError, type DomainErrorKind } from '@org/kernel';

/**
 * Error codes owned by the congress floor. `api/floor-error.filter.ts` maps each to a status,
 * with an exhaustiveness check.
 */
export const FloorErrorCode = {
  congressNotFound: 'congress_not_found',
  floorNotOpen: 'floor_not_open',
  floorAlreadyOpen: 'floor_already_open',
  agendaItemNotFound: 'agenda_item_not_found',
  motionNotFound: 'motion_not_found',
  amendmentNotFound: 'amendment_not_found',
  voteNotFound: 'vote_not_found',
  notAFloorOfficer: 'not_a_floor_officer',
  notTheSubmitter: 'not_the_submitter',
  mayNotSubmitFor: 'may_not_submit_for',
  deadlinePassed: 'submission_deadline_passed',
  motionWrongStage: 'motion_wrong_stage',
  notEnoughSeconders: 'not_enough_seconders',
  alreadySeconded: 'already_seconded',
  cannotSecondOwn: 'cannot_second_own_motion',
  refusalNeedsReason: 'refusal_needs_reason',
  invalidAmendment: 'invalid_amendment',
  invalidMotion: 'invalid_motion',
  invalidStandingOrders: 'invalid_standing_orders',
  invalidAgendaItem: 'invalid_agenda_item',
  amendmentWrongStage: 'amendment_wrong_stage',
  amendmentsPending: 'amendments_pending',
  notADelegate: 'not_an_accredited_delegate',
  alreadyOnList: 'already_on_speakers_list',
  nobodyWaiting: 'nobody_waiting',
  speakerNotFound: 'speaker_not_found',
  voteOpenAlready: 'vote_already_open',
  voteClosed: 'vote_closed',
  alreadyVoted: 'already_voted',
  blockedByRestriction: 'blocked_by_restriction',
  compositeNotFound: 'composite_not_found',
  noQuorum: 'no_quorum',
  invalidComposite: 'invalid_composite',
  compositePending: 'composite_pending',
  compositeDecided: 'composite_decided',
  emergencyNeedsReason: 'emergency_needs_reason',
  notAnEmergency: 'not_an_emergency',
  compositeNeedsAllMovers: 'composite_needs_all_movers',
} as const;
export type FloorErrorCode = (typeof FloorErrorCode)[keyof typeof FloorErrorCode];

export const floorError = (kind: DomainErrorKind, code: FloorErrorCode, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(kind, code, message, details);

/** S5: a restriction is answered with the one confidential message — never which, never why. */
export const restrictionRefusal = (): DomainError => new DomainError('forbidden', FloorErrorCode.blockedByRestriction, CONFIDENTIAL_RESTRICTION_MESSAGE);
