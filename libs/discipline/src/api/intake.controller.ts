import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { actorFromPrincipal, actorFromVerifiedEmail } from '../application/access/discipline-actor';
import { CaseViews } from '../application/access/case-views.service';
import { ComplainantActions } from '../application/intake/complainant-actions.use-case';
import { EmailVerificationService } from '../application/intake/email-verification.service';
import { FileComplaint } from '../application/intake/file-complaint.use-case';
import { MemberDirectoryQuery } from '../application/intake/member-directory.query';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';
import {
  CaseStageResponse,
  CaseSummaryResponse,
  CaseViewResponse,
  DirectoryEntryResponse,
  EmailVerificationResponse,
  FiledComplaintResponse,
  HowToReportResponse,
  VerificationTokenResponse,
} from './dto/case.response.dto';
import { ChangePathRequest, ConfirmEmailVerificationRequest, FileComplaintRequest, RequestEmailVerificationRequest } from './dto/complaint.request.dto';

const TOKEN_HEADER = 'x-verification-token';
const HOW_TO_REPORT = {
  title: 'Report a concern to the Control Commission',
  text: [
    'Anyone — a member, a former member, or someone who is not a member — can report harassment, abuse or any breach of the code of conduct.',
    'Your report goes straight to the Control Commission, which is elected on its own and independent of the leadership. The Executive Committee, the Central Committee, staff and branch officers cannot see, list or count reports.',
    'You choose what happens: record only, informal resolution (only with your consent, which you can withdraw), or a formal investigation. Nobody else can change that.',
    'What you write is encrypted before it is stored, and every reading of it is recorded.',
  ],
  members: 'Signed in: POST /complaints (pick people with GET /complaints/directory, which answers a handle for each person).',
  nonMembers: 'Not a member: confirm your email with POST /complaints/email-verifications, then POST /complaints/non-member.',
};

/**
 * Filing a complaint (S1, S4, S12, S14): members and former members signed in; anyone else after
 * confirming an email address. Thin: each route parses, calls one use case, returns its result.
 */
@ApiTags('discipline: complaints')
@UseFilters(DisciplineErrorFilter)
@Controller('complaints')
export class IntakeController {
  constructor(
    private readonly file: FileComplaint,
    private readonly verification: EmailVerificationService,
    private readonly directory: MemberDirectoryQuery,
    private readonly views: CaseViews,
    private readonly actions: ComplainantActions,
  ) {}

  @Get('how-to-report')
  @Policy.public('how to reach the Control Commission must be visible to everyone at all times (S14)')
  @ApiOperation({ summary: 'How to report a concern, and where it goes' })
  @ApiOkResponse({ type: HowToReportResponse })
  howToReport(): typeof HOW_TO_REPORT {
    return HOW_TO_REPORT;
  }

  @Get('directory')
  @Policy.signedIn()
  @ApiOperation({ summary: 'Find the person you mean, to name them in a complaint: name and branch only, at most five, a daily budget' })
  @ApiQuery({ name: 'q', description: 'At least three letters: the start of their first or last name (each word)' })
  @ApiOkResponse({ type: [DirectoryEntryResponse] })
  @ApiBadRequestResponse({ description: 'Fewer than three letters.' })
  @ApiTooManyRequestsResponse({ description: 'The day’s searches are used up; the message says when to search again.' })
  search(@CurrentPrincipal() p: Principal, @Query('q') q: string): Promise<DirectoryEntryResponse[]> {
    return this.directory.search(actorFromPrincipal(p), q);
  }

  @Post()
  @Policy.signedIn()
  @ApiOperation({ summary: 'File a complaint as a member or former member (goes to the Control Commission only)' })
  @ApiCreatedResponse({ type: FiledComplaintResponse })
  fileAsMember(@CurrentPrincipal() p: Principal, @Body() body: FileComplaintRequest): Promise<FiledComplaintResponse> {
    return this.file.byMember(actorFromPrincipal(p), body);
  }

  @Post('email-verifications')
  @Policy.public('anyone may complain (S1); a non-member first confirms an email address')
  @ApiOperation({ summary: 'Send a confirmation code to an email address' })
  @ApiCreatedResponse({ type: EmailVerificationResponse })
  requestCode(@Body() body: RequestEmailVerificationRequest): Promise<EmailVerificationResponse> {
    return this.verification.request(body.email);
  }

  @Post('email-verifications/:verificationId/confirm')
  @HttpCode(200)
  @Policy.public('the code proves the address')
  @ApiOperation({ summary: 'Confirm the code; returns a token to file and follow a complaint' })
  @ApiOkResponse({ type: VerificationTokenResponse })
  confirmCode(@Param('verificationId') id: string, @Body() body: ConfirmEmailVerificationRequest): Promise<VerificationTokenResponse> {
    return this.verification.confirm(id, body.code);
  }

  @Post('non-member')
  @Policy.public('a non-member with a confirmed email address (X-Verification-Token)')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiOperation({ summary: 'File a complaint as a non-member' })
  @ApiCreatedResponse({ type: FiledComplaintResponse })
  async fileAsNonMember(@Headers(TOKEN_HEADER) token: string, @Body() body: FileComplaintRequest): Promise<FiledComplaintResponse> {
    const { email, verifiedAt } = await this.verification.emailFor(token);
    return this.file.byVerifiedEmail(actorFromVerifiedEmail(email), email, verifiedAt, body);
  }

  @Get('non-member/directory')
  @Policy.public('a non-member with a confirmed email address (X-Verification-Token)')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiQuery({ name: 'q' })
  @ApiOkResponse({ type: [DirectoryEntryResponse] })
  @ApiBadRequestResponse({ description: 'Fewer than three letters.' })
  @ApiTooManyRequestsResponse({ description: 'The day’s searches for this address are used up.' })
  async searchAsNonMember(@Headers(TOKEN_HEADER) token: string, @Query('q') q: string): Promise<DirectoryEntryResponse[]> {
    const { email } = await this.verification.emailFor(token);
    return this.directory.search(actorFromVerifiedEmail(email), q);
  }

  @Get('non-member/cases')
  @Policy.public('the complainant, by the confirmed address (X-Verification-Token)')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiOkResponse({ type: [CaseSummaryResponse] })
  async myCasesAsNonMember(@Headers(TOKEN_HEADER) token: string): Promise<CaseSummaryResponse[]> {
    const { email } = await this.verification.emailFor(token);
    return this.views.mine(actorFromVerifiedEmail(email));
  }

  @Get('non-member/cases/:reference')
  @Policy.public('the complainant, by the confirmed address (X-Verification-Token); anyone else gets 404')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiOkResponse({ type: CaseViewResponse })
  async viewAsNonMember(@Headers(TOKEN_HEADER) token: string, @Param('reference') reference: string): Promise<CaseViewResponse> {
    const { email } = await this.verification.emailFor(token);
    return this.views.view(reference, actorFromVerifiedEmail(email)) as Promise<CaseViewResponse>;
  }

  @Post('non-member/cases/:reference/path')
  @HttpCode(200)
  @Policy.public('the complainant, by the confirmed address (X-Verification-Token); anyone else gets 404')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiOkResponse({ type: CaseStageResponse })
  async changePathAsNonMember(@Headers(TOKEN_HEADER) token: string, @Param('reference') reference: string, @Body() body: ChangePathRequest): Promise<CaseStageResponse> {
    const { email } = await this.verification.emailFor(token);
    return this.actions.changePath(reference, actorFromVerifiedEmail(email), body.path, body.consent);
  }

  @Post('non-member/cases/:reference/withdraw')
  @HttpCode(200)
  @Policy.public('the complainant, by the confirmed address (X-Verification-Token); anyone else gets 404')
  @ApiHeader({ name: TOKEN_HEADER, required: true })
  @ApiOkResponse({ type: CaseStageResponse })
  async withdrawAsNonMember(@Headers(TOKEN_HEADER) token: string, @Param('reference') reference: string): Promise<CaseStageResponse> {
    const { email } = await this.verification.emailFor(token);
    return this.actions.withdraw(reference, actorFromVerifiedEmail(email));
  }
}
