import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const PATHS = ['record-only', 'informal', 'formal'] as const;

/** A person named in a complaint: pick a member from the directory (`handle`), or describe someone who is not one. */

export class PersonRequest {
  @ApiPropertyOptional({ description: 'A member picked from GET /complaints/directory: the handle it answered (valid 24 hours, for the account that searched).', maxLength: 600 })
  @IsOptional()
  @IsString()
  @Length(1, 600)
  handle?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member id the complainant already knows (the directory gives handles, not ids).' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId?: string;

  @ApiPropertyOptional({ description: 'For someone who is not a member: who they are (sealed before it is stored).', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;
}

export class ReportedPeriodRequest {
  @ApiProperty({ format: 'date', description: 'First day of the events.' })
  @IsDateString({ strict: true }, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the events (inclusive); omit for a single day.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;
}

export class SeriousnessRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() violence?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sexualMisconduct?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() threats?: boolean;
}

/** A complaint to the Control Commission. It goes to the commission only — never to the leadership. */
export class FileComplaintRequest {
  @ApiProperty({ type: [PersonRequest], description: 'Who the complaint is about (at least one).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PersonRequest)
  respondents: PersonRequest[];

  @ApiProperty({ description: 'What happened, in your own words. Encrypted before it is stored; you give it once (S12).', maxLength: 50000 })
  @IsString()
  @Length(1, 50_000)
  narrative: string;

  @ApiPropertyOptional({ description: 'Where it happened.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  where?: string;

  @ApiPropertyOptional({ type: ReportedPeriodRequest, description: 'When it happened; omit when you cannot date it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportedPeriodRequest)
  when?: ReportedPeriodRequest;

  @ApiPropertyOptional({ type: [PersonRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PersonRequest)
  witnesses?: PersonRequest[];

  @ApiPropertyOptional({ type: PersonRequest, description: 'Someone who supports you through the process.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonRequest)
  supportPerson?: PersonRequest;

  @ApiPropertyOptional({ type: SeriousnessRequest, description: 'Violence, sexual misconduct or threats: the commission must decide interim measures within 72 hours.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeriousnessRequest)
  seriousness?: SeriousnessRequest;

  @ApiProperty({ enum: PATHS, description: 'You choose: record only, informal resolution (with your explicit consent), or a formal investigation. Only you can change it.' })
  @IsIn(PATHS as unknown as string[])
  path: (typeof PATHS)[number];

  @ApiPropertyOptional({ description: 'Required (true) for the informal path. You can withdraw it at any time.' })
  @IsOptional()
  @IsBoolean()
  informalConsent?: boolean;

  @ApiPropertyOptional({ description: 'Be told if someone else reports the same person (S10).' })
  @IsOptional()
  @IsBoolean()
  matchingOptIn?: boolean;
}

export class RequestEmailVerificationRequest {
  @ApiProperty({ description: 'Where the confirmation code is sent.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class ConfirmEmailVerificationRequest {
  @ApiProperty({ description: 'The six-digit code from the email.' })
  @IsString()
  @Length(6, 6)
  code: string;
}

export class ChangePathRequest {
  @ApiProperty({ enum: PATHS })
  @IsIn(PATHS as unknown as string[])
  path: (typeof PATHS)[number];

  @ApiPropertyOptional({ description: 'Your explicit consent, required to choose informal resolution.' })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;
}

export const PARTICIPANT_ROLES = ['respondent', 'witness', 'support_person'] as const;

export class AddParticipantRequest {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES as unknown as string[])
  role: (typeof PARTICIPANT_ROLES)[number];

  @ApiProperty({ type: PersonRequest })
  @ValidateNested()
  @Type(() => PersonRequest)
  person: PersonRequest;
}

export class ChallengePanelistRequest {
  @ApiProperty({ format: 'uuid', description: 'The panelist you challenge.' })
  @IsUUID('all')
  panelistId: string;

  @ApiProperty({ description: 'Why they should stand down (the other panelists decide).', maxLength: 10000 })
  @IsString()
  @Length(1, 10_000)
  grounds: string;
}
