import { ApiProperty } from '@nestjs/swagger';
import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const GROUNDS = ['procedural_error', 'new_evidence', 'disproportionate_sanction'] as const;

/** A sanction: the kind, and for suspension its end date, for conditions their text, for expulsion the readmission conditions. */
export class SanctionDto {
  @ApiProperty({ enum: [...SANCTION_KINDS] }) @IsIn([...SANCTION_KINDS]) kind: SanctionKind;
  @ApiProperty({ required: false, format: 'date', description: 'Suspension: the first day the member is no longer suspended.' })
  @IsOptional()
  @IsString()
  @Length(10, 10)
  until?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(4000) conditions?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(4000) readmissionConditions?: string;
}

export class SupportPersonDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID() memberId?: string | null;
}

// ── investigation ───────────────────────────────────────────────────────────────────────────

export class RequestStatementRequest {
  @ApiProperty({ description: 'The party or witness asked for their statement (member id, or email:<address>).' }) @IsString() @Length(1, 300) personId: string;
}

export class GiveStatementRequest {
  @ApiProperty() @IsString() @Length(1, 200_000) text: string;
  @ApiProperty({ required: false, description: 'Panel only: whose words, said at an interview they attended, are written down (they approve them before it is their statement).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  personId?: string;
  @ApiProperty({ required: false, description: 'Panel only: the interview, held with that person, at which they said it.' })
  @IsOptional()
  @IsUUID()
  interviewId?: string;
  @ApiProperty({ required: false, type: SupportPersonDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportPersonDto)
  supportPerson?: SupportPersonDto | null;
}

export class AddendumRequest {
  @ApiProperty() @IsString() @Length(1, 100_000) text: string;
  @ApiProperty({ required: false, description: 'The panel’s questions this addendum answers.' }) @IsOptional() @IsUUID() requestId?: string;
}

export class AddendumQuestionsRequest {
  @ApiProperty({ type: [String], description: 'Specific questions about the statement (1–10); never a request to tell it again (S12).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  questions: string[];
}

export class ScheduleInterviewRequest {
  @ApiProperty() @IsString() @Length(1, 300) personId: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) scheduledFor: string;
  @ApiProperty({ type: [String], description: 'Stated to the person now; nothing else is asked.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  topics: string[];
  @ApiProperty({ required: false, type: SupportPersonDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportPersonDto)
  supportPerson?: SupportPersonDto | null;
}

export class ChangeTopicsRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true }) topics: string[];
}

export class RescheduleInterviewRequest {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) scheduledFor: string;
}

export class InterviewSupportPersonRequest {
  @ApiProperty({ type: SupportPersonDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => SupportPersonDto) supportPerson: SupportPersonDto | null;
}

export class InterviewHeldRequest {
  @ApiProperty() @IsBoolean() supportPersonAttended: boolean;
}

export class CancelInterviewRequest {
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

export class SubmitEvidenceRequest {
  @ApiProperty() @IsString() @Length(1, 1000) fileName: string;
  @ApiProperty({ description: 'The file, base64-encoded. Its type is recognised from its bytes.' }) @IsString() contentBase64: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'The type the browser claims; must agree with the bytes.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  declaredContentType?: string | null;
}

export class MessageRequest {
  @ApiProperty() @IsString() @Length(1, 50_000) text: string;
  @ApiProperty({
    required: false,
    description: '"panel" (default), "all_parties" (panel only), or a person id (panel only: a party or witness).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  to?: string;
}

export class MatchingOptInRequest {
  @ApiProperty() @IsBoolean() optedIn: boolean;
}

// ── findings ────────────────────────────────────────────────────────────────────────────────

export class OpenFindingRequest {
  @ApiProperty({ description: 'The respondent (a member) this finding is about.' }) @IsUUID() respondentId: string;
}

export class VoteRequest {
  @ApiProperty({ enum: ['uphold', 'not_uphold'] }) @IsIn(['uphold', 'not_uphold']) verdict: 'uphold' | 'not_uphold';
  @ApiProperty({ required: false, type: SanctionDto }) @IsOptional() @ValidateNested() @Type(() => SanctionDto) proposedSanction?: SanctionDto;
}

export class DecideFindingRequest {
  @ApiProperty({ description: 'The rule of the code of conduct or statutes considered; published with the outcome.' }) @IsString() @Length(1, 500) rule: string;
  @ApiProperty({ description: 'The written reasons (seen by the parties, never published).' }) @IsString() @Length(1, 50_000) reasons: string;
  @ApiProperty({ required: false, description: 'The agreed wording of conditions, or of readmission conditions.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  sanctionWording?: string;
}

// ── appeals ─────────────────────────────────────────────────────────────────────────────────

export class AppealGroundDto {
  @ApiProperty({ enum: GROUNDS }) @IsIn(GROUNDS as unknown as string[]) ground: (typeof GROUNDS)[number];
  @ApiProperty() @IsString() @Length(1, 20_000) text: string;
}

export class LodgeAppealRequest {
  @ApiProperty() @IsUUID() findingId: string;
  @ApiProperty({ type: [AppealGroundDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => AppealGroundDto) grounds: AppealGroundDto[];
}

/** A member of the appeals panel's vote. There are no vote counts: they are computed from the votes. */
export class DecideAppealRequest {
  @ApiProperty({ enum: ['uphold', 'modify_sanction', 'remand'] }) @IsIn(['uphold', 'modify_sanction', 'remand']) outcome: 'uphold' | 'modify_sanction' | 'remand';
  @ApiProperty({ required: false, type: SanctionDto, description: 'For modify_sanction: the new sanction you vote for (part of the vote).' }) @IsOptional() @ValidateNested() @Type(() => SanctionDto) sanction?: SanctionDto;
  @ApiProperty({ description: 'Your reasons for this vote.' }) @IsString() @Length(1, 50_000) reasons: string;
}

// ── publication ─────────────────────────────────────────────────────────────────────────────

export class NoticeCommentRequest {
  @ApiProperty({ description: 'Your comment on the wording; it goes to the panel as a case message.' }) @IsString() @Length(1, 20_000) text: string;
}

export class NoticeWordingRequest {
  @ApiProperty() @IsString() @Length(1, 2000) wording: string;
}

export class DelayPublicationRequest {
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) until: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason: string;
}

export class ListOutcomesQuery {
  @ApiProperty({ required: false, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class TransparencyQuery {
  @ApiProperty({ required: false, description: 'A published period, e.g. 2026-Q1 (quarters by default; see periodKind in the answer). Without it, the latest published report.' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  period?: string;
  @ApiProperty({ required: false, description: 'Refused: the report is published for fixed periods only, never for an arbitrary window.' })
  @IsOptional()
  @IsString()
  @Length(0, 40)
  from?: string;
  @ApiProperty({ required: false, description: 'Refused, as `from`.' }) @IsOptional() @IsString() @Length(0, 40) to?: string;
}

// ── readmission ─────────────────────────────────────────────────────────────────────────────

export class ContactAttemptDto {
  @ApiProperty({ format: 'date' }) @IsString() @Length(10, 10) on: string;
  @ApiProperty({ enum: ['email', 'phone', 'post', 'in_person', 'other'] }) @IsIn(['email', 'phone', 'post', 'in_person', 'other']) channel: 'email' | 'phone' | 'post' | 'in_person' | 'other';
}

export class ConsultationDto {
  @ApiProperty({ enum: ['consulted', 'unreachable'] }) @IsIn(['consulted', 'unreachable']) kind: 'consulted' | 'unreachable';
  @ApiProperty() @IsString() @Length(1, 300) complainantId: string;
  @ApiProperty({ required: false, format: 'date' }) @IsOptional() @IsString() @Length(10, 10) consultedOn?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Length(1, 20_000) view?: string;
  @ApiProperty({ required: false, type: [ContactAttemptDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactAttemptDto)
  attempts?: ContactAttemptDto[];
}

export class ReadmissionDecisionRequest {
  @ApiProperty() @IsUUID() memberId: string;
  @ApiProperty({ enum: ['readmit', 'refuse'] }) @IsIn(['readmit', 'refuse']) outcome: 'readmit' | 'refuse';
  @ApiProperty({ type: [ConsultationDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConsultationDto) consultations: ConsultationDto[];
  @ApiProperty() @IsString() @Length(1, 20_000) conditionsAssessment: string;
  @ApiProperty() @IsString() @Length(1, 50_000) reasons: string;
}
