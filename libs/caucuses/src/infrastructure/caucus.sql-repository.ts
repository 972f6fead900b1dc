import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { maybeOne, one, query } from '@org/platform';
import type { CaucusPublicFace, CaucusStage, CaucusVoteFace } from '../domain';
import { CaucusRepository, type CaucusListing, type CaucusPost, type RosterEntry, type VoteState } from '../application/ports/caucus.repository';

interface FaceRow {
  id: string;
  name: string;
  purpose: string;
  stage: CaucusStage;
  threshold: number;
  formed_at: Date | null;
  created_at: Date;
}

interface ListingRow extends FaceRow {
  count: number;
  asker_is_member: boolean;
}

interface PostRow {
  id: string;
  author_member_id: string;
  body: string;
  posted_at: Date;
}

interface VoteRow {
  id: string;
  caucus_id: string;
  question: string;
  options: string[];
  opened_by: string;
  opened_at: Date;
  closed_at: Date | null;
}

const FACE = `c.id, c.name, c.purpose, c.stage, c.threshold, c.formed_at, c.created_at`;

const toFace = (r: FaceRow): CaucusPublicFace => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  stage: r.stage,
  threshold: r.threshold,
  formedAt: r.formed_at ? new Date(r.formed_at) : null,
  createdAt: new Date(r.created_at),
});

const toPost = (r: PostRow): CaucusPost => ({ id: r.id, authorMemberId: r.author_member_id, body: r.body, postedAt: new Date(r.posted_at) });

const toVote = (r: VoteRow): CaucusVoteFace => ({
  id: r.id,
  caucusId: r.caucus_id,
  question: r.question,
  options: r.options,
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
});

/** `caucuses.*` in SQL, on the context's own connection. */
@Injectable()
export class CaucusSqlRepository extends CaucusRepository {
  async insert(tx: Tx, c: { name: string; purpose: string; threshold: number; at: Date }): Promise<string> {
    const r = await one<{ id: string }>(tx, `INSERT INTO caucuses.caucuses (name, purpose, threshold, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [c.name, c.purpose, c.threshold, c.at]);
    return r.id;
  }

  async nameTaken(tx: Tx, name: string): Promise<boolean> {
    return (await maybeOne<{ id: string }>(tx, `SELECT id FROM caucuses.caucuses WHERE lower(name) = lower($1)`, [name])) !== null;
  }

  async face(tx: Tx, id: string, lock = false): Promise<CaucusPublicFace | null> {
    const r = lock
      ? await maybeOne<FaceRow>(tx, `SELECT ${FACE} FROM caucuses.caucuses c WHERE c.id = $1 FOR UPDATE`, [id])
      : await maybeOne<FaceRow>(tx, `SELECT ${FACE} FROM caucuses.caucuses c WHERE c.id = $1`, [id]);
    return r ? toFace(r) : null;
  }

  async isMemberOfFormed(tx: Tx, id: string, memberId: string): Promise<boolean> {
    const r = await one<{ yes: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM caucuses.caucuses c JOIN caucuses.members m ON m.caucus_id = c.id
                       WHERE c.id = $1::uuid AND c.stage = 'formed' AND m.member_id = $2::uuid) AS yes`,
      [id, memberId],
    );
    return r.yes;
  }

  async memberIds(tx: Tx, id: string): Promise<string[]> {
    return (await query<{ member_id: string }>(tx, `SELECT member_id FROM caucuses.members WHERE caucus_id = $1`, [id])).map((r) => r.member_id);
  }

  async list(tx: Tx, askerMemberId: string | null): Promise<CaucusListing[]> {
    const rows = await query<ListingRow>(
      tx,
      `SELECT ${FACE},
              (SELECT count(*)::int FROM caucuses.members m WHERE m.caucus_id = c.id) AS count,
              EXISTS (SELECT 1 FROM caucuses.members m WHERE m.caucus_id = c.id AND m.member_id = $1::uuid) AS asker_is_member
         FROM caucuses.caucuses c
        ORDER BY c.stage DESC, lower(c.name)`,
      [askerMemberId],
    );
    return rows.map((r) => ({ face: toFace(r), count: r.count, askerIsMember: r.asker_is_member }));
  }

  async addMember(tx: Tx, id: string, memberId: string, at: Date): Promise<void> {
    await query(tx, `INSERT INTO caucuses.members (caucus_id, member_id, joined_at) VALUES ($1, $2, $3)`, [id, memberId, at]);
  }

  async removeMember(tx: Tx, id: string, memberId: string): Promise<void> {
    await query(tx, `DELETE FROM caucuses.members WHERE caucus_id = $1 AND member_id = $2`, [id, memberId]);
  }

  async markFormed(tx: Tx, id: string, at: Date): Promise<void> {
    await query(tx, `UPDATE caucuses.caucuses SET stage = 'formed', formed_at = $2 WHERE id = $1 AND stage = 'forming'`, [id, at]);
  }

  async deleteLapsed(tx: Tx, id: string): Promise<void> {
    await query(tx, `DELETE FROM caucuses.caucuses WHERE id = $1 AND stage = 'forming' AND NOT EXISTS (SELECT 1 FROM caucuses.members WHERE caucus_id = $1)`, [id]);
  }

  async roster(tx: Tx, id: string): Promise<RosterEntry[]> {
    const rows = await query<{ member_id: string; joined_at: Date }>(tx, `SELECT member_id, joined_at FROM caucuses.members WHERE caucus_id = $1 ORDER BY joined_at, member_id`, [id]);
    return rows.map((r) => ({ memberId: r.member_id, joinedAt: new Date(r.joined_at) }));
  }

  async addPost(tx: Tx, p: { caucusId: string; authorMemberId: string; body: string; at: Date }): Promise<CaucusPost> {
    return toPost(
      await one<PostRow>(tx, `INSERT INTO caucuses.posts (caucus_id, author_member_id, body, posted_at) VALUES ($1, $2, $3, $4) RETURNING id, author_member_id, body, posted_at`, [
        p.caucusId,
        p.authorMemberId,
        p.body,
        p.at,
      ]),
    );
  }

  async posts(tx: Tx, caucusId: string, limit: number): Promise<CaucusPost[]> {
    const rows = await query<PostRow>(
      tx,
      `SELECT id, author_member_id, body, posted_at FROM (
         SELECT id, author_member_id, body, posted_at FROM caucuses.posts WHERE caucus_id = $1 ORDER BY posted_at DESC, id DESC LIMIT $2
       ) latest ORDER BY posted_at, id`,
      [caucusId, limit],
    );
    return rows.map(toPost);
  }

  async openVote(tx: Tx, v: { caucusId: string; question: string; options: readonly string[]; openedBy: string; at: Date }): Promise<string> {
    const r = await one<{ id: string }>(tx, `INSERT INTO caucuses.votes (caucus_id, question, options, opened_by, opened_at) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`, [
      v.caucusId,
      v.question,
      JSON.stringify(v.options),
      v.openedBy,
      v.at,
    ]);
    return r.id;
  }

  async vote(tx: Tx, caucusId: string, voteId: string, lock = false): Promise<CaucusVoteFace | null> {
    const r = lock
      ? await maybeOne<VoteRow>(tx, `SELECT id, caucus_id, question, options, opened_by, opened_at, closed_at FROM caucuses.votes WHERE id = $1 AND caucus_id = $2 FOR UPDATE`, [voteId, caucusId])
      : await maybeOne<VoteRow>(tx, `SELECT id, caucus_id, question, options, opened_by, opened_at, closed_at FROM caucuses.votes WHERE id = $1 AND caucus_id = $2`, [voteId, caucusId]);
    return r ? toVote(r) : null;
  }

  async votes(tx: Tx, caucusId: string): Promise<CaucusVoteFace[]> {
    const rows = await query<VoteRow>(tx, `SELECT id, caucus_id, question, options, opened_by, opened_at, closed_at FROM caucuses.votes WHERE caucus_id = $1 ORDER BY opened_at DESC, id`, [caucusId]);
    return rows.map(toVote);
  }

  async voteState(tx: Tx, vote: CaucusVoteFace, askerMemberId: string): Promise<VoteState> {
    const p = await one<{ participants: number; asker_voted: boolean }>(
      tx,
      `SELECT count(*)::int AS participants, coalesce(bool_or(member_id = $2), false) AS asker_voted FROM caucuses.vote_participants WHERE vote_id = $1`,
      [vote.id, askerMemberId],
    );
    const tallies = await query<{ option_index: number; votes: number }>(tx, `SELECT option_index, votes FROM caucuses.vote_tallies WHERE vote_id = $1`, [vote.id]);
    return { face: vote, participants: p.participants, askerVoted: p.asker_voted, tallies: new Map(tallies.map((t) => [t.option_index, t.votes])) };
  }

  async recordVote(tx: Tx, voteId: string, memberId: string, option: number): Promise<void> {
    await query(tx, `INSERT INTO caucuses.vote_participants (vote_id, member_id) VALUES ($1, $2)`, [voteId, memberId]);
    await query(
      tx,
      `INSERT INTO caucuses.vote_tallies (vote_id, option_index, votes) VALUES ($1, $2, 1)
       ON CONFLICT (vote_id, option_index) DO UPDATE SET votes = caucuses.vote_tallies.votes + 1`,
      [voteId, option],
    );
  }

  async closeVote(tx: Tx, voteId: string, at: Date): Promise<void> {
    await query(tx, `UPDATE caucuses.votes SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL`, [voteId, at]);
  }
}
