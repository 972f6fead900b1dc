import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { AppealsUseCase } from '../application/appeal/appeals.use-case';
import { NonMemberComplainants, VERIFICATION_TOKEN_HEADER as TOKEN } from '../application/access/non-member-complainants';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { AlterationRefusals } from '../application/independence/alteration-refusals';
import { AdHocNominationRequest } from './dto/commission.request.dto';
import { DecideAppealRequest, LodgeAppealRequest } from './dto/appeal.request.dto';
import { AppealResponse } from './dto/appeal.response.dto';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';

/**
 * Appeals (S7): a party lodges (or joins) an appeal within the window on stated grounds; the
 * Appeals Committee panel drawn for it decides by its members' votes (each with reasons; a
 * majority of the panel for the same outcome decides; counts come from the votes). Refusals are
 * recorded.
 */
@ApiTags('discipline')
@UseFilters(DisciplineErrorFilter)
@Controller()
export class AppealsController {
  constructor(
    private readonly appeals: AppealsUseCase,
    private readonly refusals: AlterationRefusals,
    private readonly nonMembers: NonMemberComplainants,
  ) {}

  @Post('cases/:reference/appeals')
  @Policy.inUseCase('a party to the case (complainant or respondent), within the appeal window; anyone else gets "not found" (recorded)')
  @ApiCreatedResponse({ type: AppealResponse })
  lodge(@Param('reference') caseId: string, @Body() body: LodgeAppealRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'appeal.lodge', caseId, target: body.findingId }, () =>
      this.appeals.lodge(actor, caseId, body.findingId, body.grounds),
    );
  }

  @Get('cases/:reference/appeals')
  @Policy.inUseCase('the parties and the panels of the case; anyone else gets "not found"')
  @ApiOkResponse({ type: [AppealResponse] })
  list(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.appeals.list(actorFromPrincipal(p), caseId);
  }

  @Post('cases/:reference/appeals/:appealId/votes')
  @Policy.inUseCase(
    'a member of the Appeals Committee panel drawn for this appeal records or changes their vote (outcome, sanction for modify_sanction, reasons); the appeal is decided when a majority of the panel agrees; anyone else gets "not found" (recorded)',
  )
  @ApiCreatedResponse({ type: AppealResponse, description: 'The vote is recorded; `decision` is set once a majority of the appeals panel has voted for the same outcome (and sanction).' })
  vote(@Param('reference') caseId: string, @Param('appealId') appealId: string, @Body() body: DecideAppealRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'appeal.vote', caseId, target: appealId }, () =>
      this.appeals.vote(actor, caseId, appealId, { ...body, sanction: body.sanction as never }),
    );
  }

  /** The earlier address of the same act: it records the caller's vote (never a decision by one member, never typed counts). */
  @Post('cases/:reference/appeals/:appealId/decision')
  @Policy.inUseCase('as `…/votes`: a member of the Appeals Committee panel drawn for this appeal records their vote; anyone else gets "not found" (recorded)')
  @ApiCreatedResponse({ type: AppealResponse, description: 'The vote is recorded; `decision` is set once a majority of the appeals panel agrees.' })
  decide(@Param('reference') caseId: string, @Param('appealId') appealId: string, @Body() body: DecideAppealRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'appeal.vote', caseId, target: appealId }, () =>
      this.appeals.vote(actor, caseId, appealId, { ...body, sanction: body.sanction as never }),
    );
  }

  @Post('cases/:reference/appeals/:appealId/ad-hoc-panel/nominations')
  @HttpCode(200)
  @Policy.inUseCase(
    'the Appeals Committee members drawn for this appeal when too few were cleared to fill its panel (S3): they name or back eligible members; anyone else gets "not found" (recorded)',
  )
  @ApiOkResponse({ type: AppealResponse })
  nominate(@Param('reference') caseId: string, @Param('appealId') appealId: string, @Body() body: AdHocNominationRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'appeal.ad-hoc-nomination', caseId, target: appealId }, () =>
      this.appeals.nominateAdHocPanelist(actor, caseId, appealId, body.nomineeId),
    );
  }

  @Post('complaints/non-member/cases/:reference/appeals')
  @Policy.public('the non-member complainant, by the confirmed address (X-Verification-Token), within the appeal window; anyone else gets "not found"')
  @ApiHeader({ name: TOKEN, required: true })
  @ApiCreatedResponse({ type: AppealResponse })
  async lodgeAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Body() body: LodgeAppealRequest) {
    const actor = await this.nonMembers.actorFor(token);
    return this.refusals.audited(actor, { action: 'appeal.lodge', caseId, target: body.findingId }, () =>
      this.appeals.lodge(actor, caseId, body.findingId, body.grounds),
    );
  }

  @Get('complaints/non-member/cases/:reference/appeals')
  @Policy.public('the non-member complainant, by the confirmed address (X-Verification-Token); anyone else gets "not found"')
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [AppealResponse] })
  async listAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.appeals.list(await this.nonMembers.actorFor(token), caseId);
  }
}
