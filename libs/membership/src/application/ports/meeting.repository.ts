import type { Tx } from '@org/platform';
import type { MeetingSpeakerEntry, SpeakerAddedBy } from '../../domain';

export interface MeetingRecord {
  id: string;
  branchId: string;
  title: string;
  startsAt: string;
  hostMemberId: string;
  hostName: string;
}

export interface MeetingListItem extends MeetingRecord {
  /** Speakers listed now (withdrawn ones not counted). */
  speakerCount: number;
}

export interface MeetingSpeakerRecord extends MeetingSpeakerEntry {
  name: string;
  topic: string | null;
  addedBy: SpeakerAddedBy;
  addedAt: string;
  withdrawnAt: string | null;
}

/** Branch meetings and their speakers' lists (S5). */
export abstract class MeetingRepository {
  /** The meeting of this branch (another branch's meeting is null, like a missing one); `lock` serializes changes to its list. */
  abstract load(m: Tx, branchId: string, meetingId: string, options?: { lock?: boolean }): Promise<MeetingRecord | null>;
  /** The branch's meetings, the coming ones first (then the past ones, latest first), at most `limit`. */
  abstract list(m: Tx, branchId: string, now: Date, limit: number): Promise<MeetingListItem[]>;
  /** Every entry of the meeting's list in the order added, withdrawn ones included. */
  abstract speakers(m: Tx, meetingId: string): Promise<MeetingSpeakerRecord[]>;
  abstract addSpeaker(m: Tx, s: { id: string; meetingId: string; memberId: string; topic: string | null; addedBy: SpeakerAddedBy; addedByMemberId: string | null; addedAt: Date }): Promise<void>;
  abstract withdrawSpeaker(m: Tx, speakerId: string, by: string | null, at: Date): Promise<void>;
}
