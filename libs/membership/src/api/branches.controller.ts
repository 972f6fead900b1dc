import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { ManageBranchesUseCase } from '../application/use-cases/manage-branches.use-case';
import { MeetingSpeakersUseCase } from '../application/use-cases/meeting-speakers.use-case';
import { ScheduleMeetingUseCase } from '../application/use-cases/schedule-meeting.use-case';
import { TransferMemberUseCase } from '../application/use-cases/transfer-member.use-case';
import {
  AddMeetingSpeakerRequest,
  BranchResponse,
  CloseBranchRequest,
  CreateBranchRequest,
  CreatedBranchResponse,
  DeclineTransferRequest,
  IdResponse,
  IncomingTransferResponse,
  MeetingListItemResponse,
  MeetingSpeakersResponse,
  MergeBranchRequest,
  MergeResultResponse,
  ScheduleMeetingRequest,
  TransferDecisionResponse,
} from './branch.dto';
import { DoneResponse } from './member.dto';
import { MembershipErrorFilter } from './membership-error.filter';
import { SECRETARY_POLICY, uuidParam } from './route-helpers';

@ApiTags('membership')
@UseFilters(MembershipErrorFilter)
@Controller()
export class BranchesController {
  constructor(
    private readonly branches: ManageBranchesUseCase,
    private readonly meetings: ScheduleMeetingUseCase,
    private readonly speakers: MeetingSpeakersUseCase,
    private readonly transfers: TransferMemberUseCase,
  ) {}

  @Get('branches')
  @Policy.public('branch names and codes are public, so that people can choose where to apply')
  @ApiOkResponse({ type: [BranchResponse] })
  list(): Promise<BranchResponse[]> {
    return this.branches.list();
  }

  @Post('branches')
  @Policy.inUseCase('the body the statutes empower to create branches (BRANCH_AUTHORITY_BODIES, EC by default)')
  @ApiCreatedResponse({ type: CreatedBranchResponse })
  create(@Body() body: CreateBranchRequest, @CurrentPrincipal() p: Principal): Promise<CreatedBranchResponse> {
    return this.branches.create(p, body);
  }

  @Post('branches/:branchId/merge')
  @HttpCode(200)
  @Policy.inUseCase('the body the statutes empower to merge branches (BRANCH_AUTHORITY_BODIES, EC by default)')
  @ApiOkResponse({ type: MergeResultResponse })
  merge(@Param('branchId', uuidParam('branchId')) branchId: string, @Body() body: MergeBranchRequest, @CurrentPrincipal() p: Principal): Promise<MergeResultResponse> {
    return this.branches.merge(p, branchId, body);
  }

  @Post('branches/:branchId/close')
  @HttpCode(200)
  @Policy.inUseCase('the body the statutes empower to close branches (BRANCH_AUTHORITY_BODIES, EC by default)')
  @ApiOkResponse({ type: DoneResponse })
  async close(@Param('branchId', uuidParam('branchId')) branchId: string, @Body() body: CloseBranchRequest, @CurrentPrincipal() p: Principal): Promise<DoneResponse> {
    await this.branches.close(p, branchId, body);
    return { message: 'The branch is closed.' };
  }

  @Post('branches/:branchId/meetings')
  @Policy.mandate({ body: 'BRANCH_COMMITTEE', roles: ['chair', 'secretary'] }, { body: 'NATIONAL_OFFICE', roles: ['membership-secretary'] })
  @ApiCreatedResponse({ type: IdResponse })
  scheduleMeeting(@Param('branchId', uuidParam('branchId')) branchId: string, @Body() body: ScheduleMeetingRequest, @CurrentPrincipal() p: Principal): Promise<IdResponse> {
    return this.meetings.execute(p, branchId, body);
  }

  @Get('branches/:branchId/meetings')
  @Policy.inUseCase('the branch’s chair or secretary, the national membership secretary, or an active member of the branch (others: branch not found)')
  @ApiOkResponse({ type: [MeetingListItemResponse] })
  listMeetings(@Param('branchId', uuidParam('branchId')) branchId: string, @CurrentPrincipal() p: Principal): Promise<MeetingListItemResponse[]> {
    return this.speakers.list(p, branchId);
  }

  @Get('branches/:branchId/meetings/:meetingId/speakers')
  @Policy.inUseCase('the branch’s chair or secretary, the national membership secretary, or an active member of the branch (others: meeting not found)')
  @ApiOkResponse({ type: MeetingSpeakersResponse })
  meetingSpeakers(@Param('branchId', uuidParam('branchId')) branchId: string, @Param('meetingId', uuidParam('meetingId')) meetingId: string, @CurrentPrincipal() p: Principal): Promise<MeetingSpeakersResponse> {
    return this.speakers.view(p, branchId, meetingId);
  }

  @Post('branches/:branchId/meetings/:meetingId/speakers')
  @Policy.inUseCase('an active member of the branch asks to speak; the branch’s chair or secretary (or the national membership secretary) names a speaker; S5: no_speaking is refused')
  @ApiCreatedResponse({ type: MeetingSpeakersResponse })
  addSpeaker(
    @Param('branchId', uuidParam('branchId')) branchId: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @Body() body: AddMeetingSpeakerRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<MeetingSpeakersResponse> {
    return this.speakers.add(p, branchId, meetingId, body);
  }

  @Post('branches/:branchId/meetings/:meetingId/speakers/:speakerId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('the speaker themself, or the branch’s chair or secretary (or the national membership secretary)')
  @ApiOkResponse({ type: MeetingSpeakersResponse })
  withdrawSpeaker(
    @Param('branchId', uuidParam('branchId')) branchId: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @Param('speakerId', uuidParam('speakerId')) speakerId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<MeetingSpeakersResponse> {
    return this.speakers.withdraw(p, branchId, meetingId, speakerId);
  }

  @Get('transfers/incoming')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: [IncomingTransferResponse] })
  incoming(@CurrentPrincipal() p: Principal): Promise<IncomingTransferResponse[]> {
    return this.transfers.incoming(p);
  }

  @Post('transfers/:transferId/accept')
  @HttpCode(200)
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: TransferDecisionResponse })
  accept(@Param('transferId', uuidParam('transferId')) transferId: string, @CurrentPrincipal() p: Principal): Promise<TransferDecisionResponse> {
    return this.transfers.accept(p, transferId);
  }

  @Post('transfers/:transferId/decline')
  @HttpCode(200)
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: TransferDecisionResponse })
  decline(@Param('transferId', uuidParam('transferId')) transferId: string, @Body() body: DeclineTransferRequest, @CurrentPrincipal() p: Principal): Promise<TransferDecisionResponse> {
    return this.transfers.decline(p, transferId, body.reason);
  }
}
