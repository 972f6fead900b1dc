import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class FreezeRollRequest {
  @ApiProperty({ format: 'date', description: 'The freeze date: status, branch and standing as they stood that day.' })
  @IsDateString({ strict: true }, { message: 'asOf must be a date (YYYY-MM-DD)' })
  asOf: string;
  @ApiProperty({ enum: ['organization', 'branch'] }) @IsIn(['organization', 'branch'], { message: 'scope must be organization or branch' }) scope: 'organization' | 'branch';
  @ApiPropertyOptional({ description: 'Required for a branch scope.' })
  @ValidateIf((o: FreezeRollRequest) => o.scope === 'branch' || o.branchId !== undefined)
  @IsUUID('4', { message: 'branchId must be a UUID (required for a branch roll)' })
  branchId?: string;
  @ApiPropertyOptional({ example: 'Congress 2026' }) @IsOptional() @IsString() @MaxLength(200) label?: string;
}

export class RollBranchSizeResponse {
  @ApiProperty() branchId: string;
  @ApiProperty() code: string;
  @ApiProperty() rollSize: number;
}

export class RollResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: { kind: 'organization' } }) scope: { kind: 'organization' } | { kind: 'branch'; branchId: string };
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() entryCount: number;
  @ApiProperty({ format: 'date-time' }) frozenAt: string;
  @ApiProperty({ nullable: true, type: String }) frozenBy: string | null;
}

export class RollDetailResponse extends RollResponse {
  @ApiProperty({ type: [RollBranchSizeResponse] }) byBranch: RollBranchSizeResponse[];
}

export class ApportionRequest {
  @ApiProperty({ example: 300 }) @IsInt({ message: 'seats must be a whole number' }) @Min(1) @Max(100_000) seats: number;
  @ApiPropertyOptional({ enum: ['largest-remainder', 'sainte-lague'], description: 'Default: as configured (APPORTIONMENT_METHOD).' })
  @IsOptional()
  @IsIn(['largest-remainder', 'sainte-lague'], { message: 'method must be largest-remainder or sainte-lague' })
  method?: 'largest-remainder' | 'sainte-lague';
  @ApiPropertyOptional({ description: 'Default: the statutory minimum (APPORTIONMENT_MINIMUM_SEATS).' })
  @IsOptional()
  @IsInt({ message: 'minimumPerBranch must be a whole number' })
  @Min(0)
  minimumPerBranch?: number;
  @ApiPropertyOptional({ description: 'When ties are left to lot: the recorded seed of a reproducible draw.' }) @IsOptional() @IsString() @MaxLength(200) tieBreakSeed?: string;
}

export class SeatAllocationResponse {
  @ApiProperty() branchId: string;
  @ApiProperty() rollSize: number;
  @ApiProperty() seats: number;
}

export class ApportionmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() rollId: string;
  @ApiProperty({ enum: ['largest-remainder', 'sainte-lague'] }) method: string;
  @ApiProperty() seats: number;
  @ApiProperty() minimumPerBranch: number;
  @ApiProperty({ type: [SeatAllocationResponse] }) allocations: SeatAllocationResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byBranchCode: Record<string, number>;
  @ApiProperty({ nullable: true, type: Object }) tie: unknown;
}
