import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CaseViews } from '../application/access/case-views.service';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { ComplainantActions } from '../application/intake/complainant-actions.use-case';
import { PanelActions } from '../application/panel/panel-actions.use-case';
import { RecusalActions } from '../application/recusal/recusal-actions.use-case';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';
import {
  AdHocNominationResponse,
  AuditEntryResponse,
  CaseStageResponse,
  CaseSummaryResponse,
  CaseViewResponse,
  ChallengeResponse,
  TimelineEntryResponse,
} from './dto/case.response.dto';
import { AddParticipantRequest, ChallengePanelistRequest, ChangePathRequest } from './dto/complaint.request.dto';
import { AdHocNominationRequest } from './dto/commission.request.dto';

const ROLE_IN_CASE = 'a role in this case (complainant, respondent or witness once informed, panelist, duty commissioner, Appeals Committee); anyone else gets the same 404 as for a case that does not exist';

/**
 * A case, from the side of the people in it (S1, S4, S11). Every route answers anyone without a
 * role in the case exactly as it answers a reference that was never issued.
 */
@ApiTags('discipline: cases')
@UseFilters(DisciplineErrorFilter)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly views: CaseViews,
    private readonly actions: ComplainantActions,
    private readonly recusal: RecusalActions,
    private readonly panel: PanelActions,
  ) {}

  @Get('mine')
  @Policy.inUseCase('lists only the cases the caller has a role in')
  @ApiOperation({ summary: 'Cases you filed, are named in (once told), or handle' })
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  mine(@CurrentPrincipal() p: Principal): Promise<CaseSummaryResponse[]> {
    return this.views.mine(actorFromPrincipal(p));
  }

  @Get(':reference')
  @Policy.inUseCase(ROLE_IN_CASE)
  @ApiOperation({ summary: 'A case, as your role lets you see it (content reads are audited)' })
  @ApiOkResponse({ type: CaseViewResponse })
  view(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<CaseViewResponse> {
    return this.views.view(reference, actorFromPrincipal(p)) as Promise<CaseViewResponse>;
  }

  @Get(':reference/timeline')
  @Policy.inUseCase(ROLE_IN_CASE)
  @ApiOkResponse({ type: [TimelineEntryResponse] })
  timeline(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<TimelineEntryResponse[]> {
    return this.views.timeline(reference, actorFromPrincipal(p)) as Promise<TimelineEntryResponse[]>;
  }

  @Get(':reference/audit-trail')
  @Policy.inUseCase(`the Appeals Committee (S11); ${ROLE_IN_CASE}`)
  @ApiOperation({ summary: 'Who read and changed this case, when (ids only)' })
  @ApiOkResponse({ type: [AuditEntryResponse] })
  auditTrail(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<AuditEntryResponse[]> {
    return this.views.auditTrail(reference, actorFromPrincipal(p));
  }

  @Post(':reference/path')
  @HttpCode(200)
  @Policy.inUseCase(`the complainant only (S4); ${ROLE_IN_CASE}`)
  @ApiOperation({ summary: 'Choose or change the path (complainant only)' })
  @ApiOkResponse({ type: CaseStageResponse })
  changePath(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: ChangePathRequest): Promise<CaseStageResponse> {
    return this.actions.changePath(reference, actorFromPrincipal(p), body.path, body.consent);
  }

  @Post(':reference/withdraw')
  @HttpCode(200)
  @Policy.inUseCase(`the complainant only; ${ROLE_IN_CASE}`)
  @ApiOkResponse({ type: CaseStageResponse })
  withdraw(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<CaseStageResponse> {
    return this.actions.withdraw(reference, actorFromPrincipal(p));
  }

  @Post(':reference/informal-resolution/confirm')
  @HttpCode(200)
  @Policy.inUseCase(`the complainant only; ${ROLE_IN_CASE}`)
  @ApiOkResponse({ type: CaseStageResponse })
  confirmInformal(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<CaseStageResponse> {
    return this.actions.confirmInformalResolution(reference, actorFromPrincipal(p));
  }

  @Post(':reference/participants')
  @HttpCode(200)
  @Policy.inUseCase(`the complainant, the panel or duty commissioner, or an informed respondent (witnesses); ${ROLE_IN_CASE}`)
  @ApiOperation({ summary: 'Name another respondent, witness or support person (recusal is recomputed at once)' })
  @ApiOkResponse({ type: CaseStageResponse })
  addParticipant(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: AddParticipantRequest): Promise<CaseStageResponse> {
    return this.actions.addParticipant(reference, actorFromPrincipal(p), body.role, body.person);
  }

  @Post(':reference/challenges')
  @HttpCode(200)
  @Policy.inUseCase(`a party (S3); ${ROLE_IN_CASE}`)
  @ApiOperation({ summary: 'Challenge a panelist, with reasons; the other panelists decide' })
  @ApiOkResponse({ type: ChallengeResponse })
  challenge(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: ChallengePanelistRequest): Promise<ChallengeResponse> {
    return this.recusal.challenge(reference, actorFromPrincipal(p), body.panelistId, body.grounds);
  }

  @Post(':reference/ad-hoc-panel/nominations')
  @HttpCode(200)
  @Policy.inUseCase(`Appeals Committee members cleared for this case (S3); ${ROLE_IN_CASE}`)
  @ApiOperation({ summary: 'Nominate or back an ad-hoc panelist for seats the draw could not fill' })
  @ApiOkResponse({ type: AdHocNominationResponse })
  nominate(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: AdHocNominationRequest): Promise<AdHocNominationResponse> {
    return this.panel.nominateAdHocPanelist(reference, actorFromPrincipal(p), body.nomineeId);
  }
}
