import { DomainErrorKind } from '@org/kernel';
import { CaseErrorCode, caseError } from './case.errors';
import { ACTIVE_STAGES, CaseStage } from './case.types';

/**
 * The life cycle of a case, as data: for each command of the `Case` aggregate, who may give it,
 * what must hold, and from which stage it leads to which (stage × command → stage). Every
 * command of the aggregate asks `requireStage` before it changes anything, so this table is the
 * one place that refuses a command in the wrong stage — with the refusal declared here.
 *
 * Two commands are not bound to a stage (recording a recusal, ending measures when a finding
 * becomes final): the table says so (`ANY_STAGE`), so that nothing about a stage is implicit.
 * Standing down, a vote on a challenge, seating ad-hoc appointees and escalating a deadline are
 * bound to the stages in which the rules give them an object (S3, S6), each with its refusal.
 * `case-lifecycle.spec.ts` walks the table against the aggregate, and keeps the table in
 * `libs/discipline/README.md` in step with it.
 */

/** Every stage a case can be in (intake to publication, and the three endings). */
export const CASE_STAGES: readonly CaseStage[] = [
  'received',
  'triaged',
  'panel_seated',
  'investigating',
  'finding',
  'final',
  'published',
  'closed_record_only',
  'resolved_informally',
  'withdrawn',
];

/** The stage every case starts in (`Case.file`). */
export const INITIAL_STAGE: CaseStage = 'received';

/** Who gives a command: a person with a role in the case, or the platform on the case's behalf. */
export type CaseCommandActor =
  | 'complainant'
  | 'party'
  | 'informed respondent'
  | 'duty commissioner'
  | 'panelist'
  | 'panel majority'
  | 'platform';

/** The commands of `Case`. A method with variants that the stages treat apart is split (`method:variant`). */
export const CASE_COMMANDS = [
  'recordRecusal',
  'assignDutyCommissioner',
  'selfRecuse',
  'triage',
  'changePath',
  'changePath:record-only',
  'revokeInformalConsent',
  'addParticipant',
  'recordPanelDraw:initial',
  'recordPanelDraw:redraw',
  'seatAdHocAppointees',
  'challengePanelist',
  'voteOnChallenge',
  'beginInvestigation',
  'recordInterimDecision',
  'endInterimMeasuresOf',
  'proposeInformalResolution',
  'confirmInformalResolution',
  'withdraw',
  'advanceToStage:finding',
  'advanceToStage:final',
  'advanceToStage:published',
  'recordEscalation',
] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];

/** One step of the table: from this stage, the command leads to that one (when the condition holds). */
export interface CaseTransition {
  readonly from: CaseStage;
  readonly to: CaseStage;
  /** When several steps leave the same stage: which one is taken. */
  readonly when?: string;
}

/** What the person is told when the command is given in a stage the table does not allow. */
export interface StageRefusal {
  readonly kind: DomainErrorKind;
  readonly code: CaseErrorCode;
  readonly message: string | ((stage: CaseStage) => string);
}

export interface CaseCommandRule {
  readonly command: CaseCommand;
  /** Who may give it (checked by the command itself, before or after the stage as noted). */
  readonly who: readonly CaseCommandActor[];
  /** What else must hold (the command checks each, with its own refusal). */
  readonly requires: readonly string[];
  readonly transitions: readonly CaseTransition[];
  /** Refusal in any stage not listed as a `from`; null when the command is not bound to a stage. */
  readonly refusal: StageRefusal | null;
  /** Stages in which the refusal says something more precise than `refusal`. */
  readonly refusalIn?: Partial<Record<CaseStage, StageRefusal>>;
}

/** The stages in which a case is being handled: from intake until its finding is final. */
const OPEN_STAGES: readonly CaseStage[] = [...ACTIVE_STAGES, 'finding'];

/** Marks a command that is not bound to a stage: it leaves every stage as it is. */
const ANY_STAGE: readonly CaseTransition[] = CASE_STAGES.map((s) => ({ from: s, to: s }));
const stays = (stages: readonly CaseStage[]): CaseTransition[] => stages.map((s) => ({ from: s, to: s }));
const stage = (message: string | ((stage: CaseStage) => string)): StageRefusal => ({
  kind: 'conflict',
  code: CaseErrorCode.StageDoesNotAllow,
  message,
});
const pathRefusal = (message: string): StageRefusal => ({
  kind: 'conflict',
  code: CaseErrorCode.PathChangeNotAllowedNow,
  message,
});
const PATH_CLOSED = pathRefusal('The path of a case can no longer be changed at this stage.');
const advance = (to: CaseStage) => (from: CaseStage) => `The case cannot move to "${to}" from "${from}".`;

export const CASE_LIFECYCLE: readonly CaseCommandRule[] = [
  {
    command: 'recordRecusal',
    who: ['platform'],
    requires: [
      "computed for this case's current parties, witnesses and support person",
      'members who stood down or lost a challenge found not eligible',
      'every seated panelist and the duty commissioner assessed',
    ],
    transitions: ANY_STAGE,
    refusal: null,
  },
  {
    command: 'assignDutyCommissioner',
    who: ['platform'],
    requires: ['no panel seated yet', 'the commissioner cleared for the case', 'the commissioner did not stand down from it'],
    transitions: stays(['received', 'triaged']),
    refusal: stage('A duty commissioner is assigned only before a panel is seated.'),
  },
  {
    command: 'selfRecuse',
    who: ['panelist', 'duty commissioner'],
    requires: ['a reason'],
    // S3: whoever handles the case may stand down while it is handled, the finding included (a
    // conflict found late must not keep a member deciding). Once the finding is final there is
    // nothing left to stand down from: a conflict then is a ground of appeal (S7).
    transitions: stays(OPEN_STAGES),
    refusal: stage('Nobody stands down from a case that is no longer being handled.'),
  },
  {
    command: 'triage',
    who: ['duty commissioner'],
    requires: ["recusal recorded for the case's current people"],
    transitions: [
      { from: 'received', to: 'triaged', when: 'informal or formal path' },
      { from: 'received', to: 'closed_record_only', when: 'record-only path' },
    ],
    refusal: stage('This case has already been triaged.'),
  },
  {
    command: 'changePath',
    who: ['complainant'],
    requires: ['explicit consent for the informal path', 'to the path it already has: nothing happens, in any stage'],
    transitions: [...stays(ACTIVE_STAGES), { from: 'closed_record_only', to: 'received', when: 'reopened for action' }],
    refusal: PATH_CLOSED,
  },
  {
    command: 'changePath:record-only',
    who: ['complainant'],
    requires: ['to the path it already has: nothing happens, in any stage'],
    transitions: [
      { from: 'received', to: 'received' },
      { from: 'triaged', to: 'closed_record_only' },
      { from: 'closed_record_only', to: 'closed_record_only', when: 'already record-only: nothing changes' },
    ],
    refusal: PATH_CLOSED,
    refusalIn: {
      panel_seated: pathRefusal('A panel is already handling this case; you can withdraw the complaint instead.'),
      investigating: pathRefusal('A panel is already handling this case; you can withdraw the complaint instead.'),
    },
  },
  {
    command: 'revokeInformalConsent',
    who: ['complainant'],
    requires: ['the informal path (otherwise nothing happens, in any stage)'],
    transitions: stays(ACTIVE_STAGES),
    refusal: PATH_CLOSED,
  },
  {
    command: 'addParticipant',
    who: ['complainant', 'duty commissioner', 'panelist', 'informed respondent'],
    requires: [
      'a support person only by the complainant; an informed respondent adds witnesses only',
      'the person not already in the case',
    ],
    transitions: stays(ACTIVE_STAGES),
    refusal: stage('People can no longer be added to this case.'),
  },
  {
    command: 'recordPanelDraw:initial',
    who: ['platform'],
    requires: [
      'not a record-only report',
      'no draw yet',
      'the draw re-runs to its seats, from the current recusal, the full cleared pool and a new seed',
    ],
    transitions: [
      { from: 'triaged', to: 'panel_seated', when: 'every seat filled' },
      { from: 'triaged', to: 'triaged', when: 'seats left for the Appeals Committee' },
    ],
    refusal: stage('The panel is drawn once the case has been triaged.'),
  },
  {
    command: 'recordPanelDraw:redraw',
    who: ['platform'],
    requires: [
      'the seat vacated and not yet replaced',
      'the draw re-runs to its seats, from the current recusal, the full cleared pool and a new seed',
    ],
    transitions: [
      { from: 'triaged', to: 'panel_seated', when: 'every seat filled' },
      { from: 'triaged', to: 'triaged', when: 'seats still empty' },
      { from: 'panel_seated', to: 'panel_seated' },
      { from: 'investigating', to: 'investigating' },
    ],
    refusal: stage('No seat of this case can be redrawn now.'),
  },
  {
    command: 'seatAdHocAppointees',
    who: ['platform'],
    requires: [
      'ad-hoc seats requested',
      'exactly that many appointees',
      'committee and appointees cleared by the current recusal',
    ],
    // S3: ad-hoc seats are asked of the Appeals Committee when a draw falls short — at triage or
    // when a seat is redrawn — so they are seated while the panel can still change; once a finding
    // is opened its panel is fixed.
    transitions: [
      { from: 'triaged', to: 'panel_seated', when: 'every seat filled' },
      { from: 'triaged', to: 'triaged', when: 'seats still empty' },
      ...stays(['panel_seated', 'investigating']),
    ],
    refusal: stage('Ad-hoc panelists are seated only while the panel can still change, before a finding is opened.'),
  },
  {
    command: 'challengePanelist',
    who: ['party'],
    requires: ['once per panelist and party'],
    transitions: stays(['triaged', 'panel_seated', 'investigating']),
    refusal: stage('Panelists can be challenged while the panel handles the case.'),
  },
  {
    command: 'voteOnChallenge',
    who: ['panelist'],
    requires: ['a decider of that challenge', 'the challenged panelist still seated'],
    // S3: a challenge lodged while the panel handled the case is decided by the other panelists,
    // even after the finding is opened; once the finding is final, who decided it is a ground of
    // appeal (S7), not a vote of the panel.
    transitions: stays(['triaged', 'panel_seated', 'investigating', 'finding']),
    refusal: stage('Challenges are decided while the panel handles the case.'),
  },
  {
    command: 'beginInvestigation',
    who: ['panelist'],
    requires: ['no vacant seat'],
    transitions: [{ from: 'panel_seated', to: 'investigating' }],
    refusal: stage('The investigation can begin once the panel is seated.'),
  },
  {
    command: 'recordInterimDecision',
    who: ['duty commissioner', 'panel majority'],
    requires: [
      'not a record-only report',
      "recusal recorded for the case's current people",
      'before a panel: the duty commissioner alone, cleared; after: a majority of the full panel',
    ],
    transitions: stays(ACTIVE_STAGES),
    refusal: stage('Interim measures are decided while the case is being handled.'),
  },
  {
    command: 'endInterimMeasuresOf',
    who: ['platform'],
    requires: ['the finding about these members final, or none pending for them'],
    transitions: ANY_STAGE,
    refusal: null,
  },
  {
    command: 'proposeInformalResolution',
    who: ['panelist'],
    requires: ['the informal path, chosen by the complainant', 'terms'],
    transitions: stays(['panel_seated', 'investigating']),
    refusal: stage('Informal resolution is proposed while the panel handles the case.'),
  },
  {
    command: 'confirmInformalResolution',
    who: ['complainant'],
    requires: ['the informal path', 'terms proposed by the panel and not yet confirmed'],
    transitions: [
      { from: 'panel_seated', to: 'resolved_informally' },
      { from: 'investigating', to: 'resolved_informally' },
    ],
    refusal: {
      kind: 'conflict',
      code: CaseErrorCode.InformalResolutionNotPending,
      message: 'There is no proposed informal resolution to confirm.',
    },
  },
  {
    command: 'withdraw',
    who: ['complainant'],
    requires: [],
    transitions: [...ACTIVE_STAGES, 'closed_record_only' as const].map((from) => ({ from, to: 'withdrawn' as const })),
    refusal: stage('This complaint can no longer be withdrawn.'),
  },
  {
    command: 'advanceToStage:finding',
    who: ['platform'],
    requires: ['a finding opened'],
    transitions: [{ from: 'investigating', to: 'finding' }],
    refusal: stage(advance('finding')),
  },
  {
    command: 'advanceToStage:final',
    who: ['platform'],
    requires: ['the finding final'],
    transitions: [{ from: 'finding', to: 'final' }],
    refusal: stage(advance('final')),
  },
  {
    command: 'advanceToStage:published',
    who: ['platform'],
    requires: ['the outcome notice published'],
    transitions: [{ from: 'final', to: 'published' }],
    refusal: stage(advance('published')),
  },
  {
    command: 'recordEscalation',
    who: ['platform'],
    requires: ['each missed deadline (kind and due moment) escalates once'],
    // S6: the stage deadlines (triage, panel seated, finding, interim measures) run while the case
    // is handled; the finding's deadline is met when the finding is opened.
    transitions: stays(ACTIVE_STAGES),
    refusal: stage('Deadlines escalate only while the case is being handled.'),
  },
];

const RULES = new Map<CaseCommand, CaseCommandRule>(CASE_LIFECYCLE.map((r) => [r.command, r]));

export function ruleOf(command: CaseCommand): CaseCommandRule {
  return RULES.get(command)!;
}

/** Whether the table allows the command in this stage. */
export function allows(command: CaseCommand, stage: CaseStage): boolean {
  return ruleOf(command).transitions.some((t) => t.from === stage);
}

/** The stages the command may lead to from this one (empty: refused there). */
export function nextStages(command: CaseCommand, stage: CaseStage): CaseStage[] {
  return [...new Set(ruleOf(command).transitions.filter((t) => t.from === stage).map((t) => t.to))];
}

/** The refusal the table declares for the command in a stage it does not allow. */
export function refusalFor(command: CaseCommand, stage: CaseStage): { kind: DomainErrorKind; code: CaseErrorCode; message: string } {
  const rule = ruleOf(command);
  const r = rule.refusalIn?.[stage] ?? rule.refusal ?? PATH_CLOSED;
  return { kind: r.kind, code: r.code, message: typeof r.message === 'function' ? r.message(stage) : r.message };
}

/** The one place a command given in the wrong stage is refused. */
export function requireStage(command: CaseCommand, stage: CaseStage): void {
  if (allows(command, stage)) return;
  const r = refusalFor(command, stage);
  throw caseError(r.kind, r.code, r.message);
}
