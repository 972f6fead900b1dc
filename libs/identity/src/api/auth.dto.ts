import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'member@demo.commons.localhost' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class PasswordResetRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the emailed link.' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200, { message: 'newPassword must be between 10 and 200 characters' })
  newPassword: string;
}

export class MessageResponse {
  @ApiProperty()
  message: string;
}

export class MandateResponse {
  @ApiProperty() id: string;
  @ApiProperty() bodyId: string;
  @ApiProperty() bodyKind: string;
  @ApiProperty() role: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endsOn: string | null;
}

export class MeResponse {
  @ApiProperty() accountId: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) memberId: string | null;
  @ApiProperty({ nullable: true, type: String }) memberStatus: string | null;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ type: [MandateResponse] }) mandates: MandateResponse[];
}
