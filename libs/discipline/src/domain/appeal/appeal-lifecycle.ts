import { AppealErrorCode, appealError } from './appeal.errors';

/** lodged → panel_seated → decided (the panel seated by the draw, or by the ad-hoc appointments). */
export type AppealStatus = 'lodged' | 'panel_seated' | 'decided';

export const APPEAL_STATUSES: readonly AppealStatus[] = ['lodged', 'panel_seated', 'decided'];

/**
 * The life cycle of an appeal as data (status × command → status), with who gives each command
 * and what else must hold. Every command of `Appeal` asks `requireAppealStatus` before it changes
 * anything: the one place a command in the wrong status is refused, with the refusal declared
 * here. `appeal-lifecycle.spec.ts` walks it against `Appeal`.
 */
export const APPEAL_COMMANDS = [
  'join',
  'seatPanel',
  'requestAdHocPanel',
  'nominateAdHocPanelist',
  'castVote',
  'decidedView',
  'remandExclusions',
] as const;
export type AppealCommand = (typeof APPEAL_COMMANDS)[number];

export interface AppealTransition {
  readonly from: AppealStatus;
  readonly to: AppealStatus;
  readonly when?: string;
}

export interface AppealRefusal {
  readonly code: AppealErrorCode;
  readonly message: string;
}

export interface AppealCommandRule {
  readonly command: AppealCommand;
  readonly who: string;
  readonly requires: readonly string[];
  readonly transitions: readonly AppealTransition[];
  /** Refusal (a `conflict`) in any status not listed as a `from`, or as `refusalIn` says for one. */
  readonly refusal: AppealRefusal;
  readonly refusalIn?: Partial<Record<AppealStatus, AppealRefusal>>;
}

const wrong = (message: string): AppealRefusal => ({ code: AppealErrorCode.WrongStatus, message });

export const APPEAL_LIFECYCLE: readonly AppealCommandRule[] = [
  {
    command: 'join',
    who: 'the other party',
    requires: ['within the window', 'grounds stated', 'not already an appellant'],
    transitions: [
      { from: 'lodged', to: 'lodged' },
      { from: 'panel_seated', to: 'panel_seated' },
    ],
    refusal: wrong('This appeal has been decided; it can no longer be joined.'),
  },
  {
    command: 'seatPanel',
    who: 'the platform (the draw, or the last ad-hoc appointment)',
    requires: ['no member of an earlier panel of the case', 'no party'],
    transitions: [
      { from: 'lodged', to: 'panel_seated' },
      { from: 'panel_seated', to: 'panel_seated', when: 'seated again after a recusal' },
    ],
    refusal: wrong('This appeal has been decided; its panel cannot change.'),
  },
  {
    command: 'requestAdHocPanel',
    who: 'the platform (a draw short of members)',
    requires: ['not asked before'],
    transitions: [{ from: 'lodged', to: 'lodged' }],
    refusal: wrong('The Appeals Committee has already been asked to complete this panel, or it is seated.'),
  },
  {
    command: 'nominateAdHocPanelist',
    who: 'an Appeals Committee member the draw drew',
    requires: ['seats waiting to be filled', 'an eligible nominee (recusal, mandates, active, no earlier panel, no party)'],
    transitions: [
      { from: 'lodged', to: 'lodged', when: 'seats still to fill' },
      { from: 'lodged', to: 'panel_seated', when: 'the last seat filled' },
    ],
    refusal: { code: AppealErrorCode.NoAdHocSeat, message: 'This appeal has no seat waiting to be filled.' },
  },
  {
    command: 'castVote',
    who: 'a member of the appeals panel',
    requires: ['an outcome the finding allows, with reasons (and the new sanction for modify_sanction)'],
    transitions: [
      { from: 'panel_seated', to: 'panel_seated', when: 'no majority yet' },
      { from: 'panel_seated', to: 'decided', when: 'a strict majority for the same outcome' },
    ],
    refusal: wrong('The appeals panel must be seated before its members vote.'),
    refusalIn: { decided: wrong('This appeal has already been decided; votes can no longer be cast or changed.') },
  },
  {
    command: 'decidedView',
    who: 'the platform (to apply the decision to the finding)',
    requires: [],
    transitions: [{ from: 'decided', to: 'decided' }],
    refusal: wrong('This appeal has not been decided yet.'),
  },
  {
    command: 'remandExclusions',
    who: 'the platform (to draw the remand panel)',
    requires: ['decided by remand'],
    transitions: [{ from: 'decided', to: 'decided' }],
    refusal: { code: AppealErrorCode.NotRemanded, message: 'Only an appeal decided by remand has a new panel to draw.' },
  },
];

const RULES = new Map(APPEAL_LIFECYCLE.map((r) => [r.command, r]));

export function appealRuleOf(command: AppealCommand): AppealCommandRule {
  return RULES.get(command)!;
}

export function appealAllows(command: AppealCommand, status: AppealStatus): boolean {
  return appealRuleOf(command).transitions.some((t) => t.from === status);
}

export function appealNextStatuses(command: AppealCommand, status: AppealStatus): AppealStatus[] {
  return [...new Set(appealRuleOf(command).transitions.filter((t) => t.from === status).map((t) => t.to))];
}

export function appealRefusalFor(command: AppealCommand, status: AppealStatus): AppealRefusal {
  const rule = appealRuleOf(command);
  return rule.refusalIn?.[status] ?? rule.refusal;
}

/** The refusal the table declares for this command (also used when a condition beside the status fails). */
export function appealRefusal(command: AppealCommand, status: AppealStatus): never {
  const r = appealRefusalFor(command, status);
  throw appealError('conflict', r.code, r.message);
}

/** The one place an appeal's command in the wrong status is refused. */
export function requireAppealStatus(command: AppealCommand, status: AppealStatus): void {
  if (!appealAllows(command, status)) appealRefusal(command, status);
}

/** Statuses no step of the table leads to from `lodged` (where `Appeal.lodge` starts). */
export function unreachableAppealStatuses(): AppealStatus[] {
  const seen = new Set<AppealStatus>(['lodged']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of APPEAL_LIFECYCLE.flatMap((r) => r.transitions)) {
      if (seen.has(t.from) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return APPEAL_STATUSES.filter((s) => !seen.has(s));
}
