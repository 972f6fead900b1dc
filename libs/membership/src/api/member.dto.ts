import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { MEMBER_STATUSES } from '../domain';

const uuidMessage = (field: string) => ({ message: `${field} must be a UUID` });

export class ApplyForMembershipRequest {
  @ApiProperty({ example: 'Ana' }) @IsString() @Length(1, 100) firstName: string;
  @ApiPropertyOptional({ example: 'Lopez' }) @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @ApiProperty({ example: 'ana@example.org', description: 'Required: a link to confirm the application is sent to it.' }) @IsString() @MaxLength(254) email: string;
  @ApiPropertyOptional({ example: '+44 20 7946 0000' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiProperty({ description: 'The branch the application is for.' }) @IsUUID('4', uuidMessage('branchId')) branchId: string;
  @ApiPropertyOptional({ description: 'Consent to receive e-mail from the organization.' }) @IsOptional() @IsBoolean() emailConsent?: boolean;
  @ApiPropertyOptional({ description: 'A note for the branch secretary.' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ApplicationRequestedResponse {
  @ApiProperty({ example: 'Check your e-mail: open the link we sent to confirm your application. Until then the branch secretary does not see it.' }) message: string;
  @ApiProperty({ description: 'When the confirmation link stops working and the unconfirmed application is discarded.', format: 'date-time' }) expiresAt: string;
}

export class ConfirmApplicationRequest {
  @ApiProperty({ description: 'The token from the link e-mailed to the applicant.' }) @IsString() @Length(20, 200) token: string;
}

export class ApplicationResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ example: 'M1042' }) memberNumber: string;
  @ApiProperty({ example: 'applicant' }) status: string;
}

export class AdmitRequest {
  @ApiPropertyOptional({ description: 'An optional note recorded in the status history.' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class DeclineRequest {
  @ApiProperty({ description: 'Why the application is declined; the applicant will see it.' }) @IsString() @Length(1, 2000) reason: string;
}

export class ResignRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class StatusChangeResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: MEMBER_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) branchId?: string | null;
}

/** Contact details a branch secretary may correct. */
export class UpdateMemberRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lastName?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
}

/** The member's own record: contact details and e-mail consent. */
export class UpdateOwnRecordRequest extends UpdateMemberRequest {
  @ApiPropertyOptional({ description: 'Give (true) or withdraw (false) consent to e-mail.' }) @IsOptional() @IsBoolean() emailConsent?: boolean;
}

export class SearchMembersQuery {
  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive.' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ description: 'Part of the e-mail address.' }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ description: 'Branch ids, comma-separated.' }) @IsOptional() @IsString() @MaxLength(4000) branchId?: string;
  @ApiPropertyOptional({ description: `Statuses, comma-separated: ${MEMBER_STATUSES.join(', ')}.` }) @IsOptional() @IsString() @MaxLength(200) status?: string;
  @ApiPropertyOptional({ enum: ['good', 'not-good'] }) @IsOptional() @IsIn(['good', 'not-good']) standing?: string;
  @ApiPropertyOptional({ description: '1–200, default 50.' }) @IsOptional() @IsString() @MaxLength(4) pageSize?: string;
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(2048) cursor?: string;
}

export class MemberSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'M1042' }) memberNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ enum: MEMBER_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ nullable: true, type: String }) branchCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For an applicant: the branch applied to.' }) applicationBranchId: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'From the last standing computation; null when never computed.' }) inGoodStanding: boolean | null;
}

export class SearchPageResponse {
  @ApiProperty({ type: [MemberSummaryResponse] }) items: MemberSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor: string | null;
}

export class StatusHistoryEntryResponse {
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Actor id, or "system".' }) by: string;
  @ApiProperty() source: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
}

export class BranchPeriodResponse {
  @ApiProperty() branchId: string;
  @ApiProperty({ format: 'date', description: 'First day in the branch.' }) from: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'First day no longer in the branch; null while there.' }) to: string | null;
}

export class EmailConsentResponse {
  @ApiProperty() given: boolean;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class StandingSummaryResponse {
  @ApiProperty() inGoodStanding: boolean;
  @ApiProperty() arrearsMonths: number;
  @ApiProperty({ format: 'date', nullable: true, type: String }) asOf: string | null;
}

export class MemberDetailResponse extends MemberSummaryResponse {
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: EmailConsentResponse }) emailConsent: EmailConsentResponse | null;
  @ApiProperty({ format: 'date' }) appliedOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) joinedOn: string | null;
  @ApiProperty({ type: [StatusHistoryEntryResponse] }) statusHistory: StatusHistoryEntryResponse[];
  @ApiProperty({ type: [BranchPeriodResponse] }) branchHistory: BranchPeriodResponse[];
  @ApiProperty({ nullable: true, type: StandingSummaryResponse }) standing: StandingSummaryResponse | null;
}

export class BranchAggregateResponse {
  @ApiProperty() branchId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStatus: Record<string, number>;
  @ApiProperty() inGoodStanding: number;
}

export class StandingCountsResponse {
  @ApiProperty() inGoodStanding: number;
  @ApiProperty() notInGoodStanding: number;
  @ApiProperty() notComputed: number;
}

export class AggregatesResponse {
  @ApiProperty({ enum: ['organization', 'branches'] }) scope: 'organization' | 'branches';
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byStatus: Record<string, number>;
  @ApiProperty({ type: StandingCountsResponse }) byStanding: StandingCountsResponse;
  @ApiProperty({ type: [BranchAggregateResponse] }) byBranch: BranchAggregateResponse[];
}

const MAPPING_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class ImportQuery {
  @ApiProperty({ enum: ['dry-run', 'apply'], description: 'dry-run reports every row and changes nothing; apply imports all rows or none.' })
  @IsIn(['dry-run', 'apply'], { message: 'mode must be dry-run or apply' })
  mode: 'dry-run' | 'apply';

  @ApiPropertyOptional({ example: 'civicrm', description: 'Read the file through this column mapping (saved, or built in: civicrm, action-network, spreadsheet).' })
  @IsOptional()
  @Matches(MAPPING_NAME, { message: 'mapping is a mapping name: lower-case letters, digits, "-" or "_" (e.g. civicrm)' })
  mapping?: string;
}


export class RowErrorResponse {
  @ApiProperty({ example: 'email', description: "The column, as the file's header names it." }) field: string;
  @ApiProperty() message: string;
}

export class ImportRowResponse {
  @ApiProperty({ description: 'Row number as a spreadsheet shows it (the header is row 1).' }) row: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [RowErrorResponse] }) errors: RowErrorResponse[];
  @ApiPropertyOptional({ type: [RowErrorResponse], description: 'Probable duplicates to check; they do not stop the import.' }) warnings?: RowErrorResponse[];
}

export class SkippedRowResponse {
  @ApiProperty() row: number;
  @ApiProperty({ example: 'left out by the mapping: Membership Status is "Cancelled"' }) reason: string;
}

export class ExactDuplicateResponse {
  @ApiProperty({ enum: ['email', 'member_number'] }) kind: string;
  @ApiProperty({ type: [Number] }) rows: number[];
  @ApiProperty({ description: 'True when the value already belongs to a member in the register.' }) inRegister: boolean;
}

export class ProbableDuplicateResponse {
  @ApiProperty({ enum: ['name+date_of_birth', 'name+phone', 'name+address'] }) reason: string;
  @ApiProperty({ type: [Number] }) rows: number[];
  @ApiProperty({ type: [String], description: 'Member numbers in the register (only those the importer may see).' }) registerMembers: string[];
}

export class DuplicatesResponse {
  @ApiProperty({ type: [ExactDuplicateResponse], description: 'Refused: the same e-mail or member number.' }) exact: ExactDuplicateResponse[];
  @ApiProperty({ type: [ProbableDuplicateResponse], description: 'Reported: the same name with the same date of birth, phone or address.' }) probable: ProbableDuplicateResponse[];
  @ApiProperty({ description: 'Exact-duplicate groups beyond the 1,000 listed (a group lists at most 100 rows).' }) exactNotShown: number;
  @ApiProperty({ description: 'Probable-duplicate groups beyond the 1,000 listed.' }) probableNotShown: number;
}

export class ImportReportResponse {
  @ApiProperty({ enum: ['dry-run', 'apply'] }) mode: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'Rows the mapping leaves out (not imported, not errors).' }) skipped: number;
  @ApiProperty({
    type: [ImportRowResponse],
    description: 'The rows with a problem — rejected and why, or accepted with a warning — in row order, at most 1,000. Accepted rows without a warning are only counted.',
  })
  rows: ImportRowResponse[];
  @ApiProperty({ description: 'Rows with a problem beyond those listed in rows.' }) rowsNotShown: number;
  @ApiProperty({ type: [SkippedRowResponse], description: 'At most 1,000.' }) skippedRows: SkippedRowResponse[];
  @ApiProperty({ description: 'Skipped rows beyond those listed.' }) skippedRowsNotShown: number;
  @ApiProperty({ type: DuplicatesResponse }) duplicates: DuplicatesResponse;
  @ApiProperty({ nullable: true, type: String, description: 'The column mapping the file was read with.' }) mapping: string | null;
  @ApiProperty() applied: boolean;
  @ApiProperty() alreadyApplied: boolean;
  @ApiProperty({ nullable: true, type: String }) batchId: string | null;
}

export class DoneResponse {
  @ApiProperty() message: string;
}

export class SaveImportMappingRequest {
  @ApiPropertyOptional({ description: 'What export this mapping reads, for whoever uses it next.' }) @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ enum: ['code', 'name', 'name-or-code'], description: 'The branch column holds branch codes (default), names, or either.' })
  @IsOptional()
  @IsIn(['code', 'name', 'name-or-code'], { message: 'branchBy is code, name or name-or-code' })
  branchBy?: 'code' | 'name' | 'name-or-code';
  @ApiProperty({
    description:
      'Platform field (first_name, last_name, email, phone, branch_code, joined_on, status, member_number, address, email_consent, date_of_birth, dues_level) → rule: one of column / columns (+ join) / constant; optional dateFormats (YYYY, MM, M, DD, D, MMM), values (source → platform value), otherValues (error|keep), skipWhen, optional.',
    example: { first_name: { column: 'First Name' }, joined_on: { column: 'Member Since', dateFormats: ['DD/MM/YYYY'] }, status: { column: 'Status', values: { current: 'active' } } },
  })
  @IsObject({ message: 'fields is an object from platform field names to rules' })
  fields: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Earlier branch periods: groups of columns {branch, from, until, dateFormats?, optional?}.', example: [{ branch: 'Previous Branch', from: 'Previous From', until: 'Previous Until' }] })
  @IsOptional()
  @IsArray({ message: 'pastBranches is a list of {branch, from, until}' })
  pastBranches?: unknown[];
}

export class ImportMappingResponse {
  @ApiProperty({ example: 'civicrm' }) name: string;
  @ApiProperty({ description: 'Built into the platform (a saved mapping of the same name replaces it).' }) builtIn: boolean;
  @ApiProperty({ description: 'The mapping as saved: description, branchBy, fields, pastBranches.', type: 'object', additionalProperties: true }) definition: object;
  @ApiProperty({ nullable: true, type: String }) savedAt: string | null;
  @ApiProperty({ description: '0 for a built-in mapping; counts saves.' }) version: number;
}
