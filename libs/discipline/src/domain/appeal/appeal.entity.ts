import { APPEALS_AD_HOC_INCOMPATIBLE_BODIES, AdHocPanelAppointment } from '../panel/ad-hoc-panel';
import { BodyMandate, RecusalOutcome } from '../recusal/recusal.types';
import { DecidedAppealView } from '../finding/finding-alteration.policy';
import { Sanction, sameSanction, sanction as parseSanction } from '../finding/sanction.value-object';
import { Timestamp, Transition, identifier, isBefore, requiredText, timestamp } from '../finding/time';
import { AppealVote, appealMajority } from './appeal-majority.policy';
import { AppealErrorCode, appealError } from './appeal.errors';
import { AppealStatus, appealRefusal, requireAppealStatus } from './appeal-lifecycle';

/** The statuses of an appeal and the steps between them: `appeal-lifecycle.ts`. */
export type { AppealStatus } from './appeal-lifecycle';
export { APPEAL_GROUND_KINDS } from './appeal.types';
export type {
  AppealGroundKind,
  AppealGround,
  Appellant,
  AppealDecisionRecord,
  AppealSnapshot,
  AppealEvent,
  LodgeAppealInput,
  CastAppealVoteInput,
} from './appeal.types';
import { APPEAL_GROUND_KINDS } from './appeal.types';
import type { AppealGround, Appellant, AppealDecisionRecord, AppealSnapshot, AppealEvent, LodgeAppealInput, CastAppealVoteInput } from './appeal.types';

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function partyRole(finding: { respondentId: string; complainantIds: readonly string[] }, personId: string): Appellant['role'] | null {
  if (personId === finding.respondentId) return 'respondent';
  if (finding.complainantIds.includes(personId)) return 'complainant';
  return null;
}

function parseGrounds(grounds: readonly AppealGround[] | undefined): AppealGround[] {
  if (!Array.isArray(grounds) || grounds.length === 0) {
    throw appealError(
      'invalid',
      AppealErrorCode.GroundsRequired,
      'An appeal must state at least one ground (procedural error, new evidence, disproportionate sanction), each with an explanation.',
    );
  }
  const seen = new Set<string>();
  return grounds.map((g) => {
    if (!g || !APPEAL_GROUND_KINDS.includes(g.ground)) {
      throw appealError('invalid', AppealErrorCode.InvalidGround, `A ground of appeal must be one of: ${APPEAL_GROUND_KINDS.join(', ')}.`, {
        ground: g?.ground,
      });
    }
    if (seen.has(g.ground)) {
      throw appealError('invalid', AppealErrorCode.InvalidGround, 'Each ground of appeal may be stated once; put everything about it in one text.', {
        ground: g.ground,
      });
    }
    seen.add(g.ground);
    return { ground: g.ground, text: requiredText(g.text, `The explanation of the ground "${g.ground}"`, 20_000) };
  });
}

function notAParty(): never {
  throw appealError(
    'forbidden',
    AppealErrorCode.NotAParty,
    'Only a party to the case (a complainant or the respondent) may appeal a finding.',
  );
}

/**
 * An appeal against a finding (S7): lodged by a party, within the statutory window, on stated
 * grounds; heard by an Appeals Committee panel (drawn by the same engine as panels, which must
 * share no member with the panel that made the finding); decided by the panel's votes — each
 * member votes with their reasons, and a strict majority of the panel for the same outcome
 * (for modify_sanction, the same sanction) decides (`castVote`, `appealMajority`): uphold,
 * modify the sanction, or remand to a new panel (see `remandExclusions`).
 *
 * One appeal per finding: when the other party also wants to appeal within the window, they
 * join this appeal with their own grounds (`join`), so one panel hears both.
 */
export class Appeal {
  private constructor(private readonly s: AppealSnapshot) {}

  static lodge(input: LodgeAppealInput): Transition<Appeal, AppealEvent> {
    const now = timestamp(input.now, 'now');
    const finding = input.finding;
    const appellantId = identifier(input.appellantId, 'The appellant id');
    const role = partyRole(finding, appellantId);
    if (!role) notAParty();
    if (finding.status === 'under_appeal') {
      throw appealError(
        'conflict',
        AppealErrorCode.AlreadyPending,
        'An appeal against this finding is already pending; join it with your own grounds instead.',
        { appealId: finding.appealId },
      );
    }
    if (finding.status === 'deliberating' || finding.status === 'decided') {
      throw appealError('conflict', AppealErrorCode.FindingNotAppealable, 'This finding has not yet been notified to the parties, so it cannot be appealed yet.');
    }
    if (finding.status !== 'notified' || !finding.appealWindowOpen(now)) {
      throw appealError(
        'unprocessable',
        AppealErrorCode.WindowClosed,
        'The period for appealing this finding has ended; the finding is final.',
        { deadline: finding.appealDeadline },
      );
    }
    const grounds = parseGrounds(input.grounds);
    const decision = finding.decision!;
    const appeal = new Appeal(
      freeze({
        appealId: identifier(input.appealId, 'The appeal id'),
        findingId: finding.findingId,
        caseId: finding.caseId,
        respondentId: finding.respondentId,
        complainantIds: [...finding.complainantIds],
        firstPanelistIds: [...finding.panelistIds],
        priorExcludedIds: [...finding.excludedPanelistIds],
        originalUpheld: decision.upheld,
        originalSanction: decision.sanction,
        deadline: finding.appealDeadline!,
        appellants: [{ personId: appellantId, role: role as Appellant['role'], grounds, lodgedAt: now }],
        status: 'lodged',
        appealsPanelIds: [],
        panelSeatedAt: null,
        decision: null,
        lodgedAt: now,
        votes: [],
      }),
    );
    return { next: appeal, events: [appeal.event('discipline.appeal.lodged', now, { appellantId })] };
  }

  static fromSnapshot(snapshot: AppealSnapshot): Appeal {
    return new Appeal(freeze(snapshot));
  }

  toSnapshot(): AppealSnapshot {
    return freeze(this.s);
  }

  get appealId(): string {
    return this.s.appealId;
  }
  get findingId(): string {
    return this.s.findingId;
  }
  get status(): AppealStatus {
    return this.s.status;
  }
  get decision(): AppealDecisionRecord | null {
    return this.s.decision;
  }
  get appellants(): readonly Appellant[] {
    return this.s.appellants;
  }
  get appealsPanelIds(): readonly string[] {
    return this.s.appealsPanelIds;
  }

  private with(patch: Partial<AppealSnapshot>): Appeal {
    return new Appeal(freeze({ ...this.s, ...patch }));
  }

  private event<T extends AppealEvent['type']>(
    type: T,
    at: Timestamp,
    extra: Omit<Extract<AppealEvent, { type: T }>, 'type' | 'appealId' | 'findingId' | 'caseId' | 'at'>,
  ): AppealEvent {
    return { type, appealId: this.s.appealId, findingId: this.s.findingId, caseId: this.s.caseId, at, ...extra } as unknown as AppealEvent;
  }

  /** The other party joins the pending appeal with their own grounds, within the same window. */
  join(input: { readonly appellantId: string; readonly grounds: readonly AppealGround[]; readonly now: Timestamp }): Transition<Appeal, AppealEvent> {
    const now = timestamp(input.now, 'now');
    const appellantId = identifier(input.appellantId, 'The appellant id');
    const role = partyRole(this.s, appellantId);
    if (!role) notAParty();
    requireAppealStatus('join', this.s.status);
    if (!isBefore(now, this.s.deadline)) {
      throw appealError('unprocessable', AppealErrorCode.WindowClosed, 'The period for appealing this finding has ended.', {
        deadline: this.s.deadline,
      });
    }
    if (this.s.appellants.some((a) => a.personId === appellantId)) {
      throw appealError('conflict', AppealErrorCode.AlreadyAppellant, 'You have already appealed this finding.');
    }
    const grounds = parseGrounds(input.grounds);
    return {
      next: this.with({ appellants: [...this.s.appellants, { personId: appellantId, role: role as Appellant['role'], grounds, lodgedAt: now }] }),
      events: [this.event('discipline.appeal.appellant_joined', now, { appellantId })],
    };
  }

  /**
   * Seats the Appeals Committee panel drawn (and recused) by the panel engine. It may share no
   * member with the panel that made the finding, nor with any earlier panel of the case, and no
   * party may sit on it. Re-seating (after a recusal) is allowed until the decision.
   */
  seatPanel(input: { readonly memberIds: readonly string[]; readonly now: Timestamp }): Transition<Appeal, AppealEvent> {
    const now = timestamp(input.now, 'now');
    requireAppealStatus('seatPanel', this.s.status);
    const memberIds = (input.memberIds ?? []).map((id) => identifier(id, 'An appeals panelist id'));
    if (memberIds.length === 0 || new Set(memberIds).size !== memberIds.length) {
      throw appealError('invalid', AppealErrorCode.InvalidPanel, 'An appeals panel needs at least one member, each listed once.');
    }
    const earlier = new Set([...this.s.firstPanelistIds, ...this.s.priorExcludedIds]);
    const overlap = memberIds.filter((id) => earlier.has(id));
    if (overlap.length > 0) {
      throw appealError(
        'unprocessable',
        AppealErrorCode.PanelOverlapsFirstPanel,
        'A member of the panel that made the finding (or of an earlier panel of the case) cannot hear the appeal.',
        { memberIds: overlap },
      );
    }
    if (memberIds.some((id) => partyRole(this.s, id) !== null)) {
      throw appealError('unprocessable', AppealErrorCode.InvalidPanel, 'A party to the case cannot sit on the appeals panel.');
    }
    return {
      // A member no longer on the panel (recused, replaced) no longer has a vote.
      next: this.with({ status: 'panel_seated', appealsPanelIds: memberIds, panelSeatedAt: now, votes: this.votes.filter((v) => memberIds.includes(v.panelistId)) }),
      events: [this.event('discipline.appeal.panel_seated', now, { appealsPanelIds: memberIds })],
    };
  }

  /**
   * S3 shortfall on an appeal: the draw found too few Appeals Committee members cleared for the
   * case to fill the panel. The members it did draw (`committee`: cleared, not conflicted) are
   * asked to appoint eligible members for the `seatsToFill` missing seats (`nominateAdHocPanelist`);
   * until then they read the record as the appeals panel, but cannot decide.
   */
  requestAdHocPanel(input: { readonly committee: readonly string[]; readonly seatsToFill: number; readonly now: Timestamp }): Appeal {
    const now = timestamp(input.now, 'now');
    requireAppealStatus('requestAdHocPanel', this.s.status);
    if (this.s.adHoc) appealRefusal('requestAdHocPanel', this.s.status);
    const appointment = AdHocPanelAppointment.open({
      caseId: this.s.caseId,
      seatsToFill: input.seatsToFill,
      committee: input.committee,
      at: now,
      incompatibleBodies: APPEALS_AD_HOC_INCOMPATIBLE_BODIES,
    });
    return this.with({ adHoc: appointment.toSnapshot() });
  }

  /** The Appeals Committee members drawn for an appeal whose panel is still being completed. */
  get adHocCommittee(): readonly string[] {
    return this.s.status === 'lodged' && this.s.adHoc ? this.s.adHoc.committee : [];
  }

  /**
   * A member of the committee drawn names (or backs) an eligible member for a missing seat; a
   * nominee is appointed once a majority of the committee backs them. Each nominee is assessed by
   * the same recusal engine (seat `ad_hoc`, in `check`), is an active member, holds no EC, CC,
   * Control Commission, Appeals Committee or staff seat, sat on no earlier panel of the case, and
   * is not a party. When the last seat is filled the panel is seated: the committee members drawn
   * and the appointees.
   */
  nominateAdHocPanelist(input: {
    readonly by: string;
    readonly nomineeId: string;
    readonly check: { readonly recusal: RecusalOutcome; readonly mandates: readonly BodyMandate[]; readonly activeMember: boolean };
    readonly now: Timestamp;
  }): Transition<Appeal, AppealEvent> {
    const now = timestamp(input.now, 'now');
    requireAppealStatus('nominateAdHocPanelist', this.s.status);
    if (!this.s.adHoc) appealRefusal('nominateAdHocPanelist', this.s.status);
    const appointment = AdHocPanelAppointment.fromSnapshot(this.s.adHoc);
    const committee = this.s.adHoc.committee;
    const nomineeId = identifier(input.nomineeId, 'The nominee id');
    const refuse = (why: string) => appealError('unprocessable', AppealErrorCode.AdHocNomineeRefused, `This person cannot sit on the appeals panel: ${why}.`);
    if (!this.s.adHoc.nominations.some((n) => n.nomineeId === nomineeId)) {
      if (committee.includes(nomineeId)) throw refuse('they already sit on it');
      if (!input.check.activeMember) throw refuse('they are not an active member');
      if (partyRole(this.s, nomineeId) !== null) throw refuse('they are a party to the case');
      if ([...this.s.firstPanelistIds, ...this.s.priorExcludedIds].includes(nomineeId)) throw refuse('they sat on an earlier panel of this case');
    }
    appointment.nominate(input.by, nomineeId, input.check, now);
    const appointed = appointment.appointees.includes(nomineeId);
    let next = this.with({ adHoc: appointment.toSnapshot() });
    const events: AppealEvent[] = [this.event('discipline.appeal.ad_hoc_nomination', now, { nomineeId, appointed })];
    if (appointment.isComplete) {
      const seated = next.seatPanel({ memberIds: [...new Set([...committee, ...appointment.appointees])], now });
      next = seated.next;
      events.push(...seated.events);
    }
    return { next, events };
  }

  /** The recorded votes of the appeals panel (empty before the first). */
  get votes(): readonly AppealVote[] {
    return this.s.votes ?? [];
  }

  /** Members of the seated appeals panel who have not voted yet. */
  outstandingVoters(): readonly string[] {
    const voted = new Set(this.votes.map((v) => v.panelistId));
    return this.s.appealsPanelIds.filter((id) => !voted.has(id));
  }

  /**
   * A member of the seated appeals panel records their vote — an outcome (uphold,
   * modify_sanction with the new sanction, remand) and their written reasons. They may change it
   * (the new vote replaces theirs) until the decision is reached. The decision is reached in the
   * same step as soon as a strict majority of the panel's full size has voted for the same
   * outcome — and, for modify_sanction, the same sanction (`appealMajority`); its counts come
   * from the votes and its reasons are the reasons of the members in the majority.
   */
  castVote(input: CastAppealVoteInput): Transition<Appeal, AppealEvent> {
    const now = timestamp(input.now, 'now');
    requireAppealStatus('castVote', this.s.status);
    const panelistId = identifier(input.panelistId, 'The appeals panelist id');
    if (!this.s.appealsPanelIds.includes(panelistId)) {
      throw appealError('forbidden', AppealErrorCode.NotAnAppealsPanelist, 'Only the members of the Appeals Committee panel hearing this appeal vote on it.');
    }
    const reasons = requiredText(input.reasons, 'The reasons for your vote', 50_000);
    let proposed: Sanction | null = null;
    switch (input.outcome) {
      case 'uphold':
      case 'remand':
        if (input.sanction) {
          throw appealError('invalid', AppealErrorCode.InvalidOutcome, 'Only a vote to modify the sanction states a sanction.');
        }
        break;
      case 'modify_sanction': {
        if (!this.s.originalUpheld) {
          throw appealError(
            'unprocessable',
            AppealErrorCode.InvalidOutcome,
            'The complaint was not upheld, so there is no sanction to modify: vote to uphold the finding or to remand it to a new panel.',
          );
        }
        if (!input.sanction) {
          throw appealError('invalid', AppealErrorCode.InvalidOutcome, 'A vote to modify the sanction must state the new sanction.');
        }
        proposed = parseSanction(input.sanction, now);
        if (proposed.kind === 'no_finding') {
          throw appealError(
            'unprocessable',
            AppealErrorCode.InvalidOutcome,
            'Modifying the sanction cannot remove the finding; to re-examine the facts, vote to remand to a new panel.',
          );
        }
        if (sameSanction(proposed, this.s.originalSanction)) {
          throw appealError('invalid', AppealErrorCode.InvalidOutcome, 'The new sanction is the same as the panel’s: vote to uphold the finding instead.');
        }
        break;
      }
      default:
        throw appealError('invalid', AppealErrorCode.InvalidOutcome, 'An appeal is decided by uphold, modify_sanction or remand.');
    }
    const changed = this.votes.some((v) => v.panelistId === panelistId);
    const vote: AppealVote = { panelistId, outcome: input.outcome, sanction: proposed, reasons, castAt: now };
    const votes = [...this.votes.filter((v) => v.panelistId !== panelistId), vote];
    const events: AppealEvent[] = [this.event('discipline.appeal.vote_cast', now, { panelistId, changed })];
    const majority = appealMajority(votes, this.s.appealsPanelIds.length);
    if (!majority) return { next: this.with({ votes }), events };
    const decision: AppealDecisionRecord = {
      outcome: majority.outcome,
      sanction: majority.sanction,
      reasons: majority.majority.map((v) => v.reasons).join('\n\n'),
      counts: majority.counts,
      decidedAt: now,
    };
    events.push(this.event('discipline.appeal.decided', now, { outcome: majority.outcome, counts: majority.counts }));
    return { next: this.with({ votes, status: 'decided', decision }), events };
  }

  /** The decided appeal as a finding accepts it (`Finding.applyAppealDecision`). */
  decidedView(): DecidedAppealView {
    requireAppealStatus('decidedView', this.s.status);
    if (!this.s.decision) appealRefusal('decidedView', this.s.status);
    return {
      appealId: this.s.appealId,
      findingId: this.s.findingId,
      status: 'decided',
      decision: { outcome: this.s.decision.outcome, sanction: this.s.decision.sanction, decidedAt: this.s.decision.decidedAt },
    };
  }

  /**
   * After a remand: who may not sit on the new panel — every member of the panel that made the
   * finding, of earlier panels of the case, and of this appeals panel. Pass it to the panel
   * draw (as excluded) and to `Finding.open({ excludedPanelistIds })`, which checks it again.
   */
  remandExclusions(): readonly string[] {
    requireAppealStatus('remandExclusions', this.s.status);
    if (this.s.decision?.outcome !== 'remand') appealRefusal('remandExclusions', this.s.status);
    return [...new Set([...this.s.firstPanelistIds, ...this.s.priorExcludedIds, ...this.s.appealsPanelIds])];
  }
}
