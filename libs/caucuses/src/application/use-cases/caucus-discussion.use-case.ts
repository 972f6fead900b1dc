import { Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import { caucusError, CaucusErrorCode, CaucusVote } from '../../domain';
import type { CaucusActor } from '../caucus-actor';
import { CaucusAudit } from '../caucus-audit';
import { CaucusMemberNames } from '../ports/caucus-member-names.port';
import { CaucusRepository, type VoteState } from '../ports/caucus.repository';
import { CaucusesUseCase } from './caucuses.use-case';

export interface PostView {
  readonly id: string;
  readonly author: string;
  readonly mine: boolean;
  readonly body: string;
  readonly postedAt: Date;
}

export interface VoteView {
  readonly id: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly openedAt: Date;
  readonly closedAt: Date | null;
  readonly openedByYou: boolean;
  readonly votesCast: number;
  readonly youVoted: boolean;
  /** Per option, once the vote is closed; null while it is open. */
  readonly results: { option: string; votes: number }[] | null;
}

export const POST_MAX = 10_000;
const POSTS_SHOWN = 200;

/** A caucus's own discussion and internal votes: its members only, once it has formed. */
@Injectable()
export class CaucusDiscussionUseCase {
  constructor(
    private readonly caucuses: CaucusesUseCase,
    private readonly repo: CaucusRepository,
    private readonly names: CaucusMemberNames,
    private readonly audit: CaucusAudit,
    private readonly clock: Clock,
  ) {}

  async posts(actor: CaucusActor, caucusId: string): Promise<PostView[]> {
    const posts = await this.caucuses.asMember(actor, caucusId, 'discussion', (tx) => this.repo.posts(tx, caucusId, POSTS_SHOWN));
    const names = await this.names.namesOf(posts.map((p) => p.authorMemberId));
    return posts.map((p) => ({ id: p.id, author: names.get(p.authorMemberId)?.name ?? 'A former member', mine: p.authorMemberId === actor.memberId, body: p.body, postedAt: p.postedAt }));
  }

  async post(actor: CaucusActor, caucusId: string, body: string): Promise<PostView> {
    const text = body.trim();
    if (!text || text.length > POST_MAX) throw caucusError('invalid', CaucusErrorCode.invalidCaucus, `A post holds 1 to ${POST_MAX} characters.`, { field: 'body' });
    const post = await this.caucuses.asMember(actor, caucusId, 'discussion', async (tx, caucus) => {
      caucus.assertFormed();
      return this.repo.addPost(tx, { caucusId, authorMemberId: actor.memberId as string, body: text, at: this.clock.now() });
    });
    const names = await this.names.namesOf([post.authorMemberId]);
    return { id: post.id, author: names.get(post.authorMemberId)?.name ?? 'A former member', mine: true, body: post.body, postedAt: post.postedAt };
  }

  async votes(actor: CaucusActor, caucusId: string): Promise<VoteView[]> {
    return this.caucuses.asMember(actor, caucusId, 'votes', async (tx) => {
      const votes = await this.repo.votes(tx, caucusId);
      const states = [];
      for (const v of votes) states.push(await this.repo.voteState(tx, v, actor.memberId as string));
      return states.map((s) => this.viewOf(s, actor));
    });
  }

  async open(actor: CaucusActor, caucusId: string, input: { question: string; options: readonly string[] }): Promise<VoteView> {
    const vote = CaucusVote.open(input);
    return this.caucuses.asMember(actor, caucusId, 'votes', async (tx, caucus) => {
      caucus.assertFormed();
      const id = await this.repo.openVote(tx, { caucusId, ...vote, openedBy: actor.memberId as string, at: this.clock.now() });
      await this.audit.record(tx, 'caucus.vote-opened', 'caucus-vote', id, { caucusId, options: vote.options.length });
      return this.stateOf(tx, caucusId, id, actor);
    });
  }

  async cast(actor: CaucusActor, caucusId: string, voteId: string, option: number): Promise<VoteView> {
    return this.caucuses.asMember(actor, caucusId, 'votes', async (tx) => {
      const face = await this.repo.vote(tx, caucusId, voteId, true);
      if (!face) throw voteNotFound();
      const vote = new CaucusVote(face);
      const before = await this.repo.voteState(tx, face, actor.memberId as string);
      await this.repo.recordVote(tx, voteId, actor.memberId as string, vote.cast(option, before.askerVoted));
      return this.stateOf(tx, caucusId, voteId, actor);
    });
  }

  async close(actor: CaucusActor, caucusId: string, voteId: string): Promise<VoteView> {
    return this.caucuses.asMember(actor, caucusId, 'votes', async (tx) => {
      const face = await this.repo.vote(tx, caucusId, voteId, true);
      if (!face) throw voteNotFound();
      new CaucusVote(face).close(actor.memberId as string);
      await this.repo.closeVote(tx, voteId, this.clock.now());
      await this.audit.record(tx, 'caucus.vote-closed', 'caucus-vote', voteId, { caucusId });
      return this.stateOf(tx, caucusId, voteId, actor);
    });
  }

  private async stateOf(tx: Parameters<CaucusRepository['votes']>[0], caucusId: string, voteId: string, actor: CaucusActor): Promise<VoteView> {
    const face = await this.repo.vote(tx, caucusId, voteId);
    if (!face) throw voteNotFound();
    return this.viewOf(await this.repo.voteState(tx, face, actor.memberId as string), actor);
  }

  private viewOf(s: VoteState, actor: CaucusActor): VoteView {
    const vote = new CaucusVote(s.face);
    return {
      id: s.face.id,
      question: s.face.question,
      options: s.face.options,
      openedAt: s.face.openedAt,
      closedAt: s.face.closedAt,
      openedByYou: s.face.openedBy === actor.memberId,
      votesCast: s.participants,
      youVoted: s.askerVoted,
      results: vote.results(s.tallies),
    };
  }
}

const voteNotFound = () => caucusError('not_found', CaucusErrorCode.voteNotFound, 'No such vote in this caucus. Reload the caucus\'s votes.');
