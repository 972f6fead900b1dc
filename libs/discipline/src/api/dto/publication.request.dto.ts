import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

/** Request bodies and queries of the disciplinary routes on outcome notices and published outcomes, validated at the edge. */

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
