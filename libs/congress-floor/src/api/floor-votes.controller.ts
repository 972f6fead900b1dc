import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { VotesUseCase } from '../application/use-cases/votes.use-case';
import { CastVoteRequest, CastVoteResponse, VoteDetailResponse } from './floor.dto';
import { FloorErrorFilter } from './floor-error.filter';
import { uuidParam } from './route-params';

const voteId = uuidParam('voteId');

/** Votes on the floor: accredited delegates vote, a chair closes. */
@ApiTags('congress floor')
@UseFilters(FloorErrorFilter)
@Controller('floor-votes/:voteId')
export class FloorVotesController {
  constructor(private readonly votes: VotesUseCase) {}

  @Get()
  @Policy.member()
  @ApiOkResponse({ type: VoteDetailResponse, description: 'Totals; for an open vote every card.' })
  get(@Param('voteId', voteId) id: string): Promise<VoteDetailResponse> {
    return this.votes.get(id);
  }

  @Post('cards')
  @HttpCode(200)
  @Policy.inUseCase('a delegate accredited to the congress')
  @ApiOkResponse({ type: CastVoteResponse })
  cast(@Param('voteId', voteId) id: string, @Body() b: CastVoteRequest, @CurrentPrincipal() p: Principal): Promise<CastVoteResponse> {
    return this.votes.cast(p, id, b.answer);
  }

  @Post('close')
  @HttpCode(200)
  @Policy.inUseCase('a chair of the congress')
  @ApiOkResponse({ type: VoteDetailResponse })
  close(@Param('voteId', voteId) id: string, @CurrentPrincipal() p: Principal): Promise<VoteDetailResponse> {
    return this.votes.close(p, id);
  }
}
