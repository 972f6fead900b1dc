import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

/** Request bodies and queries of the disciplinary routes on readmission, validated at the edge. */

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
