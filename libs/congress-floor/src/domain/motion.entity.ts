import { floorError, FloorErrorCode } from './floor.errors';
import { afterDeadline, type StandingOrders } from './standing-orders';

/** Who submits a motion: a member (with seconders), a branch (its committee), the executive, or a caucus. */
export const SUBMITTER_KINDS = ['member', 'branch', 'executive', 'caucus'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

/** A composite motion is put in by the standing orders committee with its movers' consent; nobody submits one directly. */
export type MotionSubmitterKind = SubmitterKind | 'composite';

export interface Submitter {
  kind: MotionSubmitterKind;
  /** The member (member), branch (branch), caucus (caucus) or composite proposal (composite); null for the executive. */
  ref: string | null;
}

/**
 * What the person acting may speak for, as the application found it out: themself, the branches
 * whose committee they chair or are secretary of, the executive (an EC mandate), a caucus (the
 * caucuses context says whether they may act for it).
 */
export interface Actor {
  memberId: string;
  officerOfBranches: readonly string[];
  executive: boolean;
  caucuses: readonly string[];
}

/**
 * The mover rule, in one place: whoever submitted a motion (the member, the branch's officers,
 * the executive, the caucus) acts for it — edits or withdraws it, and answers for it when the
 * standing orders committee proposes compositing it or its composite's withdrawal.
 */
export function actsFor(s: Submitter, a: Actor): boolean {
  switch (s.kind) {
    case 'member':
      return s.ref === a.memberId;
    case 'branch':
      return s.ref !== null && a.officerOfBranches.includes(s.ref);
    case 'executive':
      return a.executive;
    case 'caucus':
      return s.ref !== null && a.caucuses.includes(s.ref);
    case 'composite':
      // Its movers consented to the text; nobody edits or withdraws it alone.
      return false;
  }
}

/** Refuses anyone who does not act for that submitter (`actsFor`), saying what only the mover may do. */
export function assertMover(s: Submitter, a: Actor, refusal: string): void {
  if (!actsFor(s, a)) throw floorError('forbidden', FloorErrorCode.notTheSubmitter, refusal);
}

export const MOTION_STAGES = ['submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn', 'composited', 'awaiting-acceptance', 'not-accepted'] as const;
export type MotionStage = (typeof MOTION_STAGES)[number];
export type MotionCommand = 'edit' | 'withdraw' | 'admit' | 'admit-emergency' | 'accept' | 'decline' | 'refuse' | 'debate' | 'open-vote' | 'carry' | 'lose' | 'refer' | 'composite';

/**
 * The life cycle as a table: stage × command → next stage. A command missing from a stage's row
 * is refused with the stage named. Who may give each command is checked beside it (`Motion`).
 */
export const MOTION_LIFE_CYCLE: Record<MotionStage, Partial<Record<MotionCommand, MotionStage>>> = {
  submitted: { edit: 'submitted', withdraw: 'withdrawn', admit: 'admitted', 'admit-emergency': 'awaiting-acceptance', refuse: 'refused' },
  // An emergency motion the committee admitted, waiting for the congress to accept it onto the agenda.
  'awaiting-acceptance': { withdraw: 'withdrawn', accept: 'admitted', decline: 'not-accepted' },
  'not-accepted': {},
  admitted: { withdraw: 'withdrawn', debate: 'debated', refer: 'referred', composite: 'composited' },
  debated: { withdraw: 'withdrawn', 'open-vote': 'voting', refer: 'referred' },
  voting: { carry: 'carried', lose: 'lost' },
  refused: {},
  carried: {},
  lost: {},
  referred: {},
  withdrawn: {},
  composited: {},
};

export interface MotionSnapshot {
  id: string;
  congressId: string;
  agendaItemId: string | null;
  number: number;
  title: string;
  text: string;
  submitter: Submitter;
  /** The member who put it in (for a body: the officer who did). */
  submittedBy: string;
  stage: MotionStage;
  seconders: string[];
  refusalReason: string | null;
  /** The text as amended, produced when the motion's vote closes (null before). */
  amendedText: string | null;
  /** The composite motion that replaced it, with its mover's consent (null otherwise). */
  compositedInto: string | null;
  /** An emergency motion: the mover's reason it could not be submitted before the deadline (null: an ordinary motion). */
  emergencyReason: string | null;
  /** The standing orders committee's reason for admitting it (required for an emergency motion), published with it. */
  admissionReason: string | null;
  submittedAt: string;
  decidedAt: string | null;
  version: number;
}

const MIN_REASON = 10;

export class Motion {
  private constructor(private s: MotionSnapshot) {}

  static submit(
    o: { id: string; congressId: string; agendaItemId: string | null; number: number; title: string; text: string; submitter: Submitter; actor: Actor; emergencyReason?: string | null },
    orders: StandingOrders,
    now: Date,
  ): Motion {
    const late = afterDeadline(orders, now);
    const emergencyReason = o.emergencyReason?.trim() ?? null;
    if (late && emergencyReason === null) {
      throw floorError(
        'unprocessable',
        FloorErrorCode.deadlinePassed,
        `The deadline for motions passed at ${orders.motionDeadline}. A motion on something that happened after the deadline can still be submitted as an emergency motion: submit it with emergency.reason saying what happened and why it could not be submitted in time; the standing orders committee then admits or refuses it.`,
        { deadline: orders.motionDeadline },
      );
    }
    if (!late && emergencyReason !== null) {
      throw floorError('unprocessable', FloorErrorCode.notAnEmergency, `The deadline for motions (${orders.motionDeadline}) has not passed: submit this as an ordinary motion.`, { deadline: orders.motionDeadline });
    }
    if (emergencyReason !== null && emergencyReason.length < MIN_REASON) {
      throw floorError('invalid', FloorErrorCode.emergencyNeedsReason, `An emergency motion says why it could not be submitted before the deadline (what happened after it): give a reason of at least ${MIN_REASON} characters.`);
    }
    if (!actsFor(o.submitter, o.actor)) {
      const who = { member: 'yourself', branch: "a branch whose committee you chair or are secretary of", executive: 'the executive (an Executive Committee mandate)', caucus: 'a caucus you may act for', composite: 'a body you may act for (a composite is proposed by the standing orders committee)' }[o.submitter.kind];
      throw floorError('forbidden', FloorErrorCode.mayNotSubmitFor, `You can submit a motion only for ${who}.`);
    }
    const text = normalizeText(o.text);
    if (!text) throw floorError('invalid', FloorErrorCode.invalidMotion, 'A motion needs a text.');
    return new Motion({
      id: o.id,
      congressId: o.congressId,
      agendaItemId: o.agendaItemId,
      number: o.number,
      title: o.title.trim(),
      text,
      submitter: o.submitter,
      submittedBy: o.actor.memberId,
      stage: 'submitted',
      seconders: [],
      refusalReason: null,
      amendedText: null,
      compositedInto: null,
      emergencyReason,
      admissionReason: null,
      submittedAt: now.toISOString(),
      decidedAt: null,
      version: 1,
    });
  }

  static fromSnapshot(s: MotionSnapshot): Motion {
    return new Motion({ ...s, seconders: [...s.seconders] });
  }

  toSnapshot(): MotionSnapshot {
    return { ...this.s, seconders: [...this.s.seconders] };
  }

  get stage(): MotionStage {
    return this.s.stage;
  }

  /** Seconders still missing before the standing orders committee can admit it. */
  secondersMissing(orders: StandingOrders): number {
    return this.s.submitter.kind === 'member' ? Math.max(0, orders.secondersRequired - this.s.seconders.length) : 0;
  }

  private step(cmd: MotionCommand): void {
    const next = MOTION_LIFE_CYCLE[this.s.stage][cmd];
    if (!next) {
      throw floorError('conflict', FloorErrorCode.motionWrongStage, `This motion is ${this.s.stage}; it cannot be ${PAST[cmd]} now.`, { stage: this.s.stage });
    }
    this.s.stage = next;
    this.s.version += 1;
  }

  /** Only whoever submitted it (the member, the branch's officers, the executive, the caucus) edits or withdraws it. */
  private assertSubmitter(a: Actor, what: string): void {
    if (this.s.submitter.kind === 'composite') {
      throw floorError('forbidden', FloorErrorCode.compositeNeedsAllMovers, `A composite motion's text was agreed by all its movers: nobody alone can ${what} it.${what === 'withdraw' ? ' It is withdrawn only when every mover of the motions it replaced consents (POST /composites/:id/withdrawals).' : ''}`);
    }
    assertMover(this.s.submitter, a, `Only whoever submitted this motion can ${what} it.`);
  }

  edit(a: Actor, change: { title?: string; text?: string }, orders: StandingOrders, now: Date): void {
    this.assertSubmitter(a, 'edit');
    if (afterDeadline(orders, now)) throw floorError('unprocessable', FloorErrorCode.deadlinePassed, `The deadline for motions passed at ${orders.motionDeadline}; the text can now change only by amendment.`);
    this.step('edit');
    if (change.title !== undefined) this.s.title = change.title.trim();
    if (change.text !== undefined) {
      const text = normalizeText(change.text);
      if (!text) throw floorError('invalid', FloorErrorCode.invalidMotion, 'A motion needs a text.');
      this.s.text = text;
      // Seconders supported the old words: they second again.
      this.s.seconders = [];
    }
  }

  withdraw(a: Actor): void {
    this.assertSubmitter(a, 'withdraw');
    this.step('withdraw');
  }

  /** Whether it can still be withdrawn (asked before a composite's movers are asked to withdraw it). */
  get withdrawable(): boolean {
    return MOTION_LIFE_CYCLE[this.s.stage].withdraw !== undefined;
  }

  /** A composite motion withdrawn because every mover of its originals consented (`Composite.consentToWithdraw`). */
  withdrawJointly(): void {
    if (this.s.submitter.kind !== 'composite') throw floorError('conflict', FloorErrorCode.invalidComposite, 'Only a composite motion is withdrawn by its movers jointly.');
    this.step('withdraw');
  }

  second(memberId: string, orders: StandingOrders, now: Date): void {
    if (this.s.stage !== 'submitted') throw floorError('conflict', FloorErrorCode.motionWrongStage, `This motion is ${this.s.stage}; seconding is over.`);
    // An emergency motion is seconded after the deadline (it could not be submitted before it).
    if (this.s.emergencyReason === null && afterDeadline(orders, now)) {
      throw floorError('unprocessable', FloorErrorCode.deadlinePassed, `The deadline for motions (and their seconders) passed at ${orders.motionDeadline}.`);
    }
    if (this.s.submitter.kind === 'member' && this.s.submitter.ref === memberId) throw floorError('unprocessable', FloorErrorCode.cannotSecondOwn, 'You cannot second your own motion.');
    if (this.s.seconders.includes(memberId)) throw floorError('conflict', FloorErrorCode.alreadySeconded, 'You have already seconded this motion.');
    this.s.seconders.push(memberId);
    this.s.version += 1;
  }

  get emergency(): boolean {
    return this.s.emergencyReason !== null;
  }

  /**
   * The standing orders committee admits it to the agenda item (once its seconders are there),
   * with a reason published with it — required for an emergency motion, which then waits for the
   * congress to accept it onto the agenda unless the standing orders leave that to the committee.
   */
  admit(orders: StandingOrders, agendaItemId: string | null, reason?: string | null): void {
    const missing = this.secondersMissing(orders);
    if (this.s.stage === 'submitted' && missing > 0) {
      throw floorError('unprocessable', FloorErrorCode.notEnoughSeconders, `This motion needs ${missing} more seconder(s) before it can be admitted.`, { missing });
    }
    const r = reason?.trim() || null;
    if (this.emergency) {
      if (!r || r.length < MIN_REASON) {
        throw floorError('invalid', FloorErrorCode.emergencyNeedsReason, `An emergency motion is admitted with the committee's reason (why it could not be submitted in time and why it cannot wait), published with it: give one of at least ${MIN_REASON} characters.`);
      }
      this.step(orders.emergencyAcceptance === 'congress' ? 'admit-emergency' : 'admit');
    } else {
      this.step('admit');
    }
    this.s.admissionReason = r;
    if (agendaItemId) this.s.agendaItemId = agendaItemId;
  }

  /** The congress's vote on accepting an admitted emergency motion onto its agenda. */
  decideAcceptance(accepted: boolean, now: Date): void {
    this.step(accepted ? 'accept' : 'decline');
    if (!accepted) this.s.decidedAt = now.toISOString();
  }

  /** Refused by the standing orders committee: the reason is recorded and published with the motion. */
  refuse(reason: string): void {
    const r = reason.trim();
    if (r.length < MIN_REASON) throw floorError('invalid', FloorErrorCode.refusalNeedsReason, `A refusal is published with its reason: give one (at least ${MIN_REASON} characters).`);
    this.step('refuse');
    this.s.refusalReason = r;
  }

  debate(): void {
    this.step('debate');
  }

  openVote(): void {
    this.step('open-vote');
  }

  refer(now: Date): void {
    this.step('refer');
    this.s.decidedAt = now.toISOString();
  }

  /** Replaced by a composite every mover consented to (see `Composite`). */
  compositeInto(compositeMotionId: string): void {
    this.step('composite');
    this.s.compositedInto = compositeMotionId;
  }

  /** The vote's outcome; the text as amended is the one the congress voted on. */
  decide(carried: boolean, amendedText: string, now: Date): void {
    this.step(carried ? 'carry' : 'lose');
    this.s.amendedText = amendedText;
    this.s.decidedAt = now.toISOString();
  }
}

const PAST: Record<MotionCommand, string> = {
  edit: 'edited',
  withdraw: 'withdrawn',
  admit: 'admitted',
  'admit-emergency': 'admitted as an emergency motion',
  accept: 'accepted onto the agenda',
  decline: 'declined',
  refuse: 'refused',
  debate: 'debated',
  'open-vote': 'put to the vote',
  carry: 'carried',
  lose: 'lost',
  refer: 'referred',
  composite: 'composited',
};

/** One line per line of the motion; trailing spaces and trailing empty lines removed, CRLF folded. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '')
    .replace(/^\n+/, '');
}
