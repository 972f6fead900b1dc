import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_WORDS_LIMIT, MIN_WORDS_LIMIT, TITLE_MAX, TITLE_MIN } from '../../domain/bulletin';

export class BulletinOrdersRequest {
  @ApiProperty({ format: 'date-time', description: 'Contributions are published from this instant.' })
  @IsDateString({ strict: true }, { message: 'opensAt must be a date-time (ISO 8601)' })
  opensAt: string;

  @ApiProperty({ format: 'date-time', description: '…until (before) this instant.' })
  @IsDateString({ strict: true }, { message: 'closesAt must be a date-time (ISO 8601)' })
  closesAt: string;

  @ApiProperty({ minimum: MIN_WORDS_LIMIT, maximum: MAX_WORDS_LIMIT, description: 'The longest contribution, in words.' })
  @IsInt({ message: 'maxWords must be a whole number' })
  @Min(MIN_WORDS_LIMIT)
  @Max(MAX_WORDS_LIMIT)
  maxWords: number;
}

export class PublishContributionRequest {
  @ApiProperty({ minLength: TITLE_MIN, maxLength: TITLE_MAX })
  @IsString()
  @Length(TITLE_MIN, TITLE_MAX)
  title: string;

  @ApiProperty({ description: 'The contribution; at most the standing orders’ number of words (a refusal says how many over).', maxLength: 400_000 })
  @IsString()
  @MaxLength(400_000)
  text: string;

  @ApiPropertyOptional({ description: 'Publish as this caucus (you must be, now, a member of it; the contribution then names the caucus only).' })
  @IsOptional()
  @IsUUID('all', { message: 'caucusId must be a UUID' })
  caucusId?: string;
}

export class ContributionAuthorResponse {
  @ApiProperty({ enum: ['member', 'caucus'] }) kind: 'member' | 'caucus';
  @ApiPropertyOptional({ description: 'For a member’s contribution.' }) memberId?: string;
  @ApiPropertyOptional({ description: 'For a caucus’s contribution (never who submitted it).' }) caucusId?: string;
}

export class ContributionResponse {
  @ApiProperty() id: string;
  @ApiProperty() congressId: string;
  @ApiProperty({ type: ContributionAuthorResponse }) author: ContributionAuthorResponse;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once withdrawn.' }) text: string | null;
  @ApiProperty() words: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ description: 'The reader may withdraw it (their own, or their caucus’s).' }) yours: boolean;
}

export class BulletinOrdersResponse {
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty() maxWords: number;
}

export class BulletinResponse {
  @ApiProperty() congressId: string;
  @ApiProperty({ type: BulletinOrdersResponse }) orders: BulletinOrdersResponse;
  @ApiProperty({ enum: ['not-open-yet', 'open', 'closed'] }) phase: 'not-open-yet' | 'open' | 'closed';
  @ApiProperty({ type: [ContributionResponse] }) contributions: ContributionResponse[];
}
