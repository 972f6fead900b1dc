import { DomainError, type Restriction } from '@org/kernel';
import { blockedByRestriction, MembershipErrorCode } from './membership.errors';

/** Who put a speaker on a branch meeting's list: the member asking to speak, or a branch officer naming them. */
export type SpeakerAddedBy = 'self' | 'officer';

/** One entry of a branch meeting's speakers' list. `withdrawn` entries stay in the record. */
export interface MeetingSpeakerEntry {
  id: string;
  memberId: string;
  state: 'listed' | 'withdrawn';
}

/**
 * A branch meeting's speakers' list (S5): the named speakers on its agenda and the members who
 * asked to speak, in the order they were added. The list decides; the application has already
 * checked scope (the caller may act on this meeting, the speaker is an active member of the
 * branch) and hands over the speaker's current restrictions as the restrictions port gave them.
 */
export class MeetingSpeakers {
  constructor(private readonly entries: readonly MeetingSpeakerEntry[]) {}

  /**
   * Whether `memberId` may be put on the list. A member under a `no_speaking` restriction is
   * refused with `blocked_by_restriction` — the neutral answer that says a confidential restriction
   * applies, never which one or why; a member already listed is refused as such. The restriction is
   * asked first, so a restricted member already on the list (listed before the measure) gets the
   * same neutral refusal rather than a hint about their entry.
   */
  assertMayAdd(memberId: string, restrictions: readonly Restriction[]): void {
    if (restrictions.some((r) => r.kind === 'no_speaking')) throw blockedByRestriction();
    if (this.entries.some((e) => e.memberId === memberId && e.state === 'listed')) {
      throw new DomainError('conflict', MembershipErrorCode.alreadyOnSpeakersList, 'This member is already on the speakers’ list of this meeting.');
    }
  }

  /** The listed entry `speakerId`, which may be withdrawn; a withdrawn or unknown entry is refused. */
  listedEntry(speakerId: string): MeetingSpeakerEntry {
    const e = this.entries.find((x) => x.id === speakerId && x.state === 'listed');
    if (!e) throw new DomainError('not_found', MembershipErrorCode.speakerNotListed, 'No such speaker on this meeting’s list (already withdrawn?).');
    return e;
  }
}
