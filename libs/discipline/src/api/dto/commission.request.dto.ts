import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { MEASURE_KINDS } from '../../domain';
import { SeriousnessRequest } from './complaint.request.dto';

export class TriageRequest {
  @ApiPropertyOptional({ type: SeriousnessRequest, description: 'Raise seriousness flags (never lowers what the complainant marked).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeriousnessRequest)
  raise?: SeriousnessRequest;
}

export class MeasureRequest {
  @ApiProperty({ enum: MEASURE_KINDS })
  @IsIn(MEASURE_KINDS as unknown as string[])
  kind: (typeof MEASURE_KINDS)[number];

  @ApiProperty({ format: 'uuid', description: 'The respondent the measure binds.' })
  @IsUUID('all')
  memberId: string;

  @ApiProperty({ format: 'date-time', description: 'When it ends (every measure has an end).' })
  @IsISO8601({ strict: true }, { message: 'until must be an ISO date-time with a time zone' })
  until: string;

  @ApiPropertyOptional({ type: [String], description: "For 'separation': the members to keep apart." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  separatedFrom?: string[];
}

export class InterimDecisionRequest {
  @ApiProperty({ enum: ['measures', 'no_measures'] })
  @IsIn(['measures', 'no_measures'])
  outcome: 'measures' | 'no_measures';

  @ApiProperty({ type: [MeasureRequest] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MeasureRequest)
  measures: MeasureRequest[];

  @ApiProperty({ description: 'Written reasons (also for "no measures"); sealed.', maxLength: 20000 })
  @IsString()
  @Length(1, 20_000)
  reasons: string;
}

export class SelfRecusalRequest {
  @ApiProperty({ description: 'Your reason (sealed; part of the record).', maxLength: 10000 })
  @IsString()
  @Length(1, 10_000)
  reason: string;
}

export class ChallengeVoteRequest {
  @ApiProperty({ description: 'true: the challenged panelist stands down.' })
  @IsBoolean()
  uphold: boolean;
}

export class InformalTermsRequest {
  @ApiProperty({ description: 'The terms put to the complainant (sealed).', maxLength: 20000 })
  @IsString()
  @Length(1, 20_000)
  terms: string;
}

export class AdHocNominationRequest {
  @ApiProperty({ format: 'uuid', description: 'The member nominated to the ad-hoc panel.' })
  @IsUUID('all')
  nomineeId: string;
}

export class DeclarationRequest {
  @ApiProperty({ format: 'uuid', description: 'The member you have a relationship or conflict with.' })
  @IsUUID('all')
  memberId: string;
}
