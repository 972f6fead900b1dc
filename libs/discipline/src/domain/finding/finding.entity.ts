import { FindingErrorCode, findingError } from './finding.errors';
import { FindingStatus, requireFindingStatus } from './finding-lifecycle';
import { DecidedAppealView, assertMayAlterFinding } from './finding-alteration.policy';
import { MajorityOutcome, PanelVote, decideByMajority, voteCountLabel } from './majority.policy';
import { Sanction, sanction as parseSanction } from './sanction.value-object';
import { SanctionEffects, sanctionEffects } from './sanction-effects.value-object';
import {
  Timestamp,
  Transition,
  addDays,
  identifier,
  isBefore,
  positiveSetting,
  requiredText,
  timestamp,
} from './time';

/** The statuses of a finding and the steps between them: `finding-lifecycle.ts`. */
export type { FindingStatus } from './finding-lifecycle';

export const DEFAULT_APPEAL_WINDOW_DAYS = 30;

export type { FindingDecision, FindingAppealOutcome, FindingSnapshot, FindingEvent, OpenFindingInput, CastVoteInput, DecideInput } from './finding.types';
import type { FindingDecision, FindingAppealOutcome, FindingSnapshot, FindingEvent, OpenFindingInput, CastVoteInput, DecideInput } from './finding.types';

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A panel's finding on one respondent (S7): each seated panelist votes once; the finding is
 * decided by majority, with written reasons and the vote counts kept; it becomes final when the
 * appeal window passes with no appeal or when an appeal upholds it or modifies the sanction.
 * Immutable: every operation returns the next finding and the events it produced.
 */
export class Finding {
  private constructor(private readonly s: FindingSnapshot) {}

  static open(input: OpenFindingInput): Finding {
    const now = timestamp(input.now, 'now');
    const panelistIds = (input.panelistIds ?? []).map((id) => identifier(id, 'A panelist id'));
    if (panelistIds.length === 0 || new Set(panelistIds).size !== panelistIds.length) {
      throw findingError('invalid', FindingErrorCode.InvalidPanel, 'A finding needs a seated panel of distinct members.');
    }
    const respondentId = identifier(input.respondentId, 'The respondent id');
    const complainantIds = (input.complainantIds ?? []).map((id) => identifier(id, 'A complainant id'));
    const parties = new Set([respondentId, ...complainantIds]);
    if (panelistIds.some((id) => parties.has(id))) {
      throw findingError('invalid', FindingErrorCode.InvalidPanel, 'A party to the case cannot sit on its panel.');
    }
    const excluded = [...new Set((input.excludedPanelistIds ?? []).map((id) => identifier(id, 'An excluded member id')))];
    const overlap = panelistIds.filter((id) => excluded.includes(id));
    if (overlap.length > 0) {
      throw findingError(
        'unprocessable',
        FindingErrorCode.PanelistExcluded,
        'After a remand the new panel may include no member of an earlier panel or of the Appeals Committee panel; draw again without them.',
        { panelistIds: overlap },
      );
    }
    return new Finding(
      freeze({
        findingId: identifier(input.findingId, 'The finding id'),
        caseId: identifier(input.caseId, 'The case id'),
        respondentId,
        complainantIds,
        panelistIds,
        excludedPanelistIds: excluded,
        remandOf: input.remandOf ?? null,
        appealWindowDays: positiveSetting(input.appealWindowDays ?? DEFAULT_APPEAL_WINDOW_DAYS, 'The appeal window'),
        openedAt: now,
        votes: [],
        decision: null,
        notifiedAt: null,
        appealDeadline: null,
        appealId: null,
        status: 'deliberating',
        finalAt: null,
        finalSanction: null,
        appealOutcome: null,
      }),
    );
  }

  static fromSnapshot(snapshot: FindingSnapshot): Finding {
    return new Finding(freeze(snapshot));
  }

  toSnapshot(): FindingSnapshot {
    return freeze(this.s);
  }

  get findingId(): string {
    return this.s.findingId;
  }
  get caseId(): string {
    return this.s.caseId;
  }
  get status(): FindingStatus {
    return this.s.status;
  }
  get respondentId(): string {
    return this.s.respondentId;
  }
  get complainantIds(): readonly string[] {
    return this.s.complainantIds;
  }
  get panelistIds(): readonly string[] {
    return this.s.panelistIds;
  }
  get excludedPanelistIds(): readonly string[] {
    return this.s.excludedPanelistIds;
  }
  get decision(): FindingDecision | null {
    return this.s.decision;
  }
  get appealDeadline(): Timestamp | null {
    return this.s.appealDeadline;
  }
  get appealId(): string | null {
    return this.s.appealId;
  }
  get finalAt(): Timestamp | null {
    return this.s.finalAt;
  }
  get finalSanction(): Sanction | null {
    return this.s.finalSanction;
  }
  get appealOutcome(): FindingAppealOutcome | null {
    return this.s.appealOutcome;
  }
  get votes(): readonly PanelVote[] {
    return this.s.votes;
  }

  private with(patch: Partial<FindingSnapshot>): Finding {
    return new Finding(freeze({ ...this.s, ...patch }));
  }

  private event<T extends FindingEvent['type']>(
    type: T,
    at: Timestamp,
    extra: Omit<Extract<FindingEvent, { type: T }>, 'type' | 'findingId' | 'caseId' | 'at'>,
  ): FindingEvent {
    return { type, findingId: this.s.findingId, caseId: this.s.caseId, at, ...extra } as unknown as FindingEvent;
  }

  /** A seated panelist's single vote: uphold (with a proposed sanction) or not uphold. */
  castVote(input: CastVoteInput): Transition<Finding, FindingEvent> {
    const now = timestamp(input.now, 'now');
    requireFindingStatus('castVote', this.s.status);
    if (!this.s.panelistIds.includes(input.panelistId)) {
      throw findingError('forbidden', FindingErrorCode.NotAPanelist, 'Only a member seated on this panel can vote on its finding.');
    }
    if (this.s.votes.some((v) => v.panelistId === input.panelistId)) {
      throw findingError('conflict', FindingErrorCode.AlreadyVoted, 'You have already voted on this finding; each panelist votes once.');
    }
    let proposed: Sanction;
    if (input.verdict === 'uphold') {
      if (!input.proposedSanction) {
        throw findingError('invalid', FindingErrorCode.VoteSanctionMismatch, 'A vote to uphold must propose a sanction.');
      }
      proposed = parseSanction(input.proposedSanction, now);
      if (proposed.kind === 'no_finding') {
        throw findingError(
          'invalid',
          FindingErrorCode.VoteSanctionMismatch,
          'A vote to uphold must propose a sanction (warning, conditions, suspension or expulsion); vote not to uphold instead.',
        );
      }
    } else if (input.verdict === 'not_uphold') {
      if (input.proposedSanction && input.proposedSanction.kind !== 'no_finding') {
        throw findingError('invalid', FindingErrorCode.VoteSanctionMismatch, 'A vote not to uphold cannot propose a sanction.');
      }
      proposed = { kind: 'no_finding' };
    } else {
      throw findingError('invalid', FindingErrorCode.VoteSanctionMismatch, 'A vote is either "uphold" or "not_uphold".');
    }
    const vote: PanelVote = { panelistId: input.panelistId, verdict: input.verdict, proposedSanction: proposed, castAt: now };
    return {
      next: this.with({ votes: [...this.s.votes, vote] }),
      events: [this.event('discipline.finding.vote_cast', now, { panelistId: input.panelistId })],
    };
  }

  /** Panelists who have not voted yet. */
  outstandingVoters(): readonly string[] {
    return this.s.panelistIds.filter((id) => !this.s.votes.some((v) => v.panelistId === id));
  }

  /**
   * Decides by majority once every seated panelist has voted, with written reasons and the rule
   * considered. The counts (e.g. 2–1) are recorded from the votes, never typed in.
   */
  decide(input: DecideInput): Transition<Finding, FindingEvent> {
    const now = timestamp(input.now, 'now');
    requireFindingStatus('decide', this.s.status);
    const outstanding = this.outstandingVoters();
    if (outstanding.length > 0) {
      throw findingError(
        'conflict',
        FindingErrorCode.VotesOutstanding,
        `Every seated panelist must vote before the finding is decided (${outstanding.length} vote(s) outstanding).`,
        { outstanding: outstanding.length },
      );
    }
    const rule = requiredText(input.rule, 'The rule considered', 300);
    const reasons = requiredText(input.reasons, 'The written reasons', 50_000);
    const outcome: MajorityOutcome = decideByMajority(this.s.votes);
    let chosen = outcome.sanction;
    if (input.sanctionWording !== undefined) {
      if (chosen.kind === 'conditions') {
        chosen = { kind: 'conditions', conditions: requiredText(input.sanctionWording, 'The conditions', 4000) };
      } else if (chosen.kind === 'expulsion') {
        chosen = {
          kind: 'expulsion',
          readmissionConditions: requiredText(input.sanctionWording, 'The readmission conditions', 4000),
        };
      } else {
        throw findingError(
          'invalid',
          FindingErrorCode.VoteSanctionMismatch,
          'Sanction wording applies only to conditions and to an expulsion’s readmission conditions.',
        );
      }
    }
    const decision: FindingDecision = {
      upheld: outcome.upheld,
      counts: outcome.counts,
      sanction: chosen,
      rule,
      reasons,
      decidedAt: now,
    };
    return {
      next: this.with({ decision, status: 'decided' }),
      events: [this.event('discipline.finding.decided', now, { upheld: outcome.upheld, counts: outcome.counts })],
    };
  }

  /** The parties are told of the finding; the appeal window starts now. */
  notifyParties(nowInput: Timestamp): Transition<Finding, FindingEvent> {
    const now = timestamp(nowInput, 'now');
    requireFindingStatus('notifyParties', this.s.status);
    const appealDeadline = addDays(now, this.s.appealWindowDays);
    return {
      next: this.with({ status: 'notified', notifiedAt: now, appealDeadline }),
      events: [this.event('discipline.finding.parties_notified', now, { appealDeadline })],
    };
  }

  /** Whether a party may still lodge an appeal at `now` (window: [notified, notified + N days)). */
  appealWindowOpen(nowInput: Timestamp): boolean {
    const now = timestamp(nowInput, 'now');
    return this.s.status === 'notified' && this.s.appealDeadline !== null && isBefore(now, this.s.appealDeadline);
  }

  /** A party's appeal was lodged (see `Appeal.lodge`): the finding waits for its decision. */
  registerAppeal(appeal: { readonly appealId: string; readonly findingId: string }, nowInput: Timestamp): Transition<Finding, FindingEvent> {
    const now = timestamp(nowInput, 'now');
    if (appeal.findingId !== this.s.findingId) {
      throw findingError('invalid', FindingErrorCode.AppealMismatch, 'This appeal concerns another finding.');
    }
    if (this.s.status === 'under_appeal' && this.s.appealId === appeal.appealId) return { next: this, events: [] };
    requireFindingStatus('registerAppeal', this.s.status);
    if (!this.appealWindowOpen(now)) {
      throw findingError('unprocessable', FindingErrorCode.AppealWindowClosed, 'The period for appealing this finding has ended.', {
        appealDeadline: this.s.appealDeadline,
      });
    }
    return {
      next: this.with({ status: 'under_appeal', appealId: appeal.appealId }),
      events: [this.event('discipline.finding.appealed', now, { appealId: appeal.appealId })],
    };
  }

  /**
   * Makes the finding final once the appeal window has passed with no appeal; before that, or in
   * any other status, it returns the finding unchanged and no event (safe to call from a
   * scheduled job as often as wanted).
   */
  finalizeIfAppealWindowPassed(nowInput: Timestamp): Transition<Finding, FindingEvent> {
    const now = timestamp(nowInput, 'now');
    if (this.s.status !== 'notified' || this.s.appealDeadline === null || isBefore(now, this.s.appealDeadline)) {
      return { next: this, events: [] };
    }
    const decision = this.s.decision as FindingDecision;
    const next = this.with({ status: 'final', finalAt: now, finalSanction: decision.sanction });
    return {
      next,
      events: [this.event('discipline.finding.became_final', now, { via: 'appeal_window_passed', effects: next.effects() })],
    };
  }

  /**
   * The only way a finding changes after it is decided: the Appeals Committee's decision on the
   * appeal registered against it. uphold → final as decided; modify_sanction → final with the
   * new sanction (the original stays in `decision`); remand → set aside, a new panel with none of
   * this panel's members decides again.
   */
  applyAppealDecision(appeal: DecidedAppealView, nowInput: Timestamp): Transition<Finding, FindingEvent> {
    assertMayAlterFinding({ kind: 'appeal_decision', appeal });
    const now = timestamp(nowInput, 'now');
    if (appeal.findingId !== this.s.findingId || appeal.appealId !== this.s.appealId) {
      throw findingError('invalid', FindingErrorCode.AppealMismatch, 'This appeal decision is not the one registered against this finding.');
    }
    requireFindingStatus('applyAppealDecision', this.s.status);
    const decision = this.s.decision as FindingDecision;
    const appealOutcome: FindingAppealOutcome = {
      appealId: appeal.appealId,
      outcome: appeal.decision.outcome,
      decidedAt: timestamp(appeal.decision.decidedAt, 'The appeal decision date'),
    };
    switch (appeal.decision.outcome) {
      case 'uphold': {
        const next = this.with({ status: 'final', finalAt: now, finalSanction: decision.sanction, appealOutcome });
        return { next, events: [this.event('discipline.finding.became_final', now, { via: 'appeal_upheld', effects: next.effects() })] };
      }
      case 'modify_sanction': {
        if (!appeal.decision.sanction) {
          throw findingError('invalid', FindingErrorCode.AppealMismatch, 'A decision modifying the sanction must state the new sanction.');
        }
        const finalSanction = parseSanction(appeal.decision.sanction);
        const next = this.with({ status: 'final', finalAt: now, finalSanction, appealOutcome });
        return {
          next,
          events: [this.event('discipline.finding.became_final', now, { via: 'appeal_modified_sanction', effects: next.effects() })],
        };
      }
      case 'remand':
        return {
          next: this.with({ status: 'set_aside', appealOutcome }),
          events: [this.event('discipline.finding.set_aside', now, { appealId: appeal.appealId })],
        };
      default:
        throw findingError('invalid', FindingErrorCode.AppealMismatch, 'Unknown appeal outcome.');
    }
  }

  /** What the final sanction means for the rest of the platform; refused before finality. */
  effects(): SanctionEffects {
    if (this.s.status !== 'final' || !this.s.finalSanction || !this.s.finalAt) {
      throw findingError('conflict', FindingErrorCode.NotFinal, 'A finding has effects only once it is final.');
    }
    return sanctionEffects(this.s.respondentId, this.s.finalSanction, this.s.finalAt);
  }

  /** The recorded vote, e.g. "2–1" (uphold–not uphold); `null` before the decision. */
  voteCountLabel(): string | null {
    return this.s.decision ? voteCountLabel(this.s.decision.counts) : null;
  }
}
