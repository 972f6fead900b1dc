import { Finding } from '../finding/finding.entity';
import { SanctionKind, describeSanction } from '../finding/sanction.value-object';
import { CalendarDate, dateOf } from '../finding/time';
import { OutcomeNoticeErrorCode, outcomeNoticeError } from './outcome-notice.errors';

/**
 * The facts an outcome notice states (S8), and nothing else. There is deliberately no field for
 * the complainant (name, id, contact) nor for any narrative (what happened, reasons, evidence,
 * conditions text): what is not in the type cannot leak through a notice, a feed entry, an
 * email or a queue payload built from it. The panel can adjust the wording around these facts,
 * never the facts themselves.
 */
export interface OutcomeNoticeFacts {
  /** `null` when the statutes do not name the respondent for this outcome (see the policy). */
  readonly respondentName: string | null;
  /** The rule considered (breached, when upheld). */
  readonly rule: string;
  readonly upheld: boolean;
  readonly sanction: NoticeSanction;
  /** When the Appeals Committee modified the sanction, the panel's original one (S7: nothing hidden). */
  readonly panelSanction: NoticeSanction | null;
  readonly decidedOn: CalendarDate;
  readonly finalOn: CalendarDate;
  /** The vote of the panel, e.g. 2 to uphold, 1 not to. */
  readonly panelVote: { readonly uphold: number; readonly notUphold: number };
  readonly appealOutcome: 'uphold' | 'modify_sanction' | null;
}

export interface NoticeSanction {
  readonly kind: SanctionKind;
  /** For a suspension: the first day the member is no longer suspended. */
  readonly suspendedUntil: CalendarDate | null;
}

/** The exact set of keys of `OutcomeNoticeFacts` (checked by tests and by `factsOf`). */
export const OUTCOME_NOTICE_FACT_KEYS = [
  'respondentName',
  'rule',
  'upheld',
  'sanction',
  'panelSanction',
  'decidedOn',
  'finalOn',
  'panelVote',
  'appealOutcome',
] as const;

export interface RespondentNamingPolicy {
  /** Name the respondent in notices of a warning (default false). */
  readonly nameRespondentForWarnings: boolean;
  /** Name the respondent in notices of conditions (default true). */
  readonly nameRespondentForConditions: boolean;
}

/**
 * Whether the respondent is named: always for suspension and expulsion; by the statutes' choice
 * for warnings and conditions; never when the complaint was not upheld (naming a member against
 * whom nothing was found would publish an accusation the panel rejected).
 */
export function namesRespondent(kind: SanctionKind, policy: RespondentNamingPolicy): boolean {
  switch (kind) {
    case 'suspension':
    case 'expulsion':
      return true;
    case 'warning':
      return policy.nameRespondentForWarnings;
    case 'conditions':
      return policy.nameRespondentForConditions;
    case 'no_finding':
      return false;
  }
}

const noticeSanction = (s: { kind: SanctionKind; until?: string }): NoticeSanction => ({
  kind: s.kind,
  suspendedUntil: s.kind === 'suspension' ? (s.until as string) : null,
});

/** Extracts the publishable facts of a final finding. */
export function factsOf(finding: Finding, respondentName: string, policy: RespondentNamingPolicy): OutcomeNoticeFacts {
  const decision = finding.decision;
  if (finding.status !== 'final' || !decision || !finding.finalSanction || !finding.finalAt) {
    throw outcomeNoticeError('conflict', OutcomeNoticeErrorCode.FindingNotFinal, 'An outcome notice is composed only from a final finding.');
  }
  const sanction = noticeSanction(finding.finalSanction as { kind: SanctionKind; until?: string });
  const appeal = finding.appealOutcome?.outcome;
  const name = typeof respondentName === 'string' ? respondentName.trim() : '';
  const named = namesRespondent(sanction.kind, policy);
  if (named && !name) {
    throw outcomeNoticeError('invalid', OutcomeNoticeErrorCode.InvalidPolicy, 'This outcome names the respondent: give their name.');
  }
  return {
    respondentName: named ? name : null,
    rule: decision.rule,
    upheld: decision.upheld,
    sanction,
    panelSanction: appeal === 'modify_sanction' ? noticeSanction(decision.sanction as { kind: SanctionKind; until?: string }) : null,
    decidedOn: dateOf(decision.decidedAt),
    finalOn: dateOf(finding.finalAt),
    panelVote: { uphold: decision.counts.uphold, notUphold: decision.counts.notUphold },
    appealOutcome: appeal === 'uphold' || appeal === 'modify_sanction' ? appeal : null,
  };
}

const sanctionLine = (s: NoticeSanction): string =>
  s.kind === 'suspension' ? `Suspension (rights restored on ${s.suspendedUntil})` : describeSanction(s);

/** The fixed block of facts every notice ends with; wording cannot alter it. */
export function renderFacts(f: OutcomeNoticeFacts): string {
  const lines = [
    `Respondent: ${f.respondentName ?? 'not named (as the statutes provide for this outcome)'}`,
    `Rule: ${f.rule} — ${f.upheld ? 'breached' : 'not found to be breached'}`,
    `Sanction: ${sanctionLine(f.sanction)}`,
  ];
  if (f.panelSanction) lines.push(`Panel's sanction before appeal: ${sanctionLine(f.panelSanction)}`);
  lines.push(
    `Panel vote: ${f.panelVote.uphold}–${f.panelVote.notUphold} (uphold–not uphold), decided on ${f.decidedOn}`,
    `Final on: ${f.finalOn}${
      f.appealOutcome === 'uphold'
        ? ' (upheld on appeal)'
        : f.appealOutcome === 'modify_sanction'
          ? ' (sanction modified on appeal)'
          : ' (no appeal within the appeal period)'
    }`,
  );
  return lines.join('\n');
}

export function defaultWording(f: OutcomeNoticeFacts): string {
  return f.upheld
    ? 'The Control Commission informs all members of the outcome of a disciplinary case. The finding is final.'
    : 'The Control Commission informs all members that a complaint was examined and not upheld. The finding is final.';
}
