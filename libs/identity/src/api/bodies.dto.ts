import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MANDATE_ROLES, type MandateRole } from '../domain/body-kind';

export class BodyResponse {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty() seats: number;
}

export class AppointMandateRequest {
  @ApiProperty() @IsUUID('4', { message: 'memberId must be a UUID' }) memberId: string;
  @ApiProperty({ enum: MANDATE_ROLES }) @IsIn(MANDATE_ROLES as unknown as string[]) role: MandateRole;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }, { message: 'startsOn must be a date (YYYY-MM-DD)' }) startsOn: string;
  @ApiProperty({ format: 'date', required: false }) @IsOptional() @IsDateString({ strict: true }, { message: 'endsOn must be a date (YYYY-MM-DD)' }) endsOn?: string;
  @ApiProperty({ description: 'The decision that makes the appointment (minute reference).' }) @IsString() @Length(3, 200) decisionRef: string;
}

export class EndMandateRequest {
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }, { message: 'endsOn must be a date (YYYY-MM-DD)' }) endsOn: string;
  @ApiProperty() @IsString() @Length(3, 500) reason: string;
}

export class CreatedResponse {
  @ApiProperty() id: string;
}
