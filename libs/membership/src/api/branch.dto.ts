import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const date = (field: string) => ({ message: `${field} must be a date (YYYY-MM-DD)` });

export class CreateBranchRequest {
  @ApiProperty({ example: 'LDN-N', description: '1–32 letters, digits, - or _.' }) @IsString() @Length(1, 32) code: string;
  @ApiProperty({ example: 'London North' }) @IsString() @Length(1, 120) name: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsDateString({ strict: true }, date('foundedOn')) foundedOn?: string;
}

export class MergeBranchRequest {
  @ApiProperty({ description: 'The branch that receives every member.' }) @IsUUID('4', { message: 'intoBranchId must be a UUID' }) intoBranchId: string;
  @ApiPropertyOptional({ format: 'date', description: 'First day in the receiving branch. Default: today.' }) @IsOptional() @IsDateString({ strict: true }, date('on')) on?: string;
}

export class CloseBranchRequest {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today.' }) @IsOptional() @IsDateString({ strict: true }, date('on')) on?: string;
}

export class BranchResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'merged', 'closed'] }) status: string;
  @ApiProperty({ format: 'date' }) foundedOn: string;
  @ApiProperty({ nullable: true, type: String }) mergedIntoBranchId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endedOn: string | null;
}

export class CreatedBranchResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
}

export class MergeResultResponse {
  @ApiProperty() movedMembers: number;
}

export class ScheduleMeetingRequest {
  @ApiProperty({ description: 'The member who hosts (an active member of the branch).' }) @IsUUID('4', { message: 'hostMemberId must be a UUID' }) hostMemberId: string;
  @ApiProperty() @IsString() @Length(1, 200) title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO-8601 date and time' }) startsAt: string;
}

export class IdResponse {
  @ApiProperty() id: string;
}

export class TransferRequest {
  @ApiProperty() @IsUUID('4', { message: 'toBranchId must be a UUID' }) toBranchId: string;
  @ApiPropertyOptional({ description: 'An optional note for the receiving secretary.' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

/** S13: no reason field exists; a body with one is refused. */
export class ProtectedTransferRequest {
  @ApiProperty() @IsUUID('4', { message: 'toBranchId must be a UUID' }) toBranchId: string;
}

export class DeclineTransferRequest {
  @ApiProperty({ description: 'Why; the member will see it.' }) @IsString() @Length(1, 2000) reason: string;
}

export class TransferResponse {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty() fromBranchId: string;
  @ApiProperty() toBranchId: string;
  @ApiProperty({ enum: ['ordinary', 'protected'], description: 'Shown to the member only.' }) kind: string;
  @ApiProperty({ enum: ['requested', 'accepted', 'declined', 'withdrawn'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date' }) requestedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveOn: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
}

export class IncomingTransferResponse {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty() memberName: string;
  @ApiProperty() fromBranchId: string;
  @ApiProperty() toBranchId: string;
  @ApiProperty({ format: 'date' }) requestedOn: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class TransferDecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) effectiveOn?: string | null;
}

export class MeetingResponse {
  @ApiProperty() id: string;
  @ApiProperty() branchId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() hostMemberId: string;
  @ApiProperty() hostName: string;
}

export class MeetingListItemResponse extends MeetingResponse {
  @ApiProperty({ description: 'Speakers on the list now (withdrawn ones not counted).' }) speakerCount: number;
}

export class MeetingSpeakerResponse {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the speaker will speak on, if given.' }) topic: string | null;
  @ApiProperty({ enum: ['self', 'officer'], description: 'Whether the member asked to speak, or a branch officer named them.' }) addedBy: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) withdrawnAt: string | null;
  @ApiProperty({ enum: ['listed', 'withdrawn'] }) state: string;
}

export class MeetingSpeakersResponse extends MeetingResponse {
  @ApiProperty({ description: 'Whether the caller may name speakers and take anyone off the list (the branch’s chair or secretary).' }) mayManage: boolean;
  @ApiProperty({ type: [MeetingSpeakerResponse], description: 'On the list now, in the order added.' }) speakers: MeetingSpeakerResponse[];
  @ApiProperty({ type: [MeetingSpeakerResponse], description: 'Taken off the list.' }) withdrawn: MeetingSpeakerResponse[];
}

export class AddMeetingSpeakerRequest {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The member named to speak (an active member of the branch; the branch’s chair or secretary only). Absent: the caller asks to speak.',
  })
  @IsOptional()
  @IsUUID('4', { message: 'memberId must be a UUID' })
  memberId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What they will speak on (up to 200 characters).' }) @IsOptional() @IsString() @MaxLength(200) topic?: string | null;
}
