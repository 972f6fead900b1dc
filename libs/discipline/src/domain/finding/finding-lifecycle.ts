import { FindingErrorCode, findingError } from './finding.errors';

/**
 * deliberating → decided → notified → final                       (appeal window passed, no appeal)
 *                                   ↘ under_appeal → final         (appeal: uphold / modify_sanction)
 *                                                  ↘ set_aside     (appeal: remand to a new panel)
 * There is no other transition: a decided finding's verdict, sanction, reasons and vote counts
 * are never rewritten; a modified sanction is recorded beside the original.
 */
export type FindingStatus = 'deliberating' | 'decided' | 'notified' | 'under_appeal' | 'final' | 'set_aside';

export const FINDING_STATUSES: readonly FindingStatus[] = ['deliberating', 'decided', 'notified', 'under_appeal', 'final', 'set_aside'];

/**
 * The life cycle of a finding as data (status × command → status), with who gives each command
 * and what else must hold. Every command of `Finding` asks `requireFindingStatus` before it
 * changes anything: the one place a command in the wrong status is refused
 * (`discipline.finding.wrong_status`, "A finding that is … cannot …"). `finding-lifecycle.spec.ts`
 * walks it against `Finding`.
 */
export const FINDING_COMMANDS = [
  'castVote',
  'decide',
  'notifyParties',
  'registerAppeal',
  'finalizeIfAppealWindowPassed',
  'applyAppealDecision',
] as const;
export type FindingCommand = (typeof FINDING_COMMANDS)[number];

export interface FindingTransition {
  readonly from: FindingStatus;
  readonly to: FindingStatus;
  readonly when?: string;
}

export interface FindingCommandRule {
  readonly command: FindingCommand;
  readonly who: string;
  readonly requires: readonly string[];
  readonly transitions: readonly FindingTransition[];
  /** What the refusal says the finding cannot do; null: in any other status nothing happens (no refusal). */
  readonly refusedAs: string | null;
}

export const FINDING_LIFECYCLE: readonly FindingCommandRule[] = [
  {
    command: 'castVote',
    who: 'a panelist seated on the finding',
    requires: ['one vote each', 'uphold with a sanction, or not uphold without one'],
    transitions: [{ from: 'deliberating', to: 'deliberating' }],
    refusedAs: 'take votes',
  },
  {
    command: 'decide',
    who: 'the panel',
    requires: ['every panelist voted', 'the rule considered and written reasons'],
    transitions: [{ from: 'deliberating', to: 'decided' }],
    refusedAs: 'be decided again',
  },
  {
    command: 'notifyParties',
    who: 'the platform, when the panel decides',
    requires: [],
    transitions: [{ from: 'decided', to: 'notified' }],
    refusedAs: 'be notified to the parties',
  },
  {
    command: 'registerAppeal',
    who: 'the platform, for a party who lodged an appeal',
    requires: ['the appeal window open', 'the same appeal registered again: nothing changes'],
    transitions: [{ from: 'notified', to: 'under_appeal' }],
    refusedAs: 'be appealed',
  },
  {
    command: 'finalizeIfAppealWindowPassed',
    who: 'the platform (finality job)',
    requires: ['the appeal window passed (before that, or in any other status, nothing happens)'],
    transitions: [
      ...FINDING_STATUSES.filter((s) => s !== 'notified').map((s) => ({ from: s, to: s })),
      { from: 'notified', to: 'final', when: 'the window passed' },
      { from: 'notified', to: 'notified', when: 'the window still open' },
    ],
    refusedAs: null,
  },
  {
    command: 'applyAppealDecision',
    who: 'the Appeals Committee, by its decided appeal',
    requires: ['the appeal registered against this finding, decided'],
    transitions: [
      { from: 'under_appeal', to: 'final', when: 'uphold or modify_sanction' },
      { from: 'under_appeal', to: 'set_aside', when: 'remand' },
    ],
    refusedAs: 'take an appeal decision',
  },
];

const RULES = new Map(FINDING_LIFECYCLE.map((r) => [r.command, r]));

export function findingRuleOf(command: FindingCommand): FindingCommandRule {
  return RULES.get(command)!;
}

export function findingAllows(command: FindingCommand, status: FindingStatus): boolean {
  return findingRuleOf(command).transitions.some((t) => t.from === status);
}

export function findingNextStatuses(command: FindingCommand, status: FindingStatus): FindingStatus[] {
  return [...new Set(findingRuleOf(command).transitions.filter((t) => t.from === status).map((t) => t.to))];
}

export function wrongStatus(action: string, status: FindingStatus): never {
  throw findingError('conflict', FindingErrorCode.WrongStatus, `A finding that is ${status.replace('_', ' ')} cannot ${action}.`, {
    status,
  });
}

/** The one place a finding's command in the wrong status is refused. */
export function requireFindingStatus(command: FindingCommand, status: FindingStatus): void {
  if (findingAllows(command, status)) return;
  const rule = findingRuleOf(command);
  wrongStatus(rule.refusedAs ?? command, status);
}

/** Statuses no step of the table leads to from `deliberating` (where `Finding.open` starts). */
export function unreachableFindingStatuses(): FindingStatus[] {
  const seen = new Set<FindingStatus>(['deliberating']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of FINDING_LIFECYCLE.flatMap((r) => r.transitions)) {
      if (seen.has(t.from) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return FINDING_STATUSES.filter((s) => !seen.has(s));
}
