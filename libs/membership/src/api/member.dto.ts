import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
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

export class ImportQuery {
  @ApiProperty({ enum: ['dry-run', 'apply'], description: 'dry-run reports every row and changes nothing; apply imports all rows or none.' })
  @IsIn(['dry-run', 'apply'], { message: 'mode must be dry-run or apply' })
  mode: 'dry-run' | 'apply';
}

export class RowErrorResponse {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty() message: string;
}

export class ImportRowResponse {
  @ApiProperty({ description: 'Row number as a spreadsheet shows it (the header is row 1).' }) row: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [RowErrorResponse] }) errors: RowErrorResponse[];
}

export class ImportReportResponse {
  @ApiProperty({ enum: ['dry-run', 'apply'] }) mode: string;
  @ApiProperty() fileSha256: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [ImportRowResponse] }) rows: ImportRowResponse[];
  @ApiProperty() applied: boolean;
  @ApiProperty() alreadyApplied: boolean;
  @ApiProperty({ nullable: true, type: String }) batchId: string | null;
}

export class DoneResponse {
  @ApiProperty() message: string;
}
