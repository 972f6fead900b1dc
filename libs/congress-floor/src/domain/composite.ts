import { floorError, FloorErrorCode } from './floor.errors';
import { assertMover, normalizeText, type Actor, type MotionSnapshot, type Submitter } from './motion.entity';

/**
 * Compositing: the standing orders committee proposes one text to replace several similar
 * motions. Each original's mover (the member, the branch's officers, the executive, the caucus)
 * consents or refuses for their motion; only when every mover has consented does the composite
 * replace them. One refusal leaves the originals as they are.
 */
export const COMPOSITE_STATES = ['proposed', 'agreed', 'refused', 'withdrawn'] as const;
export type CompositeState = (typeof COMPOSITE_STATES)[number];

export interface CompositeOriginal {
  motionId: string;
  number: number;
  submitter: Submitter;
  /** null: not yet answered. */
  consent: boolean | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** Agreed composites: who, for this original's mover, consented to withdrawing the composite motion (null: not yet). */
  withdrawalBy: string | null;
  withdrawalAt: string | null;
}

export interface CompositeSnapshot {
  id: string;
  congressId: string;
  title: string;
  text: string;
  proposedBy: string;
  proposedAt: string;
  state: CompositeState;
  originals: CompositeOriginal[];
  /** The composite motion, once every mover agreed. */
  motionId: string | null;
}

const MIN_ORIGINALS = 2;

export class Composite {
  private constructor(private s: CompositeSnapshot) {}

  /**
   * Proposed over admitted motions of one congress (at least two), none already in another
   * proposal waiting for answers (`pending`: the ids of motions in a proposal still `proposed`).
   */
  static propose(
    o: { id: string; congressId: string; title: string; text: string; proposedBy: string; originals: MotionSnapshot[]; pending: readonly string[] },
    now: Date,
  ): Composite {
    const ids = new Set(o.originals.map((m) => m.id));
    if (ids.size < MIN_ORIGINALS || ids.size !== o.originals.length) {
      throw floorError('invalid', FloorErrorCode.invalidComposite, `A composite replaces at least ${MIN_ORIGINALS} different motions.`);
    }
    for (const m of o.originals) {
      if (m.congressId !== o.congressId) throw floorError('invalid', FloorErrorCode.invalidComposite, `Motion ${m.number} is not a motion of this congress.`);
      if (m.stage !== 'admitted') {
        throw floorError('conflict', FloorErrorCode.motionWrongStage, `Motion ${m.number} is ${m.stage}; only admitted motions, before their debate, are composited.`, { motion: m.number, stage: m.stage });
      }
      if (o.pending.includes(m.id)) {
        throw floorError('conflict', FloorErrorCode.compositePending, `Motion ${m.number} is already in a composite waiting for its movers' answers.`, { motion: m.number });
      }
    }
    const text = normalizeText(o.text);
    if (!text) throw floorError('invalid', FloorErrorCode.invalidComposite, 'A composite needs a text.');
    const title = o.title.trim();
    if (title.length < 3) throw floorError('invalid', FloorErrorCode.invalidComposite, 'A composite needs a title (at least 3 characters).');
    return new Composite({
      id: o.id,
      congressId: o.congressId,
      title,
      text,
      proposedBy: o.proposedBy,
      proposedAt: now.toISOString(),
      state: 'proposed',
      originals: [...o.originals]
        .sort((a, b) => a.number - b.number)
        .map((m) => ({ motionId: m.id, number: m.number, submitter: m.submitter, consent: null, answeredBy: null, answeredAt: null, withdrawalBy: null, withdrawalAt: null })),
      motionId: null,
    });
  }

  static fromSnapshot(s: CompositeSnapshot): Composite {
    return new Composite({ ...s, originals: s.originals.map((o) => ({ ...o })) });
  }

  toSnapshot(): CompositeSnapshot {
    return { ...this.s, originals: this.s.originals.map((o) => ({ ...o })) };
  }

  get state(): CompositeState {
    return this.s.state;
  }

  /**
   * The mover of one original answers for it: only whoever submitted that motion (as `actsFor`
   * says), once, while the proposal waits. The last consent agrees the composite; any refusal
   * refuses it and leaves every original as it was.
   */
  answer(motionId: string, actor: Actor, consent: boolean, now: Date): CompositeState {
    const o = this.s.originals.find((x) => x.motionId === motionId);
    if (!o) throw floorError('not_found', FloorErrorCode.motionNotFound, 'That motion is not one this composite would replace.');
    assertMover(o.submitter, actor, `Only whoever moved motion ${o.number} consents to compositing it, or refuses.`);
    if (this.s.state !== 'proposed') throw floorError('conflict', FloorErrorCode.compositeDecided, `This composite is already ${this.s.state}.`, { state: this.s.state });
    if (o.consent !== null) throw floorError('conflict', FloorErrorCode.compositeDecided, `Motion ${o.number}'s mover has already ${o.consent ? 'consented' : 'refused'}.`);
    o.consent = consent;
    o.answeredBy = actor.memberId;
    o.answeredAt = now.toISOString();
    if (!consent) this.s.state = 'refused';
    else if (this.s.originals.every((x) => x.consent === true)) this.s.state = 'agreed';
    return this.s.state;
  }

  /**
   * Withdrawing a composite motion takes what forming it took: the consent of every mover of the
   * motions it replaced. The mover of one original consents for it (as `actsFor` says), once,
   * while the composite motion can still be withdrawn; the last consent withdraws it. Nobody
   * else — the executive included, unless it moved an original — has a say.
   */
  consentToWithdraw(motionId: string, actor: Actor, o: { motionWithdrawable: boolean }, now: Date): CompositeState {
    const orig = this.s.originals.find((x) => x.motionId === motionId);
    if (!orig) throw floorError('not_found', FloorErrorCode.motionNotFound, 'That motion is not one this composite replaced.');
    assertMover(orig.submitter, actor, `Only whoever moved motion ${orig.number} consents, for it, to withdrawing the composite.`);
    if (this.s.state !== 'agreed' || !o.motionWithdrawable) {
      throw floorError('conflict', FloorErrorCode.compositeDecided, this.s.state === 'agreed' ? 'The composite motion can no longer be withdrawn (it is past its debate).' : `This composite is ${this.s.state}; only an agreed composite's motion is withdrawn.`, { state: this.s.state });
    }
    if (orig.withdrawalBy !== null) throw floorError('conflict', FloorErrorCode.compositeDecided, `Motion ${orig.number}'s mover has already consented to withdrawing the composite.`);
    orig.withdrawalBy = actor.memberId;
    orig.withdrawalAt = now.toISOString();
    if (this.s.originals.every((x) => x.withdrawalBy !== null)) this.s.state = 'withdrawn';
    return this.s.state;
  }

  /** The composite motion, once agreed: admitted (its originals were), under the first original's agenda item. */
  agreedMotion(o: { id: string; number: number; agendaItemId: string | null }, now: Date): MotionSnapshot {
    if (this.s.state !== 'agreed') throw floorError('conflict', FloorErrorCode.compositeDecided, 'The composite replaces its motions only once every mover has consented.');
    this.s.motionId = o.id;
    return {
      id: o.id,
      congressId: this.s.congressId,
      agendaItemId: o.agendaItemId,
      number: o.number,
      title: this.s.title,
      text: this.s.text,
      submitter: { kind: 'composite', ref: this.s.id },
      submittedBy: this.s.proposedBy,
      stage: 'admitted',
      seconders: [],
      refusalReason: null,
      amendedText: null,
      compositedInto: null,
      emergencyReason: null,
      admissionReason: null,
      submittedAt: now.toISOString(),
      decidedAt: null,
      version: 1,
    };
  }
}
