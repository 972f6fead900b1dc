import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { SanctionDto } from './finding.request.dto';

/** Request bodies and queries of the disciplinary routes on appeals, validated at the edge. */

const GROUNDS = ['procedural_error', 'new_evidence', 'disproportionate_sanction'] as const;

export class AppealGroundDto {
  @ApiProperty({ enum: GROUNDS }) @IsIn(GROUNDS as unknown as string[]) ground: (typeof GROUNDS)[number];
  @ApiProperty() @IsString() @Length(1, 20_000) text: string;
}

export class LodgeAppealRequest {
  @ApiProperty() @IsUUID() findingId: string;
  @ApiProperty({ type: [AppealGroundDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => AppealGroundDto) grounds: AppealGroundDto[];
}

/** A member of the appeals panel's vote. There are no vote counts: they are computed from the votes. */
export class DecideAppealRequest {
  @ApiProperty({ enum: ['uphold', 'modify_sanction', 'remand'] }) @IsIn(['uphold', 'modify_sanction', 'remand']) outcome: 'uphold' | 'modify_sanction' | 'remand';
  @ApiProperty({ required: false, type: SanctionDto, description: 'For modify_sanction: the new sanction you vote for (part of the vote).' }) @IsOptional() @ValidateNested() @Type(() => SanctionDto) sanction?: SanctionDto;
  @ApiProperty({ description: 'Your reasons for this vote.' }) @IsString() @Length(1, 50_000) reasons: string;
}
