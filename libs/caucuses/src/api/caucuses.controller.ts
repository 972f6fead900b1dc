import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import type { CaucusActor } from '../application/caucus-actor';
import { CaucusDiscussionUseCase } from '../application/use-cases/caucus-discussion.use-case';
import { CaucusesUseCase } from '../application/use-cases/caucuses.use-case';
import { CaucusesErrorFilter } from './caucuses-error.filter';
import {
  CastCaucusVoteRequest,
  CaucusPostRequest,
  CaucusPostResponse,
  CaucusResponse,
  CaucusRosterResponse,
  CaucusVoteResponse,
  OpenCaucusVoteRequest,
  ProposeCaucusRequest,
  toCaucusResponse,
  toPostResponse,
  toRosterResponse,
  toVoteResponse,
} from './caucuses.dto';

const uuid = (name: string) =>
  new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });

const actorOf = (p: Principal): CaucusActor => ({ accountId: p.accountId, memberId: p.memberId, isMember: p.isMember });

const MEMBERS_OF_THE_CAUCUS = 'members of this caucus only — no office gives access; anybody else is refused (403) and the attempt audited';

/**
 * Caucuses. There is no officer route here, and none elsewhere can reach a roster: every route
 * acts for the caller alone, and what only members see is refused to everybody else.
 */
@ApiTags('caucuses')
@UseFilters(CaucusesErrorFilter)
@Controller('caucuses')
export class CaucusesController {
  constructor(
    private readonly caucuses: CaucusesUseCase,
    private readonly discussion: CaucusDiscussionUseCase,
  ) {}

  @Get()
  @Policy.signedIn()
  @ApiOkResponse({ type: [CaucusResponse], description: 'Every caucus: public name, purpose and count — never who belongs.' })
  async list(@CurrentPrincipal() p: Principal): Promise<CaucusResponse[]> {
    return (await this.caucuses.list(actorOf(p))).map(toCaucusResponse);
  }

  @Post()
  @Policy.member()
  @ApiCreatedResponse({ type: CaucusResponse, description: 'Propose a caucus; you are the first to sign its formation request. It forms when the threshold is reached.' })
  async propose(@Body() b: ProposeCaucusRequest, @CurrentPrincipal() p: Principal): Promise<CaucusResponse> {
    return toCaucusResponse(await this.caucuses.propose(actorOf(p), { name: b.name, purpose: b.purpose }));
  }

  @Get(':caucusId')
  @Policy.signedIn()
  @ApiOkResponse({ type: CaucusResponse, description: 'A caucus’s public face and count — never who belongs.' })
  async show(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusResponse> {
    return toCaucusResponse(await this.caucuses.show(actorOf(p), id));
  }

  @Post(':caucusId/join')
  @HttpCode(200)
  @Policy.member()
  @ApiOkResponse({ type: CaucusResponse, description: 'Join (while it forms: sign its formation request). Only you can make you join.' })
  async join(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusResponse> {
    return toCaucusResponse(await this.caucuses.join(actorOf(p), id));
  }

  @Post(':caucusId/leave')
  @HttpCode(200)
  @Policy.member()
  @ApiOkResponse({ type: CaucusResponse, description: 'Leave (while it forms: withdraw your signature). Only you can make you leave.' })
  async leave(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusResponse> {
    return toCaucusResponse(await this.caucuses.leave(actorOf(p), id));
  }

  @Get(':caucusId/roster')
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiOkResponse({ type: CaucusRosterResponse })
  async roster(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusRosterResponse> {
    return toRosterResponse(await this.caucuses.roster(actorOf(p), id));
  }

  @Get(':caucusId/posts')
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiOkResponse({ type: [CaucusPostResponse], description: 'The caucus’s discussion, oldest first (the latest 200).' })
  async posts(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusPostResponse[]> {
    return (await this.discussion.posts(actorOf(p), id)).map(toPostResponse);
  }

  @Post(':caucusId/posts')
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiCreatedResponse({ type: CaucusPostResponse })
  async post(@Param('caucusId', uuid('caucusId')) id: string, @Body() b: CaucusPostRequest, @CurrentPrincipal() p: Principal): Promise<CaucusPostResponse> {
    return toPostResponse(await this.discussion.post(actorOf(p), id, b.body));
  }

  @Get(':caucusId/votes')
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiOkResponse({ type: [CaucusVoteResponse], description: 'The caucus’s internal votes, latest first.' })
  async votes(@Param('caucusId', uuid('caucusId')) id: string, @CurrentPrincipal() p: Principal): Promise<CaucusVoteResponse[]> {
    return (await this.discussion.votes(actorOf(p), id)).map(toVoteResponse);
  }

  @Post(':caucusId/votes')
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiCreatedResponse({ type: CaucusVoteResponse, description: 'Open a vote of the caucus (you alone can close it).' })
  async open(@Param('caucusId', uuid('caucusId')) id: string, @Body() b: OpenCaucusVoteRequest, @CurrentPrincipal() p: Principal): Promise<CaucusVoteResponse> {
    return toVoteResponse(await this.discussion.open(actorOf(p), id, { question: b.question, options: b.options }));
  }

  @Post(':caucusId/votes/:voteId/ballot')
  @HttpCode(200)
  @Policy.inUseCase(MEMBERS_OF_THE_CAUCUS)
  @ApiOkResponse({ type: CaucusVoteResponse, description: 'Vote once. Who voted is kept apart from what was chosen.' })
  async cast(
    @Param('caucusId', uuid('caucusId')) id: string,
    @Param('voteId', uuid('voteId')) voteId: string,
    @Body() b: CastCaucusVoteRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<CaucusVoteResponse> {
    return toVoteResponse(await this.discussion.cast(actorOf(p), id, voteId, b.option));
  }

  @Post(':caucusId/votes/:voteId/close')
  @HttpCode(200)
  @Policy.inUseCase(`${MEMBERS_OF_THE_CAUCUS}; the member who opened the vote`)
  @ApiOkResponse({ type: CaucusVoteResponse, description: 'Close the vote: its result is shown to the caucus.' })
  async close(@Param('caucusId', uuid('caucusId')) id: string, @Param('voteId', uuid('voteId')) voteId: string, @CurrentPrincipal() p: Principal): Promise<CaucusVoteResponse> {
    return toVoteResponse(await this.discussion.close(actorOf(p), id, voteId));
  }
}
