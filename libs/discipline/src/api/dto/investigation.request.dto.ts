import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';

/** Request bodies and queries of the disciplinary routes on the investigation (statements, interviews, evidence, case messages), validated at the edge. */

export class SupportPersonDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @IsUUID() memberId?: string | null;
}

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
