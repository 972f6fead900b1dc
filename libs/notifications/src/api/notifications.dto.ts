import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_TYPE_NAMES } from '../domain/notification-types';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class FeedQuery {
  @ApiPropertyOptional({ description: 'Only unread notices.', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class NoticeIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a notification id (uuid)' })
  id: string;
}

export class FeedItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The notice id (use it to mark the notice read).' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPE_NAMES }) type: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Plain text.' }) body: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() read: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class FeedResponse {
  @ApiProperty({ type: [FeedItemResponse] }) items: FeedItemResponse[];
  @ApiProperty() unreadCount: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class MarkReadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) readAt: string;
}

export class PreferencesRequest {
  @ApiProperty({ description: 'Receive non-essential email (announcements, subs reminders). Essential notices are emailed regardless, and every notice reaches the feed.' })
  @IsBoolean({ message: 'emailNonEssential must be true or false' })
  emailNonEssential: boolean;
}

export class PreferencesResponse {
  @ApiProperty() emailNonEssential: boolean;
  @ApiProperty({ description: 'Consent to email recorded by membership; without it only essential email is sent.' }) emailConsent: boolean;
  @ApiProperty({ type: [String], description: 'Types emailed whatever the preference.' }) alwaysEmailed: string[];
  @ApiProperty({ type: [String], description: 'Types emailed only when emailNonEssential is on (unless the sender marks one essential).' }) optionalEmail: string[];
  @ApiProperty({ type: [String], description: 'Types that always reach the feed.' }) alwaysInFeed: string[];
}

export class DeadLettersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class DeadLetterRecipientResponse {
  @ApiProperty({ nullable: true, type: String }) memberId: string | null;
  @ApiProperty() email: string;
}

export class DeadLetterResponse {
  @ApiProperty({ format: 'uuid' }) outboxId: string;
  @ApiProperty({ enum: NOTIFICATION_TYPE_NAMES }) type: string;
  @ApiProperty({ description: 'Disciplinary message: recipient and server reply withheld.' }) confidential: boolean;
  @ApiProperty({ type: DeadLetterRecipientResponse, nullable: true }) recipient: DeadLetterRecipientResponse | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastReplyCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeadLettersResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) items: DeadLetterResponse[];
  @ApiProperty() total: number;
}
