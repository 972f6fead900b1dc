import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { asCsvSource, DomainError, type CsvSource } from '@org/kernel';
import { LOGGER, type Logger } from '@org/platform';
import { DuesApplicationErrorCode } from '../application/dues-application.errors';
import { BankImportUseCase } from '../application/use-cases/bank-import.use-case';
import { DispatchRemindersUseCase } from '../application/use-cases/dispatch-reminders.use-case';
import { ManagePlansUseCase } from '../application/use-cases/manage-plans.use-case';
import { PaymentMappingsUseCase } from '../application/use-cases/payment-mappings.use-case';
import { MyDuesUseCase } from '../application/use-cases/my-dues.use-case';
import { RecomputeStandingUseCase, recomputeScope } from '../application/use-cases/recompute-standing.use-case';
import { RecordPaymentUseCase } from '../application/use-cases/record-payment.use-case';
import { StandingQueryUseCase } from '../application/use-cases/standing-query.use-case';
import { TreasurerLookupUseCase } from '../application/use-cases/treasurer-lookup.use-case';
import { WaiversUseCase } from '../application/use-cases/waivers.use-case';
import {
  AsOfQuery,
  BankImportQuery,
  BankImportReportResponse,
  CreatePlanRequest,
  LedgerPaymentResponse,
  LevelResponse,
  MemberLookupQuery,
  MyDuesResponse,
  PaymentMappingResponse,
  PlanResponse,
  RecomputeRequest,
  RecordPaymentRequest,
  RecordPaymentResponse,
  SavePaymentMappingRequest,
  SetLevelRequest,
  StandingResponse,
  StandingRunResponse,
  TreasurerMemberResponse,
  WaiverRequest,
  WaiverResponse,
} from './dues.dto';
import { DuesErrorFilter } from './dues-error.filter';

const uuid = (name: string) => new ParseUUIDPipe({ exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });

const TREASURER_POLICY = [
  { body: 'BRANCH_COMMITTEE' as const, roles: ['treasurer' as const] },
  { body: 'NATIONAL_OFFICE' as const, roles: ['treasurer' as const, 'membership-secretary' as const] },
];

const idempotencyKey = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  if (!/^[\x21-\x7e]{8,200}$/.test(v)) {
    throw new DomainError('invalid', DuesApplicationErrorCode.invalidIdempotencyKey, 'Idempotency-Key must be 8 to 200 visible ASCII characters.', { field: 'Idempotency-Key' });
  }
  return v;
};

const csvBody = (body: unknown): CsvSource => {
  const source = asCsvSource(body);
  if (source !== null) return source;
  throw new DomainError('invalid', DuesApplicationErrorCode.csvNotCsv, 'Send the bank export as the request body with Content-Type: text/csv.');
};

@ApiTags('dues')
@UseFilters(DuesErrorFilter)
@Controller()
export class DuesController {
  constructor(
    private readonly plans: ManagePlansUseCase,
    private readonly mine: MyDuesUseCase,
    private readonly payments: RecordPaymentUseCase,
    private readonly waivers: WaiversUseCase,
    private readonly standing: StandingQueryUseCase,
    private readonly lookup: TreasurerLookupUseCase,
    private readonly bank: BankImportUseCase,
    private readonly job: RecomputeStandingUseCase,
    private readonly reminders: DispatchRemindersUseCase,
    private readonly paymentMappings: PaymentMappingsUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('dues/plans')
  @Policy.member()
  @ApiOkResponse({ type: [PlanResponse] })
  listPlans(): Promise<PlanResponse[]> {
    return this.plans.list();
  }

  @Post('dues/plans')
  @Policy.mandate({ body: 'EC' }, { body: 'NATIONAL_OFFICE', roles: ['treasurer'] })
  @ApiCreatedResponse({ type: PlanResponse })
  createPlan(@Body() body: CreatePlanRequest, @CurrentPrincipal() p: Principal): Promise<PlanResponse> {
    return this.plans.create(p, body);
  }

  @Get('me/dues')
  @Policy.member()
  @ApiOkResponse({ type: MyDuesResponse })
  myDues(@Query() q: AsOfQuery, @CurrentPrincipal() p: Principal): Promise<MyDuesResponse> {
    return this.mine.overview(p, q.asOf);
  }

  /** No approval and no notice to officers: the member's own choice. */
  @Put('me/dues-level')
  @Policy.member()
  @ApiOkResponse({ type: LevelResponse })
  setLevel(@Body() body: SetLevelRequest, @CurrentPrincipal() p: Principal): Promise<LevelResponse> {
    return this.mine.setLevel(p, body);
  }

  @Post('dues/payments')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and records nothing new.' })
  @ApiCreatedResponse({ type: RecordPaymentResponse })
  recordPayment(@Body() body: RecordPaymentRequest, @Headers('idempotency-key') key: string | undefined, @CurrentPrincipal() p: Principal): Promise<RecordPaymentResponse> {
    return this.payments.execute(p, { ...body, idempotencyKey: idempotencyKey(key) });
  }

  /** The member a payment is for, among the treasurer's own branches; contact details only with the secretary mandate too. */
  @Get('dues/members')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: [TreasurerMemberResponse] })
  findMembers(@Query() q: MemberLookupQuery, @CurrentPrincipal() p: Principal): Promise<TreasurerMemberResponse[]> {
    return this.lookup.find(p, q);
  }

  @Get('dues/members/:memberId')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: TreasurerMemberResponse })
  member(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<TreasurerMemberResponse> {
    return this.lookup.get(p, memberId);
  }

  @Get('dues/members/:memberId/payments')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: [LedgerPaymentResponse] })
  listPayments(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<LedgerPaymentResponse[]> {
    return this.payments.list(p, memberId);
  }

  @Get('dues/members/:memberId/standing')
  @Policy.mandate(...TREASURER_POLICY, { body: 'BRANCH_COMMITTEE', roles: ['secretary'] })
  @ApiOkResponse({ type: StandingResponse })
  memberStanding(@Param('memberId', uuid('memberId')) memberId: string, @Query() q: AsOfQuery, @CurrentPrincipal() p: Principal): Promise<StandingResponse> {
    return this.standing.execute(p, memberId, q.asOf);
  }

  @Post('dues/members/:memberId/waivers')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiCreatedResponse({ type: WaiverResponse })
  grantWaiver(@Param('memberId', uuid('memberId')) memberId: string, @Body() body: WaiverRequest, @CurrentPrincipal() p: Principal): Promise<WaiverResponse> {
    return this.waivers.grant(p, memberId, body);
  }

  @Get('dues/members/:memberId/waivers')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: [WaiverResponse] })
  listWaivers(@Param('memberId', uuid('memberId')) memberId: string, @CurrentPrincipal() p: Principal): Promise<WaiverResponse[]> {
    return this.waivers.list(p, memberId);
  }

  @Post('dues/bank-imports')
  @HttpCode(200)
  @Policy.mandate(...TREASURER_POLICY)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'The bank export, UTF-8 (a BOM is fine), comma-separated, header first. Columns, in any order and any case: date (YYYY-MM-DD), amount (major units, dot decimal), currency, reference (must contain the member number or e-mail), transaction_id (may be empty). With ?mapping=<name>, another tool\'s export read through that column mapping: a saved one (GET /dues/import-mappings) or a built-in one (civicontribute, bank).',
    schema: { type: 'string', example: 'date,amount,currency,reference,transaction_id\r\n2026-05-02,12.50,EUR,Subs M1042 May,TX-88231\r\n' },
  })
  @ApiOkResponse({ type: BankImportReportResponse, description: 'Every row: new, already imported, duplicate in the file, or rejected and why; for apply, what was added.' })
  @ApiBadRequestResponse({ description: 'A wrong header, a bad encoding or broken quoting (naming the row), or — on apply without skipRejected — any rejected row (`import_rejected`); nothing is added.' })
  @ApiNotFoundResponse({ description: '`payment_mapping_not_found`: no payments mapping of that name (list them with GET /dues/import-mappings).' })
  @ApiPayloadTooLargeResponse({ description: '`csv_too_large`: split the file.' })
  @ApiUnsupportedMediaTypeResponse({ description: '`csv_not_csv`: send the export as the body with Content-Type: text/csv.' })
  bankImport(@Query() q: BankImportQuery, @Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<BankImportReportResponse> {
    return this.bank.execute(p, csvBody(body), q.mode, { skipRejected: q.skipRejected === 'true', mapping: q.mapping });
  }

  @Get('dues/import-mappings')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: [PaymentMappingResponse], description: 'The built-in payments mappings and those the organization saved, by name.' })
  listPaymentMappings(@CurrentPrincipal() p: Principal): Promise<PaymentMappingResponse[]> {
    return this.paymentMappings.list(p);
  }

  @Get('dues/import-mappings/:name')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: PaymentMappingResponse })
  @ApiBadRequestResponse({ description: '`csv_mapping_invalid`: not a mapping name.' })
  @ApiNotFoundResponse({ description: '`payment_mapping_not_found`: no payments mapping of that name.' })
  getPaymentMapping(@Param('name') name: string, @CurrentPrincipal() p: Principal): Promise<PaymentMappingResponse> {
    return this.paymentMappings.get(p, name);
  }

  @Put('dues/import-mappings/:name')
  @Policy.mandate(...TREASURER_POLICY)
  @ApiOkResponse({ type: PaymentMappingResponse, description: 'Saved (a new version when the name existed); use it with POST /dues/bank-imports?mapping={name}.' })
  @ApiBadRequestResponse({ description: '`csv_mapping_invalid`: every problem of the mapping, in words (unknown field, a required field not mapped, a bad date format…), or a bad name.' })
  savePaymentMapping(@Param('name') name: string, @Body() body: SavePaymentMappingRequest, @CurrentPrincipal() p: Principal): Promise<PaymentMappingResponse> {
    return this.paymentMappings.save(p, name, body);
  }

  @Post('dues/standing/recompute')
  @HttpCode(200)
  @Policy.mandate({ body: 'EC' }, ...TREASURER_POLICY)
  @ApiOkResponse({ type: StandingRunResponse })
  async recompute(@Body() body: RecomputeRequest, @CurrentPrincipal() p: Principal): Promise<StandingRunResponse> {
    const run = await this.job.run({ asOf: body.asOf, branchIds: recomputeScope(p), trigger: 'request', requestedBy: p.memberId });
    // Reminders recorded by the run go to the outbox after the response, batch by batch.
    if (run.reminders > 0) {
      this.reminders.drain().catch((e: { message?: string }) => this.logger.warn({ err: { message: e.message?.slice(0, 200) } }, 'reminder dispatch failed; the scheduler retries it'));
    }
    return run;
  }

  @Get('dues/standing/runs')
  @Policy.mandate({ body: 'EC' }, ...TREASURER_POLICY)
  @ApiOkResponse({ type: [StandingRunResponse] })
  runs(): Promise<StandingRunResponse[]> {
    return this.job.recentRuns();
  }
}
