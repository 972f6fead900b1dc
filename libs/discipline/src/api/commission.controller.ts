import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CaseViews } from '../application/access/case-views.service';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { InterimMeasures } from '../application/interim/interim-measures.use-case';
import { PanelActions } from '../application/panel/panel-actions.use-case';
import { RecusalActions } from '../application/recusal/recusal-actions.use-case';
import { TriageCase } from '../application/triage/triage-case.use-case';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';
import {
  AdHocRequestResponse,
  CaseStageResponse,
  CaseSummaryResponse,
  ChallengeResponse,
  DeclarationResponse,
  InterimResultResponse,
  StoodDownResponse,
  TriageResponse,
} from './dto/case.response.dto';
import { ChallengeVoteRequest, DeclarationRequest, InformalTermsRequest, InterimDecisionRequest, SelfRecusalRequest, TriageRequest } from './dto/commission.request.dto';

const HANDLER = 'the duty commissioner or a seated panelist of this case, not conflicted; anyone else gets the same 404 as for a case that does not exist';

/**
 * The commission's side of a case (S3, S5): triage, standing down, deciding challenges, interim
 * measures, beginning the investigation. Holding a commission mandate gives nothing by itself:
 * each route acts only for the case's duty commissioner or seated, cleared panelists.
 */
@ApiTags('discipline: commission')
@UseFilters(DisciplineErrorFilter)
@Controller('commission')
export class CommissionController {
  constructor(
    private readonly views: CaseViews,
    private readonly triageCase: TriageCase,
    private readonly recusal: RecusalActions,
    private readonly interim: InterimMeasures,
    private readonly panel: PanelActions,
  ) {}

  @Get('cases')
  @Policy.inUseCase(
    'lists only cases where the caller is seated or on duty and not conflicted, and cases escalated to the whole commission after a missed deadline for which the caller is a cleared commissioner (empty for everyone else)',
  )
  @ApiOperation({ summary: 'Cases you handle, and cases escalated to the commission (with the missed deadline)' })
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  cases(@CurrentPrincipal() p: Principal): Promise<CaseSummaryResponse[]> {
    return this.views.handledBy(actorFromPrincipal(p));
  }

  @Get('ad-hoc-requests')
  @Policy.inUseCase('Appeals Committee members cleared for the case (empty for everyone else)')
  @ApiOperation({ summary: 'Cases waiting for the Appeals Committee to appoint ad-hoc panelists' })
  @ApiOkResponse({ type: [AdHocRequestResponse] })
  adHocRequests(@CurrentPrincipal() p: Principal): Promise<AdHocRequestResponse[]> {
    return this.views.adHocRequests(actorFromPrincipal(p));
  }

  @Post('declarations')
  @HttpCode(200)
  @Policy.inUseCase('members of the Control Commission (incl. alternates) and of the Appeals Committee')
  @ApiOperation({ summary: 'Declare a relationship or conflict with a member (recusal takes it into account at once)' })
  @ApiOkResponse({ type: DeclarationResponse })
  declare(@CurrentPrincipal() p: Principal, @Body() body: DeclarationRequest): Promise<DeclarationResponse> {
    return this.recusal.declareRelationship(actorFromPrincipal(p), body.memberId);
  }

  @Post('cases/:reference/triage')
  @HttpCode(200)
  @Policy.inUseCase(`the duty commissioner; ${HANDLER}`)
  @ApiOperation({ summary: 'Triage the case; the panel is drawn at once (recorded seed)' })
  @ApiOkResponse({ type: TriageResponse })
  triage(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: TriageRequest): Promise<TriageResponse> {
    return this.triageCase.run(reference, actorFromPrincipal(p), body.raise ?? {});
  }

  @Post('cases/:reference/self-recusal')
  @HttpCode(200)
  @Policy.inUseCase(HANDLER)
  @ApiOperation({ summary: 'Stand down from the case (recorded, with reasons)' })
  @ApiOkResponse({ type: StoodDownResponse })
  selfRecuse(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: SelfRecusalRequest): Promise<StoodDownResponse> {
    return this.recusal.selfRecuse(reference, actorFromPrincipal(p), body.reason);
  }

  @Post('cases/:reference/challenges/:challengeId/votes')
  @HttpCode(200)
  @Policy.inUseCase(`the other seated panelists; ${HANDLER}`)
  @ApiOkResponse({ type: ChallengeResponse })
  vote(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Param('challengeId') challengeId: string, @Body() body: ChallengeVoteRequest): Promise<ChallengeResponse> {
    return this.recusal.voteOnChallenge(reference, actorFromPrincipal(p), challengeId, body.uphold);
  }

  @Post('cases/:reference/interim-decisions')
  @HttpCode(200)
  @Policy.inUseCase(`the duty commissioner before a panel, then the panel by majority; ${HANDLER}`)
  @ApiOperation({ summary: 'Decide interim measures (S5): in force at once through the restrictions interface' })
  @ApiOkResponse({ type: InterimResultResponse })
  decide(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: InterimDecisionRequest): Promise<InterimResultResponse> {
    return this.interim.decide(reference, actorFromPrincipal(p), body);
  }

  @Post('cases/:reference/interim-decisions/:proposalId/concur')
  @HttpCode(200)
  @Policy.inUseCase(`seated panelists; ${HANDLER}`)
  @ApiOkResponse({ type: InterimResultResponse })
  concur(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Param('proposalId') proposalId: string): Promise<InterimResultResponse> {
    return this.interim.concur(reference, actorFromPrincipal(p), proposalId);
  }

  @Post('cases/:reference/investigation')
  @HttpCode(200)
  @Policy.inUseCase(`a seated panelist; ${HANDLER}`)
  @ApiOperation({ summary: 'Begin the investigation (the respondents are told from now on)' })
  @ApiOkResponse({ type: CaseStageResponse })
  begin(@CurrentPrincipal() p: Principal, @Param('reference') reference: string): Promise<CaseStageResponse> {
    return this.panel.beginInvestigation(reference, actorFromPrincipal(p));
  }

  @Post('cases/:reference/informal-resolution')
  @HttpCode(200)
  @Policy.inUseCase(`a seated panelist, on the path the complainant chose; ${HANDLER}`)
  @ApiOkResponse({ type: CaseStageResponse })
  proposeInformal(@CurrentPrincipal() p: Principal, @Param('reference') reference: string, @Body() body: InformalTermsRequest): Promise<CaseStageResponse> {
    return this.panel.proposeInformalResolution(reference, actorFromPrincipal(p), body.terms);
  }
}
