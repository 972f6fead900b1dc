import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { EditMemberUseCase } from '../application/use-cases/edit-member.use-case';
import { ReadMemberUseCase } from '../application/use-cases/read-member.use-case';
import { TransferMemberUseCase } from '../application/use-cases/transfer-member.use-case';
import { ProtectedTransferRequest, TransferDecisionResponse, TransferRequest, TransferResponse } from './branch.dto';
import { MemberDetailResponse, DoneResponse, ResignRequest, UpdateOwnRecordRequest } from './member.dto';
import { MembershipErrorFilter } from './membership-error.filter';
import { uuidParam } from './route-helpers';

/** The member's own record: only ever their own (there is no member id in these paths). */
@ApiTags('membership')
@UseFilters(MembershipErrorFilter)
@Controller('me')
export class MeController {
  constructor(
    private readonly read: ReadMemberUseCase,
    private readonly edit: EditMemberUseCase,
    private readonly transfers: TransferMemberUseCase,
  ) {}

  @Get('member')
  @Policy.signedIn()
  @ApiOkResponse({ type: MemberDetailResponse })
  own(@CurrentPrincipal() p: Principal): Promise<MemberDetailResponse> {
    return this.read.own(p);
  }

  @Patch('member')
  @Policy.signedIn()
  @ApiOkResponse({ type: DoneResponse })
  async update(@Body() body: UpdateOwnRecordRequest, @CurrentPrincipal() p: Principal): Promise<DoneResponse> {
    await this.edit.updateOwn(p, body);
    return { message: 'Saved.' };
  }

  @Post('resign')
  @HttpCode(200)
  @Policy.signedIn()
  @ApiOkResponse({ type: DoneResponse })
  async resign(@Body() body: ResignRequest, @CurrentPrincipal() p: Principal): Promise<DoneResponse> {
    const { status } = await this.edit.resign(p, body.reason ?? null);
    return { message: `Your membership has ended (status: ${status}).` };
  }

  @Get('transfers')
  @Policy.member()
  @ApiOkResponse({ type: [TransferResponse] })
  mine(@CurrentPrincipal() p: Principal): Promise<TransferResponse[]> {
    return this.transfers.mine(p);
  }

  @Post('transfers')
  @Policy.member()
  @ApiCreatedResponse({ type: TransferResponse })
  request(@Body() body: TransferRequest, @CurrentPrincipal() p: Principal): Promise<TransferResponse> {
    return this.transfers.request(p, { toBranchId: body.toBranchId, reason: body.reason ?? null });
  }

  /** S13: a confirmed complainant or witness moves at once, without reasons and without anyone's approval. */
  @Post('transfers/protected')
  @Policy.member()
  @ApiCreatedResponse({ type: TransferResponse })
  protectedMove(@Body() body: ProtectedTransferRequest, @CurrentPrincipal() p: Principal): Promise<TransferResponse> {
    return this.transfers.moveProtected(p, { toBranchId: body.toBranchId });
  }

  @Post('transfers/:transferId/withdraw')
  @HttpCode(200)
  @Policy.member()
  @ApiOkResponse({ type: TransferDecisionResponse })
  withdraw(@Param('transferId', uuidParam('transferId')) transferId: string, @CurrentPrincipal() p: Principal): Promise<TransferDecisionResponse> {
    return this.transfers.withdraw(p, transferId);
  }
}
