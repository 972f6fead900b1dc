import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DELEGATE_ELECTION_METHODS, ELECTION_METHODS, type ElectionMethod } from '../domain';
import { ElectionResponse } from './elections.dto';

export class CreateCongressRequest {
  @ApiProperty({ example: 'Congress 2026', minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ description: 'The delegate apportionment (POST /electoral-rolls/:rollId/apportionment); its frozen roll is the delegate elections’ electorate.' })
  @IsUUID('all', { message: 'apportionmentId must be a UUID' })
  apportionmentId: string;

  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'opensOn must be a date (YYYY-MM-DD)' })
  opensOn: string;

  @ApiPropertyOptional({ description: 'Accredited delegates needed (default: a majority of the delegate seats).' })
  @IsOptional()
  @IsInt({ message: 'quorum must be a whole number' })
  @Min(1)
  @Max(100_000)
  quorum?: number;
}

export class DelegateElectionsRequest {
  @ApiPropertyOptional({ enum: ELECTION_METHODS, description: 'Default: scottish-stv for several seats, plurality for one.' })
  @IsOptional()
  @IsIn(DELEGATE_ELECTION_METHODS as string[], { message: `method must be ${DELEGATE_ELECTION_METHODS.slice(0, -1).join(', ')} or ${DELEGATE_ELECTION_METHODS.at(-1)}` })
  method?: ElectionMethod;
}

export class AccreditRequest {
  @ApiProperty({ example: 'K7QX-3M9P-T2WD-8HZA', description: 'The credential the delegate presents.' })
  @IsString()
  @Length(16, 40)
  credentialCode: string;
}

export class AllocationResponse {
  @ApiProperty() branchId: string;
  @ApiProperty() seats: number;
}

export class DelegateResponse {
  @ApiProperty() memberId: string;
  @ApiProperty() branchId: string;
  @ApiProperty() electionId: string;
  @ApiProperty() hasCredential: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) accreditedAt: string | null;
}

export class CongressResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() rollId: string;
  @ApiProperty() apportionmentId: string;
  @ApiProperty() delegateSeats: number;
  @ApiProperty() quorum: number;
  @ApiProperty({ format: 'date' }) opensOn: string;
  @ApiProperty({ type: [AllocationResponse] }) allocations: AllocationResponse[];
  @ApiProperty({ type: [DelegateResponse] }) delegates: DelegateResponse[];
  @ApiProperty() accredited: number;
  @ApiProperty() quorate: boolean;
  @ApiProperty({ type: [ElectionResponse] }) elections: ElectionResponse[];
}

export class CredentialResponse {
  @ApiProperty() congressId: string;
  @ApiProperty({ description: 'Shown once; present it for accreditation. Issuing a new one replaces it.' }) credentialCode: string;
}

export class AccreditationResponse {
  @ApiProperty() congressId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() accredited: number;
  @ApiProperty() quorum: number;
  @ApiProperty() quorate: boolean;
}
