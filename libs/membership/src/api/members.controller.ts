import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, StreamableFile, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ClientAddress, CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { ApplyForMembershipUseCase } from '../application/use-cases/apply-for-membership.use-case';
import { DecideApplicationUseCase } from '../application/use-cases/decide-application.use-case';
import { EditMemberUseCase } from '../application/use-cases/edit-member.use-case';
import { ExportMembersUseCase } from '../application/use-cases/export-members.use-case';
import { ImportMembersUseCase } from '../application/use-cases/import-members.use-case';
import { ReadMemberUseCase } from '../application/use-cases/read-member.use-case';
import {
  AdmitRequest,
  AggregatesResponse,
  ApplicationRequestedResponse,
  ApplicationResponse,
  ApplyForMembershipRequest,
  ConfirmApplicationRequest,
  DeclineRequest,
  ImportQuery,
  ImportReportResponse,
  MemberDetailResponse,
  DoneResponse,
  SearchMembersQuery,
  SearchPageResponse,
  StatusChangeResponse,
  UpdateMemberRequest,
} from './member.dto';
import { MembershipErrorFilter } from './membership-error.filter';
import { SECRETARY_POLICY, csvBody, uuidParam } from './route-helpers';

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' as const } } };

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

@ApiTags('membership')
@UseFilters(MembershipErrorFilter)
@Controller()
export class MembersController {
  constructor(
    private readonly applyUseCase: ApplyForMembershipUseCase,
    private readonly decide: DecideApplicationUseCase,
    private readonly read: ReadMemberUseCase,
    private readonly edit: EditMemberUseCase,
    private readonly importer: ImportMembersUseCase,
    private readonly exporter: ExportMembersUseCase,
  ) {}

  @Post('applications')
  @HttpCode(202)
  @Policy.public('anyone may apply to join through a branch; the application reaches the branch secretary once the applicant confirms their e-mail address')
  @ApiAcceptedResponse({
    type: ApplicationRequestedResponse,
    description:
      'The same answer whatever the address. A new address is e-mailed a link, and the application is kept until it is opened (`POST /applications/confirm`); unconfirmed, it expires at `expiresAt`. An address that already belongs to a membership or an account is e-mailed, instead, how to sign in and reset the password, and nothing is kept. Whether the address may apply (address in use, a confidential restriction) is answered only on confirming.',
  })
  @ApiBadRequestResponse({ description: '`validation_failed` or `invalid_member_profile`: a field is missing or not valid (named in `details`).' })
  @ApiNotFoundResponse({ description: '`branch_not_found`: no such branch.' })
  @ApiConflictResponse({ description: '`branch_not_active`: the branch does not accept members (the message says what to do).' })
  @ApiTooManyRequestsResponse({ description: '`too_many_attempts`: too many applications from this client or for this e-mail address; wait `Retry-After` seconds.', headers: RETRY_AFTER })
  async apply(@Body() body: ApplyForMembershipRequest, @ClientAddress() address: string): Promise<ApplicationRequestedResponse> {
    const { branchId, emailConsent, note, ...profile } = body;
    const { expiresAt } = await this.applyUseCase.request({ profile, branchId, emailConsent, note }, address);
    return { message: 'Check your e-mail: open the link we sent to confirm your application. Until then the branch secretary does not see it.', expiresAt };
  }

  @Post('applications/confirm')
  @Policy.public('the applicant confirms their e-mail address with the single-use link sent to it; the application is then filed with the branch secretary')
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiBadRequestResponse({ description: '`application_link_invalid`: the link was used already or the application expired.' })
  @ApiNotFoundResponse({ description: '`branch_not_found`: the branch no longer exists.' })
  @ApiConflictResponse({
    description:
      '`duplicate_email` (the address is in use meanwhile), `application_not_possible` (a confidential restriction applies: S9) or `branch_not_active`: the application is not filed; the link stays usable.',
  })
  confirmApplication(@Body() body: ConfirmApplicationRequest): Promise<ApplicationResponse> {
    return this.applyUseCase.confirm(body.token);
  }

  @Post('members/:memberId/admit')
  @HttpCode(200)
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: StatusChangeResponse })
  admit(@Param('memberId', uuidParam('memberId')) memberId: string, @Body() body: AdmitRequest, @CurrentPrincipal() p: Principal): Promise<StatusChangeResponse> {
    return this.decide.admit(p, memberId, body.reason ?? null);
  }

  @Post('members/:memberId/decline')
  @HttpCode(200)
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: StatusChangeResponse })
  decline(@Param('memberId', uuidParam('memberId')) memberId: string, @Body() body: DeclineRequest, @CurrentPrincipal() p: Principal): Promise<StatusChangeResponse> {
    return this.decide.decline(p, memberId, body.reason);
  }

  @Get('members')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: SearchPageResponse })
  search(@Query() q: SearchMembersQuery, @CurrentPrincipal() p: Principal): Promise<SearchPageResponse> {
    return this.read.search(p, { name: q.name, email: q.email, branchIds: list(q.branchId), statuses: list(q.status), standing: q.standing, pageSize: q.pageSize, cursor: q.cursor });
  }

  @Get('members/export')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="members.csv"')
  exportCsv(@CurrentPrincipal() p: Principal): StreamableFile {
    return new StreamableFile(Readable.from(this.exporter.execute(p)));
  }

  @Post('members/import')
  @HttpCode(200)
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'The member CSV, UTF-8 (a BOM is fine), comma-separated, header first. Required columns, in any order and any case: first_name, last_name, email, phone, branch_code, joined_on, status; optional: member_number, address, email_consent, date_of_birth, past_branches, dues_level. With ?mapping=<name>, the file is another tool\'s export (CiviCRM, Action Network, a spreadsheet) read through that column mapping.',
    schema: { type: 'string', example: 'first_name,last_name,email,phone,branch_code,joined_on,status\r\nRosa,Luxe,rosa@example.org,,NORTH,2024-03-01,active\r\n' },
  })
  @ApiOkResponse({ type: ImportReportResponse, description: 'The report: how many rows are accepted and rejected, and the rows with a problem (at most 1,000, with how many more); for apply, whether it was imported (all or nothing).' })
  @ApiBadRequestResponse({ description: 'A wrong header, a bad encoding or broken quoting (naming the row), or — on apply — any rejected row (`import_rejected`, naming the first); nothing is imported.' })
  @ApiNotFoundResponse({ description: '`import_mapping_not_found`: no mapping of that name (see GET /imports/mappings).' })
  @ApiPayloadTooLargeResponse({ description: '`csv_too_large`: split the file.' })
  @ApiUnsupportedMediaTypeResponse({ description: '`csv_not_csv`: send the file as the body with Content-Type: text/csv.' })
  importCsv(@Query() q: ImportQuery, @Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<ImportReportResponse> {
    return this.importer.execute(p, csvBody(body), q.mode, { mapping: q.mapping });
  }

  @Get('members/:memberId')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: MemberDetailResponse })
  detail(@Param('memberId', uuidParam('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<MemberDetailResponse> {
    return this.read.detail(p, memberId);
  }

  @Patch('members/:memberId')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: DoneResponse })
  async update(@Param('memberId', uuidParam('memberId')) memberId: string, @Body() body: UpdateMemberRequest, @CurrentPrincipal() p: Principal): Promise<DoneResponse> {
    await this.edit.updateBySecretary(p, memberId, body);
    return { message: 'Saved.' };
  }

  @Get('membership/aggregates')
  @Policy.mandate({ body: 'EC' }, ...SECRETARY_POLICY)
  @ApiOkResponse({ type: AggregatesResponse })
  aggregates(@CurrentPrincipal() p: Principal): Promise<AggregatesResponse> {
    return this.read.aggregates(p);
  }
}
