import { floorError, FloorErrorCode } from './floor.errors';

/** How a congress orders its speakers' lists (set by the congress in its standing orders). */
export const ALTERNATION_RULES = {
  none: 'In the order members asked to speak.',
  'alternate-lists':
    'Two lists, alternating: the reserved list (for example women and non-binary members, as the congress defines it — each speaker says which list they ask on; the member record holds no gender) and the open list.',
  'first-time-first': 'Members who have not yet spoken at this congress go before those who have, in the order they asked.',
} as const;
export type AlternationRule = keyof typeof ALTERNATION_RULES;

/**
 * `open`: each delegate's answer is published; `secret`: only who took part and the totals;
 * `card`: a recorded card vote — each delegate votes their card (see `cardWeight`), and every card
 * is published with the result, by delegation (the branch that elected the delegate).
 */
export const VOTING_MODES = ['open', 'secret', 'card'] as const;
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
  /** Delegates who must be present (accredited: their credential presented) for a vote to open. */
  quorum: Quorum;
  /** Who puts an emergency motion on the agenda once the standing orders committee admits it (see `EMERGENCY_ACCEPTANCE`). */
  emergencyAcceptance: EmergencyAcceptance;
}

/**
 * Emergency (late) motions: after the deadline a motion is submitted only as an emergency motion,
 * with the reason it could not be submitted in time; the standing orders committee admits it (its
 * reason published) or refuses it (likewise). Then, as the standing orders say:
 */
export const EMERGENCY_ACCEPTANCE = {
  congress: 'The congress votes to accept the admitted emergency motion onto its agenda (a chair puts the question); until then it is not debated.',
  committee: "The standing orders committee's admission puts the emergency motion on the agenda.",
} as const;
export type EmergencyAcceptance = keyof typeof EMERGENCY_ACCEPTANCE;

export const QUORUM_KINDS = ['none', 'count', 'share'] as const;
/**
 * `none`; `count`: at least `value` accredited delegates; `share`: at least `value` per cent of the
 * delegates elected to the congress (rounded up) accredited.
 */
export interface Quorum {
  kind: (typeof QUORUM_KINDS)[number];
  value: number;
}
export const NO_QUORUM: Quorum = { kind: 'none', value: 0 };

/** Accredited delegates a vote needs before it opens; null when the standing orders set no quorum. */
export function quorumRequired(q: Quorum, elected: number): number | null {
  switch (q.kind) {
    case 'none':
      return null;
    case 'count':
      return q.value;
    case 'share':
      return Math.ceil((elected * q.value) / 100);
  }
}

/** Refuses to open a vote without quorum, naming how many are present and how many are needed. */
export function checkQuorum(q: Quorum, o: { elected: number; present: number }): number | null {
  const needed = quorumRequired(q, o.elected);
  if (needed !== null && o.present < needed) {
    throw floorError('unprocessable', FloorErrorCode.noQuorum, `The congress is not quorate: ${o.present} delegate(s) accredited, the standing orders require ${needed}. No vote opens until more delegates present their credentials.`, {
      present: o.present,
      required: needed,
    });
  }
  return needed;
}

export function checkStandingOrders(o: StandingOrders): StandingOrders {
  if (!Number.isInteger(o.secondersRequired) || o.secondersRequired < 0 || o.secondersRequired > 100) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, 'secondersRequired must be a whole number from 0 to 100.');
  }
  if (!Number.isInteger(o.speakingSeconds) || o.speakingSeconds < 30 || o.speakingSeconds > 3600) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, 'speakingSeconds must be a whole number of seconds from 30 to 3600.');
  }
  const q = o.quorum ?? NO_QUORUM;
  if (!Number.isInteger(q.value) || q.value < 0 || (q.kind === 'share' && q.value > 100) || q.value > 100_000) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, 'quorum.value must be a whole number (a share: a percentage from 0 to 100).');
  }
  const emergencyAcceptance = o.emergencyAcceptance ?? 'congress';
  if (!(emergencyAcceptance in EMERGENCY_ACCEPTANCE)) {
    throw floorError('invalid', FloorErrorCode.invalidStandingOrders, `emergencyAcceptance must be one of ${Object.keys(EMERGENCY_ACCEPTANCE).join(', ')}.`);
  }
  return { ...o, quorum: q, emergencyAcceptance };
}

export const afterDeadline = (o: StandingOrders, now: Date): boolean => now.getTime() >= new Date(o.motionDeadline).getTime();
