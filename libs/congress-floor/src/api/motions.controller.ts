import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { AmendmentsUseCase } from '../application/use-cases/amendments.use-case';
import { MotionsUseCase } from '../application/use-cases/motions.use-case';
import { VotesUseCase } from '../application/use-cases/votes.use-case';
import { AdmitMotionRequest, AmendmentRequest, EditMotionRequest, MotionResponse, OpenVoteRequest, RefuseMotionRequest, VoteDetailResponse } from './floor.dto';
import { FloorErrorFilter } from './floor-error.filter';
import { uuidParam } from './route-params';

const motionId = uuidParam('motionId');

/** A motion's life cycle, its amendments and its votes. */
@ApiTags('congress floor')
@UseFilters(FloorErrorFilter)
@Controller()
export class MotionsController {
  constructor(
    private readonly motions: MotionsUseCase,
    private readonly amendments: AmendmentsUseCase,
    private readonly votes: VotesUseCase,
  ) {}

  @Get('motions/:motionId')
  @Policy.member()
  @ApiOkResponse({ type: MotionResponse })
  get(@Param('motionId', motionId) id: string): Promise<MotionResponse> {
    return this.motions.get(id);
  }

  @Patch('motions/:motionId')
  @Policy.inUseCase('whoever submitted the motion, before the deadline and its admission')
  @ApiOkResponse({ type: MotionResponse })
  edit(@Param('motionId', motionId) id: string, @Body() b: EditMotionRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.edit(p, id, b);
  }

  @Post('motions/:motionId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('whoever submitted the motion (never the executive for a motion it did not submit; a composite motion only by all its movers: POST /composites/:id/withdrawals)')
  @ApiOkResponse({ type: MotionResponse })
  withdraw(@Param('motionId', motionId) id: string, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.withdraw(p, id);
  }

  @Post('motions/:motionId/seconders')
  @HttpCode(200)
  @Policy.member()
  @ApiOkResponse({ type: MotionResponse })
  second(@Param('motionId', motionId) id: string, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.second(p, id);
  }

  @Post('motions/:motionId/admit')
  @HttpCode(200)
  @Policy.inUseCase("a member of the congress's standing orders committee")
  @ApiOkResponse({ type: MotionResponse, description: 'Admitted; an emergency motion with the committee’s reason, and then (as the standing orders say) awaiting the congress’s acceptance onto the agenda.' })
  admit(@Param('motionId', motionId) id: string, @Body() b: AdmitMotionRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.admit(p, id, { agendaItemId: b.agendaItemId ?? null, reason: b.reason ?? null });
  }

  @Post('motions/:motionId/refuse')
  @HttpCode(200)
  @Policy.inUseCase("a member of the congress's standing orders committee")
  @ApiOkResponse({ type: MotionResponse, description: 'Refused; the reason is published with the motion.' })
  refuse(@Param('motionId', motionId) id: string, @Body() b: RefuseMotionRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.refuse(p, id, b);
  }

  @Post('motions/:motionId/debate')
  @HttpCode(200)
  @Policy.inUseCase('a chair of the congress')
  @ApiOkResponse({ type: MotionResponse })
  debate(@Param('motionId', motionId) id: string, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.debate(p, id);
  }

  @Post('motions/:motionId/refer')
  @HttpCode(200)
  @Policy.inUseCase('a chair of the congress')
  @ApiOkResponse({ type: MotionResponse })
  refer(@Param('motionId', motionId) id: string, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.motions.refer(p, id);
  }

  @Post('motions/:motionId/amendments')
  @Policy.member()
  @ApiCreatedResponse({ type: MotionResponse, description: 'The motion with its amendments, each shown as a diff.' })
  amend(@Param('motionId', motionId) id: string, @Body() b: AmendmentRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.amendments.move(p, id, b);
  }

  @Post('amendments/:amendmentId/amendments')
  @Policy.member()
  @ApiCreatedResponse({ type: MotionResponse, description: "An amendment to a pending amendment: lines of that amendment's text; voted before it, which is then voted as amended." })
  amendAmendment(@Param('amendmentId', uuidParam('amendmentId')) id: string, @Body() b: AmendmentRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.amendments.moveToAmendment(p, id, b);
  }

  @Post('amendments/:amendmentId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('the mover of the amendment, or a chair')
  @ApiOkResponse({ type: MotionResponse })
  withdrawAmendment(@Param('amendmentId', uuidParam('amendmentId')) id: string, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return this.amendments.withdraw(p, id);
  }

  @Post('motions/:motionId/votes')
  @Policy.inUseCase('a chair of the congress')
  @ApiCreatedResponse({ type: VoteDetailResponse, description: 'A vote opened on an amendment (amendmentId), on the motion as amended, or — for an admitted emergency motion awaiting acceptance — on accepting it onto the agenda.' })
  openVote(@Param('motionId', motionId) id: string, @Body() b: OpenVoteRequest, @CurrentPrincipal() p: Principal): Promise<VoteDetailResponse> {
    return this.votes.open(p, id, { amendmentId: b.amendmentId ?? null });
  }
}
