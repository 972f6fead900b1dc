import { Injectable } from '@nestjs/common';
import { maybeOne, query, type Tx } from '@org/platform';
import type { SpeakerAddedBy } from '../domain';
import { MeetingRepository, type MeetingListItem, type MeetingRecord, type MeetingSpeakerRecord } from '../application/ports/meeting.repository';

interface MeetingRow {
  id: string;
  branch_id: string;
  title: string;
  starts_at: Date;
  host_member_id: string;
  host_name: string;
}
interface MeetingListRow extends MeetingRow {
  speaker_count: number;
}
interface SpeakerRow {
  id: string;
  member_id: string;
  name: string;
  topic: string | null;
  added_by: SpeakerAddedBy;
  added_at: Date;
  withdrawn_at: Date | null;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const toMeeting = (r: MeetingRow): MeetingRecord => ({ id: r.id, branchId: r.branch_id, title: r.title, startsAt: iso(r.starts_at), hostMemberId: r.host_member_id, hostName: r.host_name });

@Injectable()
export class MeetingSqlRepository extends MeetingRepository {
  async load(m: Tx, branchId: string, meetingId: string, options: { lock?: boolean } = {}): Promise<MeetingRecord | null> {
    const row = await maybeOne<MeetingRow>(
      m,
      `SELECT g.id, g.branch_id, g.title, g.starts_at, g.host_member_id, h.first_name || ' ' || h.last_name AS host_name
         FROM membership.meetings g JOIN membership.members h ON h.id = g.host_member_id
        WHERE g.id = $1 AND g.branch_id = $2${options.lock ? ' FOR UPDATE OF g' : ''}`,
      [meetingId, branchId],
    );
    return row ? toMeeting(row) : null;
  }

  async list(m: Tx, branchId: string, now: Date, limit: number): Promise<MeetingListItem[]> {
    const rows = await query<MeetingListRow>(
      m,
      `SELECT g.id, g.branch_id, g.title, g.starts_at, g.host_member_id, h.first_name || ' ' || h.last_name AS host_name,
              (SELECT count(*)::int FROM membership.meeting_speakers s WHERE s.meeting_id = g.id AND s.withdrawn_at IS NULL) AS speaker_count
         FROM membership.meetings g JOIN membership.members h ON h.id = g.host_member_id
        WHERE g.branch_id = $1
        ORDER BY (g.starts_at < $2) ASC, CASE WHEN g.starts_at >= $2 THEN g.starts_at END ASC, g.starts_at DESC, g.id
        LIMIT $3`,
      [branchId, now, limit],
    );
    return rows.map((r) => ({ ...toMeeting(r), speakerCount: Number(r.speaker_count) }));
  }

  async speakers(m: Tx, meetingId: string): Promise<MeetingSpeakerRecord[]> {
    const rows = await query<SpeakerRow>(
      m,
      `SELECT s.id, s.member_id, p.first_name || ' ' || p.last_name AS name, s.topic, s.added_by, s.added_at, s.withdrawn_at
         FROM membership.meeting_speakers s JOIN membership.members p ON p.id = s.member_id
        WHERE s.meeting_id = $1
        ORDER BY s.seq`,
      [meetingId],
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      topic: r.topic,
      addedBy: r.added_by,
      addedAt: iso(r.added_at),
      withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
      state: r.withdrawn_at ? 'withdrawn' : 'listed',
    }));
  }

  async addSpeaker(m: Tx, s: { id: string; meetingId: string; memberId: string; topic: string | null; addedBy: SpeakerAddedBy; addedByMemberId: string | null; addedAt: Date }): Promise<void> {
    await m.query(
      `INSERT INTO membership.meeting_speakers (id, meeting_id, member_id, topic, added_by, added_by_member_id, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.id, s.meetingId, s.memberId, s.topic, s.addedBy, s.addedByMemberId, s.addedAt],
    );
  }

  async withdrawSpeaker(m: Tx, speakerId: string, by: string | null, at: Date): Promise<void> {
    await m.query(`UPDATE membership.meeting_speakers SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_at IS NULL`, [speakerId, at, by]);
  }
}
