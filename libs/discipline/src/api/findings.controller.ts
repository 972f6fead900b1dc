import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { RefusesEveryRequest } from '@org/platform';
import { DeliberateUseCase } from '../application/finding/deliberate.use-case';
import { NonMemberComplainants, VERIFICATION_TOKEN_HEADER as TOKEN } from '../application/access/non-member-complainants';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { AlterationRefusals } from '../application/independence/alteration-refusals';
import { DecideFindingRequest, OpenFindingRequest, VoteRequest } from './dto/finding.request.dto';
import { sanctionKindDefinitions } from '../domain';
import { FindingOpenedResponse, FindingResponse, SanctionKindResponse, VoteRecordedResponse } from './dto/finding.response.dto';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';

const PANEL = 'the panel now deciding the case; anyone else gets "not found" (and the attempt is recorded)';
const NOBODY =
  'refused for everyone and recorded: no body, role or setting can change, annul, re-open, set aside or delay a finding; only the Appeals Committee, on a party’s appeal (S7)';

const REFUSED = 'Always, for everyone and any id: `discipline.finding.final_except_by_appeal` (the attempt is recorded in the audit log).';

/**
 * Findings (S7): the panel opens a finding per respondent, each panelist votes once, the panel
 * decides by majority with written reasons; parties read the decision. Every other way of
 * reaching a finding — amending, annulling, re-opening, delaying, overturning, by anyone — is
 * answered with the same refusal for any id and written to the audit log.
 */
@ApiTags('discipline')
@UseFilters(DisciplineErrorFilter)
@Controller()
export class FindingsController {
  constructor(
    private readonly deliberation: DeliberateUseCase,
    private readonly refusals: AlterationRefusals,
    private readonly nonMembers: NonMemberComplainants,
  ) {}

  @Get('sanction-kinds')
  @Policy.member()
  @ApiOkResponse({ type: [SanctionKindResponse], description: 'The sanctions a panel or the Appeals Committee can impose, least to most severe, with the words members see.' })
  sanctionKinds(): SanctionKindResponse[] {
    return sanctionKindDefinitions().map((d) => ({ kind: d.kind, label: d.label, description: d.description, detail: d.detail }));
  }

  @Post('cases/:reference/findings')
  @Policy.inUseCase(PANEL)
  @ApiCreatedResponse({ type: FindingOpenedResponse })
  open(@Param('reference') caseId: string, @Body() body: OpenFindingRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'finding.open', caseId }, () => this.deliberation.open(actor, caseId, body.respondentId));
  }

  @Get('cases/:reference/findings')
  @Policy.inUseCase('the parties and the panels of the case; anyone else gets "not found"')
  @ApiOkResponse({ type: [FindingResponse] })
  list(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.deliberation.list(actorFromPrincipal(p), caseId);
  }

  @Get('complaints/non-member/cases/:reference/findings')
  @Policy.public('the non-member complainant, by the confirmed address (X-Verification-Token); anyone else gets "not found"')
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [FindingResponse] })
  async listAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.deliberation.list(await this.nonMembers.actorFor(token), caseId);
  }

  @Post('cases/:reference/findings/:findingId/votes')
  @Policy.inUseCase(PANEL)
  @ApiCreatedResponse({ type: VoteRecordedResponse })
  vote(@Param('reference') caseId: string, @Param('findingId') findingId: string, @Body() body: VoteRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'finding.vote', caseId, target: findingId }, () =>
      this.deliberation.vote(actor, caseId, findingId, { verdict: body.verdict, proposedSanction: body.proposedSanction as never }),
    );
  }

  @Post('cases/:reference/findings/:findingId/decision')
  @Policy.inUseCase(PANEL)
  @ApiCreatedResponse({ type: FindingResponse })
  decide(@Param('reference') caseId: string, @Param('findingId') findingId: string, @Body() body: DecideFindingRequest, @CurrentPrincipal() p: Principal) {
    const actor = actorFromPrincipal(p);
    return this.refusals.audited(actor, { action: 'finding.decide', caseId, target: findingId }, () => this.deliberation.decide(actor, caseId, findingId, body));
  }

  // ── no other way to a finding (S2, S7) ────────────────────────────────────────────────────
  @Post('cases/:reference/findings/:findingId/:action')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseAction(@Param('reference') caseId: string, @Param('findingId') findingId: string, @Param('action') action: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: `finding.${action.slice(0, 40)}`, caseId, target: findingId });
  }

  @Put('cases/:reference/findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseReplace(@Param('reference') caseId: string, @Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.replace', caseId, target: findingId });
  }

  @Patch('cases/:reference/findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseAmend(@Param('reference') caseId: string, @Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.amend', caseId, target: findingId });
  }

  @Delete('cases/:reference/findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseDelete(@Param('reference') caseId: string, @Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.annul', caseId, target: findingId });
  }

  @Post('findings/:findingId/:action')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseBareAction(@Param('findingId') findingId: string, @Param('action') action: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: `finding.${action.slice(0, 40)}`, target: findingId });
  }

  @Put('findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseBareReplace(@Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.replace', target: findingId });
  }

  @Patch('findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseBareAmend(@Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.amend', target: findingId });
  }

  @Delete('findings/:findingId')
  @Policy.inUseCase(NOBODY)
  @RefusesEveryRequest()
  @ApiForbiddenResponse({ description: REFUSED })
  refuseBareDelete(@Param('findingId') findingId: string, @CurrentPrincipal() p: Principal): Promise<never> {
    return this.refusals.refuseFindingAlteration(actorFromPrincipal(p), { action: 'finding.annul', target: findingId });
  }
}
