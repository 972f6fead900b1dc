import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { MeetingSpeakers, MembershipErrorCode, type SpeakerAddedBy } from '../../domain';
import { isNationalMembershipSecretary } from '../access-scope';
import { MembershipApplicationErrorCode, branchNotFound, meetingNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { MeetingRepository, type MeetingListItem, type MeetingRecord, type MeetingSpeakerRecord } from '../ports/meeting.repository';
import { MemberRegisterQuery } from '../ports/member-register.query';
import { MembershipTransactions } from '../ports/membership-transactions.port';
import { RestrictionGate } from '../restriction-gate';

export interface MeetingSpeakersView extends MeetingRecord {
  /** Whether the caller may name speakers and take anyone off the list (the branch's chair or secretary). */
  mayManage: boolean;
  /** Listed now, in the order they were added. */
  speakers: MeetingSpeakerRecord[];
  /** Taken off the list, for the record. */
  withdrawn: MeetingSpeakerRecord[];
}

/** How many meetings a branch's list shows. */
const MEETINGS_SHOWN = 100;

/**
 * A branch meeting's speakers' list (S5). The branch's chair or secretary (or the national
 * membership secretary) names speakers on the agenda — active members of the branch; an active
 * member of the branch asks to speak for themself. A member under a `no_speaking` restriction is
 * not added: the refusal is the neutral "blocked by a confidential restriction", asked of the
 * restrictions port only once the caller may act on this meeting and the speaker is one of the
 * branch's active members, so nobody outside that scope learns that a restriction exists.
 * Anyone else — another branch's member or officer, a member with no office — finds no meeting.
 */
@Injectable()
export class MeetingSpeakersUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly meetings: MeetingRepository,
    private readonly register: MemberRegisterQuery,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  private isOfficer(p: Principal, branchId: string): boolean {
    return p.isOfficerOf(branchId, ['chair', 'secretary']) || isNationalMembershipSecretary(p);
  }

  /** Officers of the branch, or its active members; everyone else: not found. */
  private async requireBranchScope(m: Tx, p: Principal, branchId: string, notFound: () => DomainError = branchNotFound): Promise<{ officer: boolean }> {
    if (this.isOfficer(p, branchId)) return { officer: true };
    if (p.memberId && (await this.register.activeMemberOfBranch(m, p.memberId, branchId))) return { officer: false };
    throw notFound();
  }

  private async meeting(m: Tx, branchId: string, meetingId: string, lock = false): Promise<MeetingRecord> {
    const g = await this.meetings.load(m, branchId, meetingId, { lock });
    if (!g) throw meetingNotFound();
    return g;
  }

  async list(p: Principal, branchId: string): Promise<MeetingListItem[]> {
    return this.ds.transaction(async (m) => {
      await this.requireBranchScope(m, p, branchId);
      return this.meetings.list(m, branchId, this.clock.now(), MEETINGS_SHOWN);
    });
  }

  async view(p: Principal, branchId: string, meetingId: string): Promise<MeetingSpeakersView> {
    return this.ds.transaction(async (m) => {
      const { officer } = await this.requireBranchScope(m, p, branchId, meetingNotFound);
      return this.viewIn(m, branchId, meetingId, officer);
    });
  }

  private async viewIn(m: Tx, branchId: string, meetingId: string, officer: boolean): Promise<MeetingSpeakersView> {
    const g = await this.meeting(m, branchId, meetingId);
    const all = await this.meetings.speakers(m, meetingId);
    return { ...g, mayManage: officer, speakers: all.filter((s) => s.state === 'listed'), withdrawn: all.filter((s) => s.state === 'withdrawn') };
  }

  /** `memberId` absent (or the caller's own): the caller asks to speak; otherwise an officer names a speaker. */
  async add(p: Principal, branchId: string, meetingId: string, cmd: { memberId?: string | null; topic?: string | null }): Promise<MeetingSpeakersView> {
    return this.ds.transaction(async (m) => {
      const { officer } = await this.requireBranchScope(m, p, branchId, meetingNotFound);
      await this.meeting(m, branchId, meetingId, true);
      const memberId = cmd.memberId ?? p.memberId;
      if (!memberId) throw meetingNotFound();
      const addedBy: SpeakerAddedBy = memberId === p.memberId ? 'self' : 'officer';
      if (addedBy === 'officer') {
        if (!officer) throw notAnOfficer();
        if (!(await this.register.activeMemberOfBranch(m, memberId, branchId))) {
          throw new DomainError('conflict', MembershipApplicationErrorCode.speakerNotInBranch, 'memberId: a speaker must be an active member of this branch.', { field: 'memberId' });
        }
      } else if (!(await this.register.activeMemberOfBranch(m, memberId, branchId))) {
        // An officer who is not themself an active member of the branch (the national membership secretary).
        throw new DomainError('conflict', MembershipApplicationErrorCode.speakerNotInBranch, 'Only active members of this branch speak at its meetings.');
      }
      // Scope first, restriction last: only someone entitled to put this member forward ever hears it.
      const restrictions = await this.gate.currentRestrictions(m, memberId);
      new MeetingSpeakers(await this.meetings.speakers(m, meetingId)).assertMayAdd(memberId, restrictions);
      const id = randomUUID();
      const topic = cmd.topic?.trim() || null;
      await this.meetings.addSpeaker(m, { id, meetingId, memberId, topic, addedBy, addedByMemberId: p.memberId, addedAt: this.clock.now() });
      await this.audit.record(m, { actorId: p.memberId, action: 'meeting.speaker-added', subjectType: 'meeting', subjectId: meetingId, data: { speakerId: id, memberId, addedBy } });
      return this.viewIn(m, branchId, meetingId, officer);
    });
  }

  /** The speaker themself, or an officer, takes an entry off the list. */
  async withdraw(p: Principal, branchId: string, meetingId: string, speakerId: string): Promise<MeetingSpeakersView> {
    return this.ds.transaction(async (m) => {
      const { officer } = await this.requireBranchScope(m, p, branchId, meetingNotFound);
      await this.meeting(m, branchId, meetingId, true);
      const entry = new MeetingSpeakers(await this.meetings.speakers(m, meetingId)).listedEntry(speakerId);
      if (entry.memberId !== p.memberId && !officer) throw notAnOfficer();
      await this.meetings.withdrawSpeaker(m, speakerId, p.memberId, this.clock.now());
      await this.audit.record(m, { actorId: p.memberId, action: 'meeting.speaker-withdrawn', subjectType: 'meeting', subjectId: meetingId, data: { speakerId, memberId: entry.memberId } });
      return this.viewIn(m, branchId, meetingId, officer);
    });
  }
}

const notAnOfficer = (): DomainError =>
  new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, 'Only the branch’s chair or secretary names other speakers or takes them off the list. You can ask to speak, or withdraw, for yourself.');
