import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CaseMessagesUseCase } from '../application/investigation/case-messages.use-case';
import { EvidenceUseCase } from '../application/investigation/evidence.use-case';
import { InterviewsUseCase } from '../application/investigation/interviews.use-case';
import { StatementsUseCase } from '../application/investigation/statements.use-case';
import { NonMemberComplainants, VERIFICATION_TOKEN_HEADER as TOKEN } from '../application/access/non-member-complainants';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { MatchingUseCase } from '../application/matching/matching.use-case';
import type { MessageAudience } from '../domain/investigation/case-message.entity';
import type { SupportPerson } from '../domain/investigation/statement-register.entity';
import {
  AddendumQuestionsRequest,
  AddendumRequest,
  CancelInterviewRequest,
  ChangeTopicsRequest,
  GiveStatementRequest,
  InterviewHeldRequest,
  InterviewSupportPersonRequest,
  MatchingOptInRequest,
  MessageRequest,
  RequestStatementRequest,
  RescheduleInterviewRequest,
  ScheduleInterviewRequest,
  SubmitEvidenceRequest,
  SupportPersonDto,
} from './dto/investigation.request.dto';
import { AddendumRequestIdResponse, CaseMessageResponse, EvidenceContentResponse, EvidenceResponse, InterviewResponse, MessageReceiptResponse, StatementIdResponse, StatementResponse } from './dto/investigation.response.dto';
import { LinkedReportResponse, MatchingStatusResponse } from './dto/matching.response.dto';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';

const NON_MEMBER = 'the non-member complainant, by the confirmed address (X-Verification-Token); anyone else gets "not found"';
const IN_CASE = 'a party, witness or panelist of the case (the use case decides); anyone else gets "not found", as for a case that does not exist';

const supportOf = (s: SupportPersonDto | null | undefined): SupportPerson | null => (s ? { name: s.name, memberId: s.memberId ?? null } : null);

const audienceOf = (to: string | undefined): MessageAudience =>
  !to || to === 'panel' ? { kind: 'panel' } : to === 'all_parties' ? { kind: 'all_parties' } : { kind: 'participant', personId: to };

/**
 * The investigation (S7, S10, S12): statements, interviews, evidence, case messages — the only
 * channel to a panel — and pattern matching. `:caseId` is a case id or a case reference.
 */
@ApiTags('discipline')
@UseFilters(DisciplineErrorFilter)
@Controller()
export class InvestigationController {
  constructor(
    private readonly statements: StatementsUseCase,
    private readonly interviews: InterviewsUseCase,
    private readonly evidence: EvidenceUseCase,
    private readonly messages: CaseMessagesUseCase,
    private readonly matching: MatchingUseCase,
    private readonly nonMembers: NonMemberComplainants,
  ) {}

  // ── statements (S12) ───────────────────────────────────────────────────────────────────────
  @Post('cases/:reference/statements/requests')
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiCreatedResponse({ type: StatementIdResponse })
  requestStatement(@Param('reference') caseId: string, @Body() body: RequestStatementRequest, @CurrentPrincipal() p: Principal) {
    return this.statements.request(actorFromPrincipal(p), caseId, body);
  }

  @Post('cases/:reference/statements')
  @Policy.inUseCase(`${IN_CASE}; your own statement, or the panel recording one taken at an interview`)
  @ApiCreatedResponse({ type: StatementIdResponse })
  giveStatement(@Param('reference') caseId: string, @Body() body: GiveStatementRequest, @CurrentPrincipal() p: Principal) {
    return this.statements.give(actorFromPrincipal(p), caseId, { text: body.text, personId: body.personId, interviewId: body.interviewId, supportPerson: supportOf(body.supportPerson) });
  }

  @Post('cases/:reference/statements/:statementId/addenda')
  @HttpCode(204)
  @Policy.inUseCase(`${IN_CASE}; only the person who gave the statement`)
  @ApiNoContentResponse({ description: 'The addendum is recorded.' })
  async addAddendum(@Param('reference') caseId: string, @Param('statementId') statementId: string, @Body() body: AddendumRequest, @CurrentPrincipal() p: Principal) {
    await this.statements.addAddendum(actorFromPrincipal(p), caseId, statementId, body.text, body.requestId);
  }

  @Post('cases/:reference/statements/:statementId/addendum-requests')
  @Policy.inUseCase(`${IN_CASE}; panel only: specific questions, never a retelling`)
  @ApiCreatedResponse({ type: AddendumRequestIdResponse })
  requestAddendum(@Param('reference') caseId: string, @Param('statementId') statementId: string, @Body() body: AddendumQuestionsRequest, @CurrentPrincipal() p: Principal) {
    return this.statements.requestAddendum(actorFromPrincipal(p), caseId, statementId, body.questions);
  }

  @Post('cases/:reference/statements/:statementId/approval')
  @HttpCode(204)
  @Policy.inUseCase(`${IN_CASE}; only the person whose words the panel wrote down at their interview`)
  @ApiNoContentResponse({ description: 'Approved: the words are now the person’s statement.' })
  async approveStatement(@Param('reference') caseId: string, @Param('statementId') statementId: string, @CurrentPrincipal() p: Principal) {
    await this.statements.approve(actorFromPrincipal(p), caseId, statementId);
  }

  @Get('cases/:reference/statements')
  @Policy.inUseCase(`${IN_CASE}; the panel reads all, each person their own`)
  @ApiOkResponse({ type: [StatementResponse] })
  listStatements(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.statements.list(actorFromPrincipal(p), caseId);
  }

  // ── interviews (S12) ───────────────────────────────────────────────────────────────────────
  @Post('cases/:reference/interviews')
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiCreatedResponse({ type: InterviewResponse })
  schedule(@Param('reference') caseId: string, @Body() body: ScheduleInterviewRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.schedule(actorFromPrincipal(p), caseId, { ...body, supportPerson: supportOf(body.supportPerson) });
  }

  @Get('cases/:reference/interviews')
  @Policy.inUseCase(`${IN_CASE}; the panel sees all, each person their own`)
  @ApiOkResponse({ type: [InterviewResponse] })
  listInterviews(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.interviews.list(actorFromPrincipal(p), caseId);
  }

  @Put('cases/:reference/interviews/:interviewId/topics')
  @Policy.inUseCase(`${IN_CASE}; panel only, with at least the notice period left`)
  @ApiOkResponse({ type: InterviewResponse })
  changeTopics(@Param('reference') caseId: string, @Param('interviewId') id: string, @Body() body: ChangeTopicsRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.change(actorFromPrincipal(p), caseId, id, { kind: 'topics', topics: body.topics });
  }

  @Put('cases/:reference/interviews/:interviewId/time')
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiOkResponse({ type: InterviewResponse })
  reschedule(@Param('reference') caseId: string, @Param('interviewId') id: string, @Body() body: RescheduleInterviewRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.change(actorFromPrincipal(p), caseId, id, { kind: 'reschedule', scheduledFor: body.scheduledFor });
  }

  @Put('cases/:reference/interviews/:interviewId/support-person')
  @Policy.inUseCase(`${IN_CASE}; the person interviewed`)
  @ApiOkResponse({ type: InterviewResponse })
  supportPerson(@Param('reference') caseId: string, @Param('interviewId') id: string, @Body() body: InterviewSupportPersonRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.change(actorFromPrincipal(p), caseId, id, { kind: 'support_person', supportPerson: supportOf(body.supportPerson) });
  }

  @Post('cases/:reference/interviews/:interviewId/held')
  @HttpCode(200)
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiOkResponse({ type: InterviewResponse })
  held(@Param('reference') caseId: string, @Param('interviewId') id: string, @Body() body: InterviewHeldRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.change(actorFromPrincipal(p), caseId, id, { kind: 'held', supportPersonAttended: body.supportPersonAttended });
  }

  @Post('cases/:reference/interviews/:interviewId/cancel')
  @HttpCode(200)
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiOkResponse({ type: InterviewResponse })
  cancel(@Param('reference') caseId: string, @Param('interviewId') id: string, @Body() body: CancelInterviewRequest, @CurrentPrincipal() p: Principal) {
    return this.interviews.change(actorFromPrincipal(p), caseId, id, { kind: 'cancel', reason: body.reason });
  }

  // ── evidence ───────────────────────────────────────────────────────────────────────────────
  @Post('cases/:reference/evidence')
  @Policy.inUseCase(`${IN_CASE}; parties, witnesses and the panel`)
  @ApiCreatedResponse({ type: EvidenceResponse })
  submitEvidence(@Param('reference') caseId: string, @Body() body: SubmitEvidenceRequest, @CurrentPrincipal() p: Principal) {
    return this.evidence.submit(actorFromPrincipal(p), caseId, body);
  }

  @Get('cases/:reference/evidence')
  @Policy.inUseCase(`${IN_CASE}; the panel sees all, a submitter their own`)
  @ApiOkResponse({ type: [EvidenceResponse] })
  listEvidence(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.evidence.list(actorFromPrincipal(p), caseId);
  }

  @Get('cases/:reference/evidence/:evidenceId')
  @Policy.inUseCase(`${IN_CASE}; the panel, or the submitter`)
  @ApiOkResponse({ type: EvidenceContentResponse })
  readEvidence(@Param('reference') caseId: string, @Param('evidenceId') id: string, @CurrentPrincipal() p: Principal) {
    return this.evidence.read(actorFromPrincipal(p), caseId, id);
  }

  // ── case messages: the only channel to a panel (S7) ────────────────────────────────────────
  @Post('cases/:reference/messages')
  @Policy.inUseCase(
    `${IN_CASE}; an officer of the organization with no part in the case may write to its panel, and every party reads it (the answer is the same whether the case exists or not)`,
  )
  @ApiCreatedResponse({ type: MessageReceiptResponse, description: 'Recorded: you have a part in the case.' })
  @ApiAcceptedResponse({ type: MessageReceiptResponse, description: 'An officer with no part in the case: the same receipt whether the case exists or not.' })
  async sendMessage(@Param('reference') caseId: string, @Body() body: MessageRequest, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.messages.send(actorFromPrincipal(p), caseId, { text: body.text, audience: audienceOf(body.to) });
    void reply.status(r.messageId ? 201 : 202);
    return r;
  }

  @Get('cases/:reference/messages')
  @Policy.inUseCase(`${IN_CASE}; each sees the messages the rules give them`)
  @ApiOkResponse({ type: [CaseMessageResponse] })
  listMessages(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.messages.list(actorFromPrincipal(p), caseId);
  }

  @Post('cases/:reference/messages/:messageId/disclose')
  @HttpCode(204)
  @Policy.inUseCase(`${IN_CASE}; panel only`)
  @ApiNoContentResponse({ description: 'The message is shared with every party.' })
  async disclose(@Param('reference') caseId: string, @Param('messageId') id: string, @CurrentPrincipal() p: Principal) {
    await this.messages.disclose(actorFromPrincipal(p), caseId, id);
  }

  // ── pattern matching (S10) ─────────────────────────────────────────────────────────────────
  @Get('cases/:reference/matching')
  @Policy.inUseCase(`${IN_CASE}; the person who filed the report`)
  @ApiOkResponse({ type: MatchingStatusResponse })
  matchingStatus(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.matching.status(actorFromPrincipal(p), caseId);
  }

  @Put('cases/:reference/matching/opt-in')
  @Policy.inUseCase(`${IN_CASE}; the person who filed a record-only report`)
  @ApiOkResponse({ type: MatchingStatusResponse })
  optIn(@Param('reference') caseId: string, @Body() body: MatchingOptInRequest, @CurrentPrincipal() p: Principal) {
    return this.matching.setOptIn(actorFromPrincipal(p), caseId, body.optedIn);
  }

  @Post('cases/:reference/matching/contact-consent')
  @HttpCode(200)
  @Policy.inUseCase(`${IN_CASE}; a reporter told of a match`)
  @ApiOkResponse({ type: MatchingStatusResponse })
  consent(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.matching.consentToContact(actorFromPrincipal(p), caseId);
  }

  @Get('cases/:reference/linked-reports')
  @Policy.inUseCase(`${IN_CASE}; the panel`)
  @ApiOkResponse({ type: [LinkedReportResponse] })
  linked(@Param('reference') caseId: string, @CurrentPrincipal() p: Principal) {
    return this.matching.linked(actorFromPrincipal(p), caseId);
  }

  // ── a non-member complainant, by their confirmed address (X-Verification-Token) ─────────────
  @Post('complaints/non-member/cases/:reference/statements')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiCreatedResponse({ type: StatementIdResponse })
  async giveStatementAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Body() body: GiveStatementRequest) {
    return this.statements.give(await this.nonMembers.actorFor(token), caseId, { text: body.text, supportPerson: supportOf(body.supportPerson) });
  }

  @Post('complaints/non-member/cases/:reference/statements/:statementId/addenda')
  @HttpCode(204)
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiNoContentResponse({ description: 'The addendum is recorded.' })
  async addAddendumAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Param('statementId') statementId: string, @Body() body: AddendumRequest) {
    await this.statements.addAddendum(await this.nonMembers.actorFor(token), caseId, statementId, body.text, body.requestId);
  }

  @Get('complaints/non-member/cases/:reference/statements')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [StatementResponse] })
  async listStatementsAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.statements.list(await this.nonMembers.actorFor(token), caseId);
  }

  @Post('complaints/non-member/cases/:reference/evidence')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiCreatedResponse({ type: EvidenceResponse })
  async submitEvidenceAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Body() body: SubmitEvidenceRequest) {
    return this.evidence.submit(await this.nonMembers.actorFor(token), caseId, body);
  }

  @Get('complaints/non-member/cases/:reference/evidence')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [EvidenceResponse] })
  async listEvidenceAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.evidence.list(await this.nonMembers.actorFor(token), caseId);
  }

  @Post('complaints/non-member/cases/:reference/messages')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiCreatedResponse({ type: MessageReceiptResponse })
  async sendMessageAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Body() body: MessageRequest) {
    return this.messages.send(await this.nonMembers.actorFor(token), caseId, { text: body.text, audience: audienceOf(body.to) });
  }

  @Get('complaints/non-member/cases/:reference/messages')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: [CaseMessageResponse] })
  async listMessagesAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.messages.list(await this.nonMembers.actorFor(token), caseId);
  }

  @Get('complaints/non-member/cases/:reference/matching')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: MatchingStatusResponse })
  async matchingAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.matching.status(await this.nonMembers.actorFor(token), caseId);
  }

  @Put('complaints/non-member/cases/:reference/matching/opt-in')
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: MatchingStatusResponse })
  async optInAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string, @Body() body: MatchingOptInRequest) {
    return this.matching.setOptIn(await this.nonMembers.actorFor(token), caseId, body.optedIn);
  }

  @Post('complaints/non-member/cases/:reference/matching/contact-consent')
  @HttpCode(200)
  @Policy.public(NON_MEMBER)
  @ApiHeader({ name: TOKEN, required: true })
  @ApiOkResponse({ type: MatchingStatusResponse })
  async consentAsNonMember(@Headers(TOKEN) token: string, @Param('reference') caseId: string) {
    return this.matching.consentToContact(await this.nonMembers.actorFor(token), caseId);
  }
}
