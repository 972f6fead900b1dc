import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const date = (field: string) => ({ message: `${field} must be a date (YYYY-MM-DD)` });
const wholeMinor = (field: string) => ({ message: `${field} must be a whole number of minor units (cents), for example 1250 for 12.50` });

export class IncomeBandRequest {
  @ApiProperty({ example: 'under-15k' }) @IsString() @Length(1, 40) code: string;
  @ApiProperty({ example: 'Under 15,000 a year' }) @IsString() @Length(1, 120) label: string;
  @ApiProperty({ example: 300 }) @IsInt(wholeMinor('amountMinor')) @Min(0) amountMinor: number;
}

export class CreatePlanRequest {
  @ApiProperty({ example: 'Standard subs' }) @IsString() @Length(1, 120) name: string;
  @ApiProperty({ enum: ['fixed', 'sliding-scale'] }) @IsIn(['fixed', 'sliding-scale'], { message: 'kind must be fixed or sliding-scale' }) kind: 'fixed' | 'sliding-scale';
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code.' }) @IsString() @MaxLength(10) currency: string;
  @ApiPropertyOptional({ enum: ['monthly', 'quarterly', 'annual'] }) @IsOptional() @IsIn(['monthly', 'quarterly', 'annual'], { message: 'period must be monthly, quarterly or annual' }) period?: 'monthly' | 'quarterly' | 'annual';
  @ApiPropertyOptional({ description: 'A fixed plan: the amount per period.' }) @IsOptional() @IsInt(wholeMinor('amountMinor')) amountMinor?: number;
  @ApiPropertyOptional({ description: 'A sliding scale: the lowest level allowed.' }) @IsOptional() @IsInt(wholeMinor('minimumMinor')) minimumMinor?: number;
  @ApiPropertyOptional({ type: [IncomeBandRequest] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => IncomeBandRequest) bands?: IncomeBandRequest[];
  @ApiPropertyOptional({ description: 'Statutory grace in months of arrears (default 3).' }) @IsOptional() @IsInt() @Min(0) @Max(120) graceMonths?: number;
  @ApiPropertyOptional({ description: 'Make this the plan for members who chose no other.' }) @IsOptional() @IsBoolean() isDefault?: boolean;
}

export class IncomeBandResponse {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() amountMinor: number;
}

export class PlanResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['fixed', 'sliding-scale'] }) kind: string;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['monthly', 'quarterly', 'annual'] }) period: string;
  @ApiProperty() minimumMinor: number;
  @ApiProperty({ nullable: true, type: Number }) amountMinor: number | null;
  @ApiProperty({ type: [IncomeBandResponse] }) bands: IncomeBandResponse[];
  @ApiProperty() graceMonths: number;
  @ApiProperty() isDefault: boolean;
}

export class SetLevelRequest {
  @ApiPropertyOptional({ description: 'Amount per period in minor units; default: the plan or band suggestion.' }) @IsOptional() @IsInt(wholeMinor('amountMinor')) @Min(0) amountMinor?: number;
  @ApiPropertyOptional({ description: 'Self-declared income band (sliding scale).' }) @IsOptional() @IsString() @MaxLength(40) bandCode?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today. Not in the past.' }) @IsOptional() @IsDateString({ strict: true }, date('effectiveFrom')) effectiveFrom?: string;
  @ApiPropertyOptional({ description: 'Switch to another plan.' }) @IsOptional() @IsUUID('4', { message: 'planId must be a UUID' }) planId?: string;
}

export class LevelResponse {
  @ApiProperty() planId: string;
  @ApiProperty() currency: string;
  @ApiProperty() period: string;
  @ApiProperty() amountMinor: number;
  @ApiProperty({ nullable: true, type: String }) bandCode: string | null;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
}

export class StandingResponse {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty() inGoodStanding: boolean;
  @ApiProperty({ enum: ['in_good_standing', 'arrears', 'suspended', 'expelled', 'not_a_member'] }) reason: string;
  @ApiProperty({ nullable: true, type: String }) status: string | null;
  @ApiProperty() arrearsMonths: number;
  @ApiProperty() graceMonths: number;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) oldestUnpaidDueOn: string | null;
  @ApiProperty() currency: string;
  @ApiProperty() owedMinor: number;
  @ApiProperty() countedMinor: number;
  @ApiProperty() outstandingMinor: number;
  @ApiProperty() prepaidMinor: number;
  @ApiProperty({ description: 'Paid during a sanction still running (S9): counts only for dues after it ends, if it ends with the member back.' }) heldMinor: number;
  @ApiProperty() notCountedMinor: number;
}

export class PaymentResponse {
  @ApiProperty() id: string;
  @ApiProperty() amountMinor: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date' }) paidOn: string;
  @ApiProperty({ enum: ['treasurer', 'bank-import', 'seed'] }) source: string;
}

export class LedgerPaymentResponse extends PaymentResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ nullable: true, type: String }) externalRef: string | null;
  @ApiProperty() recordedBy: string;
}

export class MyDuesResponse {
  @ApiProperty({ nullable: true, type: String }) planId: string | null;
  @ApiProperty({ nullable: true, type: String }) currency: string | null;
  @ApiProperty({ nullable: true, type: LevelResponse }) level: LevelResponse | null;
  @ApiProperty({ type: StandingResponse }) standing: StandingResponse;
  @ApiProperty({ type: [PaymentResponse] }) payments: PaymentResponse[];
}

export class AsOfQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsDateString({ strict: true }, date('asOf')) asOf?: string;
}

export class RecordPaymentRequest {
  @ApiProperty() @IsUUID('4', { message: 'memberId must be a UUID' }) memberId: string;
  @ApiProperty({ example: 1250, description: 'Minor units (cents): a positive whole number.' })
  @IsInt({ message: 'amountMinor must be a positive whole number of minor units (cents), for example 1250 for 12.50' })
  @Min(1, { message: 'amountMinor must be positive' })
  amountMinor: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code; must be the member’s dues currency.' }) @IsString() @MaxLength(10) currency: string;
  @ApiProperty({ format: 'date', description: 'Not in the future.' }) @IsDateString({ strict: true }, date('paidOn')) paidOn: string;
  @ApiPropertyOptional({ description: 'A receipt number; the same one twice is refused.' }) @IsOptional() @IsString() @Length(1, 200) receiptRef?: string;
}

export class RecordPaymentResponse {
  @ApiProperty({ type: LedgerPaymentResponse }) payment: LedgerPaymentResponse;
  @ApiProperty({ type: StandingResponse }) standing: StandingResponse;
}

export class WaiverRequest {
  @ApiProperty({ format: 'date', description: 'First day covered.' }) @IsDateString({ strict: true }, date('from')) from: string;
  @ApiProperty({ format: 'date', description: 'First day no longer covered.' }) @IsDateString({ strict: true }, date('to')) to: string;
  @ApiProperty({ description: 'Treasurers only; never shown elsewhere or logged.' }) @IsString() @Length(1, 2000) reason: string;
}

export class WaiverResponse {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty() treasurerOnlyReason: string;
  @ApiProperty() grantedBy: string;
  @ApiProperty({ format: 'date' }) grantedOn: string;
}

export class BankImportQuery {
  @ApiProperty({ enum: ['dry-run', 'apply'] }) @IsIn(['dry-run', 'apply'], { message: 'mode must be dry-run or apply' }) mode: 'dry-run' | 'apply';
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Apply the good rows and skip rejected ones (default: all or nothing).' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'skipRejected must be true or false' })
  skipRejected?: string;
  @ApiPropertyOptional({
    example: 'civicontribute',
    description:
      'Read another tool\'s export through this column mapping: one the organization saved (PUT /dues/import-mappings/{name}) or a built-in one — civicontribute (a CiviContribute export) or bank (a bank statement: Date DD/MM/YYYY, Amount, Description).',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'mapping is the name of a payments mapping: lower-case letters, digits, "-" or "_" (e.g. civicontribute, bank)' })
  mapping?: string;
}

export class SavePaymentMappingRequest {
  @ApiPropertyOptional({ description: 'What export this mapping reads, for whoever uses it next.', example: 'Our bank (Tridos), statement export' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
  @ApiProperty({
    description:
      'Payments field (date, amount, currency, reference, transaction_id, status) → rule: one of column / columns (+ join) / constant; optional dateFormats (YYYY, MM, M, DD, D, MMM), values (source → platform value), otherValues (error|keep), skipWhen (status values whose rows are left out), optional. date, amount and reference are required.',
    example: { date: { column: 'Booking date', dateFormats: ['DD.MM.YYYY'] }, amount: { column: 'Credit' }, reference: { column: 'Purpose' }, transaction_id: { column: 'Ref', optional: true } },
  })
  @IsObject({ message: 'fields is an object from payments field names to rules' })
  fields: Record<string, unknown>;
}

export class PaymentMappingResponse {
  @ApiProperty({ example: 'bank' }) name: string;
  @ApiProperty({ description: 'Built into the platform (a saved mapping of the same name replaces it).' }) builtIn: boolean;
  @ApiProperty({ description: 'The mapping as saved: description, fields.', type: 'object', additionalProperties: true }) definition: object;
  @ApiProperty({ nullable: true, type: String }) savedAt: string | null;
  @ApiProperty({ description: '0 for a built-in mapping; counts saves.' }) version: number;
}

export class BankSkippedRowResponse {
  @ApiProperty() row: number;
  @ApiProperty({ example: 'left out by the mapping: Contribution Status is "Refunded"' }) reason: string;
}

export class BankRowErrorResponse {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class BankRowResponse {
  @ApiProperty() row: number;
  @ApiProperty({ enum: ['new', 'already-imported', 'duplicate-in-file', 'rejected'] }) outcome: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [BankRowErrorResponse] }) errors: BankRowErrorResponse[];
  @ApiProperty({ nullable: true, type: String }) memberId: string | null;
}

export class BankImportReportResponse {
  @ApiProperty({ enum: ['dry-run', 'apply'] }) mode: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() newPayments: number;
  @ApiProperty() alreadyImported: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [BankRowResponse] }) rows: BankRowResponse[];
  @ApiProperty({ type: [BankSkippedRowResponse], description: 'Rows the mapping leaves out (not imported, not errors).' }) skippedRows: BankSkippedRowResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'The column mapping the file was read with.' }) mapping: string | null;
  @ApiProperty() applied: boolean;
  @ApiProperty({ description: 'Payments this call added to the ledger.' }) added: number;
  @ApiProperty({ nullable: true, type: String }) batchId: string | null;
}

export class RecomputeRequest {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today. Statuses change only for a run as of today.' }) @IsOptional() @IsDateString({ strict: true }, date('asOf')) asOf?: string;
}

export class StandingRunResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ enum: ['schedule', 'request'] }) trigger: string;
  @ApiProperty() members: number;
  @ApiProperty() inGoodStanding: number;
  @ApiProperty() lapsed: number;
  @ApiProperty() reinstated: number;
  @ApiProperty() reminders: number;
  @ApiProperty() skipped: number;
  @ApiProperty() durationMs: number;
}

export class MemberLookupQuery {
  @ApiProperty({ example: 'garcia', description: 'Part of a name (either order, any case), or a member number.' })
  @IsString()
  @Length(2, 100, { message: 'q must be 2 to 100 characters: part of a name, or a member number' })
  q: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 50, description: 'Default 20.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 50' })
  @Min(1, { message: 'limit must be a whole number from 1 to 50' })
  @Max(50, { message: 'limit must be a whole number from 1 to 50' })
  limit?: number;
}

export class LookupStandingResponse {
  @ApiProperty() inGoodStanding: boolean;
  @ApiProperty() arrearsMonths: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The date the standing was computed for.' }) asOf: string | null;
}

export class LookupLevelResponse extends LevelResponse {
  @ApiProperty({ description: 'False when the member never chose a level and owes the default plan’s minimum.' }) chosenByMember: boolean;
}

export class LookupContactResponse {
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

export class TreasurerMemberResponse {
  @ApiProperty() id: string;
  @ApiProperty() memberNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ enum: ['applicant', 'active', 'lapsed', 'suspended', 'expelled', 'resigned', 'declined'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ type: LookupStandingResponse, nullable: true, description: 'Null when standing was never computed.' }) standing: LookupStandingResponse | null;
  @ApiProperty({ type: LookupLevelResponse, nullable: true, description: 'The level in force today; null when there is no dues plan.' }) level: LookupLevelResponse | null;
  @ApiProperty({
    type: LookupContactResponse,
    nullable: true,
    description: 'Only for a caller who is also the secretary of the member’s branch (or the national membership secretary); null otherwise.',
  })
  contact: LookupContactResponse | null;
}
