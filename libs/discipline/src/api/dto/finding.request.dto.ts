import { ApiProperty } from '@nestjs/swagger';
import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';

/** Request bodies and queries of the disciplinary routes on findings and sanctions, validated at the edge. */

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
