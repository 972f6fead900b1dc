import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { ManageBranchesUseCase } from '../application/use-cases/manage-branches.use-case';
import { ScheduleMeetingUseCase } from '../application/use-cases/schedule-meeting.use-case';
import { TransferMemberUseCase } from '../application/use-cases/transfer-member.use-case';
import {
  BranchResponse,
  CloseBranchRequest,
  CreateBranchRequest,
  CreatedBranchResponse,
  DeclineTransferRequest,
  IdResponse,
  IncomingTransferResponse,
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
