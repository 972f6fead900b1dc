import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export class ActivateAccountRequest {
  @ApiPropertyOptional({ description: 'The token from the e-mailed activation link (or use `code` with `memberNumber`).' })
  @IsOptional()
  @IsString()
  @Length(20, 200)
  token?: string;

  @ApiPropertyOptional({ description: 'The one-time code printed on the invitation letter, e.g. `ABCD-EFGH-JKMN`.', example: 'ABCD-EFGH-JKMN' })
  @IsOptional()
  @IsString()
  @Length(12, 30)
  code?: string;

  @ApiPropertyOptional({ description: 'With `code`: the member number printed on the letter.', example: 'M000123' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  memberNumber?: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200, { message: 'password must be between 10 and 200 characters' })
  password: string;
}

export class ActivateAccountResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class ResendInvitationRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class AccountsMessageResponse {
  @ApiProperty()
  message: string;
}

export class InvitationLetterResponse {
  @ApiProperty() memberNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The one-time code: shown once, stored only as a hash.' }) code: string;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty() activateUrl: string;
}

export class InvitationProgressResponse {
  @ApiProperty() batchId: string;
  @ApiProperty({ description: 'Members the import brought in.' }) members: number;
  @ApiProperty({ description: 'Invitations not yet sent (being written, or waiting in the outbox).' }) queued: number;
  @ApiProperty() sent: number;
  @ApiProperty({ description: 'Gave up after the retries (see the dead letters).' }) failed: number;
  @ApiProperty({ description: 'Members with no e-mail address (print them a letter).' }) withoutEmail: number;
  @ApiProperty() done: boolean;
}

export class EmailChangeRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class EmailChangeConfirmRequest {
  @ApiProperty({ description: 'The token from the link sent to the new address.' })
  @IsString()
  @Length(20, 200)
  token: string;
}

export class CodeOfConductResponse {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines.' }) text: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the signed-in member acknowledged this version.' }) acknowledgedAt: string | null;
}

export class PublishCodeOfConductRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ maxLength: 100000 })
  @IsString()
  @Length(1, 100000)
  text: string;
}

export class PublishedCodeOfConductResponse {
  @ApiProperty() version: number;
}

export class AcknowledgeCodeRequest {
  @ApiProperty({ description: 'The version read (the current one).' })
  @IsInt()
  @Min(1)
  version: number;
}

export class AcknowledgementResponse {
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt: string;
}

export class BranchAcknowledgementResponse {
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty() members: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty({ description: 'acknowledged / members, 0..1' }) share: number;
}

export class AcknowledgementAggregatesResponse {
  @ApiProperty() version: number;
  @ApiProperty() members: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty() share: number;
  @ApiProperty({ type: [BranchAcknowledgementResponse] }) branches: BranchAcknowledgementResponse[];
}

export class NotAcknowledgedMemberResponse {
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty() memberNumber: string;
}

export class NotAcknowledgedResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: [NotAcknowledgedMemberResponse] }) members: NotAcknowledgedMemberResponse[];
}

