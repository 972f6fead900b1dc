import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { RefusesEveryRequest } from '@org/platform';
import { NonMemberComplainants, VERIFICATION_TOKEN_HEADER as TOKEN } from '../application/access/non-member-complainants';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { AlterationRefusals } from '../application/independence/alteration-refusals';
import { OutcomeNoticesUseCase } from '../application/publication/outcome-notices.use-case';
import { PublishedOutcomesQuery } from '../application/publication/published-outcomes.query';
import { DelayPublicationRequest, ListOutcomesQuery, NoticeCommentRequest, NoticeWordingRequest } from './dto/publication.request.dto';
import { OutcomeNoticeDraftResponse, PublishedOutcomePageResponse, PublishedOutcomeResponse } from './dto/publication.response.dto';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';

const NOBODY =
  'refused for everyone and recorded: no body, role or setting can stop, withdraw or cancel an outcome notice; the panel may only delay it once (S8)';

const REFUSED = 'Always, for everyone and any id: `discipline.outcome_notice.cannot_be_suppressed` (the attempt is recorded in the audit log).';

/**
 * Outcome notices (S8). Every member lists and reads the published outcomes. Before
 * publication the complainant reviews the wording and the panel may adjust it or delay it once;
 * nothing stops it: every route that would is answered with the same refusal and recorded.
 */
@ApiTags('discipline')
@UseFilters(DisciplineErrorFilter)
@Controller()
export class OutcomesController {
  constructor(
    private readonly published: PublishedOutcomesQuery,
    private readonly notices: OutcomeNoticesUseCase,
    private readonly refusals: AlterationRefusals,
    private readonly nonMembers: NonMemberComplainants,
  ) {}

  @Get('outcomes')
  @Policy.member()
  @ApiOkResponse({ type: PublishedOutcomePageResponse })
  list(@Query() q: ListOutcomesQuery) {
    return this.published.list({ limit: q.limit ?? 20, cursor: q.cursor });
  }

  @Get('outcomes/:outcomeId')
  @Policy.member()
  @ApiOkResponse({ type: PublishedOutcomeResponse })
  one(@Param('outcomeId') id: string) {
    return this.published.one(id);
  }

  // ── before publication ─────────────────────────────────────────────────────────────────────
  @Get('cases/:reference/outcome-notices')
  @Policy.inUseCase('the parties and the panel of the case; anyone else gets "not found"')
  @ApiOkResponse({ type: [OutcomeNoticeDraftResponse] })
  drafts(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.notices.list(actorFromPrincipal(p), caseId);
  }

  @Post('cases/:reference/outcome-notices/:noticeId/comments')
  @Policy.inUseCase('the complainant, during the review window (the comment goes to the panel as a case message)')
  @ApiCreatedResponse({ type: OutcomeNoticeDraftResponse })
  comment(@Param('reference') caseId: string, @Param('noticeId') noticeId: string, @Body() body: NoticeCommentRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'outcome-notice.comment', caseId, target: noticeId }, () => this.notices.comment(actor, caseId, noticeId, body.text));
  }

  @Put('cases/:reference/outcome-notices/:noticeId/wording')
  @Policy.inUseCase('the panel, during the review window; anyone else gets "not found" (recorded)')
  @ApiOkResponse({ type: OutcomeNoticeDraftResponse })
  wording(@Param('reference') caseId: string, @Param('noticeId') noticeId: string, @Body() body: NoticeWordingRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'outcome-notice.wording', caseId, target: noticeId }, () => this.notices.adjustWording(actor, caseId, noticeId, body.wording));
  }

  @Post('cases/:reference/outcome-notices/:noticeId/delay')
  @Policy.inUseCase('the panel that made the finding, once, up to 14 days, with a reason; anyone else gets "not found" (recorded)')
  @ApiCreatedResponse({ type: OutcomeNoticeDraftResponse })
  delay(@Param('reference') caseId: string, @Param('noticeId') noticeId: string, @Body() body: DelayPublicationRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'outcome-notice.delay', caseId, target: noticeId }, () => this.notices.delay(actor, caseId, noticeId, body));
  }

  @Get('complaints/non-member/cases/:reference/outcome-notices')
  @Policy.public('the non-member complainant, by the confirmed address (X-Verification-Token); anyone else gets "not found"')
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [OutcomeNoticeDraftResponse] })
  async draftsAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.notices.list(await this.nonMembers.actorFor(token), caseId);
  }

  @Post('complaints/non-member/cases/:reference/outcome-notices/:noticeId/comments')
  @Policy.public('the non-member complainant, by the confirmed address (X-Verification-Token), during the review window')
  @ApiHeader({ name: TOKEN, required: true })
  @ApiCreatedResponse({ type: OutcomeNoticeDraftResponse })
  async commentAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Param('noticeId') noticeId: string, @Body() body: NoticeCommentRequest) {
    const actor = await this.nonMembers.actorFor(token);
    return this.refusals.audited(actor, { action: 'outcome-notice.comment', caseId, target: noticeId }, () => this.notices.comment(actor, caseId, noticeId, body.text));
  }

  // ── nothing stops a publication (S8) ──────────────────────────────────────────────────────
  @Post('cases/:reference/outcome-notices/:noticeId/:action')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseNoticeAction(@Param('reference') caseId: string, @Param('noticeId') noticeId: string, @Param('action') action: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: `outcome-notice.${action.slice(0, 40)}`, caseId, target: noticeId });
  }

  @Delete('cases/:reference/outcome-notices/:noticeId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseNoticeDelete(@Param('reference') caseId: string, @Param('noticeId') noticeId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: 'outcome-notice.delete', caseId, target: noticeId });
  }

  @Post('outcomes/:outcomeId/:action')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseOutcomeAction(@Param('outcomeId') id: string, @Param('action') action: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: `outcome.${action.slice(0, 40)}`, target: id });
  }

  @Put('outcomes/:outcomeId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseOutcomeReplace(@Param('outcomeId') id: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: 'outcome.replace', target: id });
  }

  @Patch('outcomes/:outcomeId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseOutcomeAmend(@Param('outcomeId') id: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: 'outcome.amend', target: id });
  }

  @Delete('outcomes/:outcomeId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseOutcomeDelete(@Param('outcomeId') id: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseSuppression(actorFromPrincipal(p), { action: 'outcome.delete', target: id });
  }
}
