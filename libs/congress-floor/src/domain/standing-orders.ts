import { floorError, FloorErrorCode } from './floor.errors';

/** How a congress orders its speakers' lists (set by the congress in its standing orders). */
export const ALTERNATION_RULES = {
  none: 'In the order members asked to speak.',
  'alternate-lists':
    'Two lists, alternating: the reserved list (for example women and non-binary members, as the congress defines it — each speaker says which list they ask on; the member record holds no gender) and the open list.',
  'first-time-first': 'Members who have not yet spoken at this congress go before those who have, in the order they asked.',
} as const;
export type AlternationRule = keyof typeof ALTERNATION_RULES;

export const VOTING_MODES = ['open', 'secret'] as const;
export type VotingMode = (typeof VOTING_MODES)[number];

/** What the congress's standing orders set for its floor. */
export interface StandingOrders {
  /** Motions and amendments to motions are submitted (and seconded) before this instant. */
  motionDeadline: string;
  /** Seconders a member's motion needs before it can be admitted (branch, caucus and executive motions are a body's decision already). */
  secondersRequired: number;
  /** Open votes record each delegate's answer (published); secret votes record only who took part. */
  voting: VotingMode;
  alternation: AlternationRule;
  /** Speaking time per speech; a point of order gets a third of it. */
  speakingSeconds: number;
}

export function checkStandingOrders(o: StandingOrders): StandingOrders {
  if (!Number.isInteger(o.secondersRequired) || o.secondersRequired < 0 || o.secondersRequired > 100) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, 'secondersRequired must be a whole number from 0 to 100.');
  }
  if (!Number.isInteger(o.speakingSeconds) || o.speakingSeconds < 30 || o.speakingSeconds > 3600) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, 'speakingSeconds must be a whole number of seconds from 30 to 3600.');
  }
  return o;
}

export const afterDeadline = (o: StandingOrders, now: Date): boolean => now.getTime() >= new Date(o.motionDeadline).getTime();
