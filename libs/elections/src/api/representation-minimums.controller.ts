import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { RepresentationMinimumsUseCase } from '../application/use-cases/representation-minimums.use-case';
import { ElectionsErrorFilter } from './elections-error.filter';
import { RETURNING_OFFICER_POLICY, uuidParam } from './route-params';

export class RepresentationMinimumGroup {
  @ApiProperty({ example: 'women', minLength: 1, maxLength: 80 })
  @IsString()
  @Length(1, 80)
  group: string;

  @ApiProperty({ type: [String], description: 'Candidate ids of the group (standing in this election).' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'candidateIds must be UUIDs' })
  candidateIds: string[];

  @ApiProperty({ description: 'Seats the group is owed at least.', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(500)
  minimum: number;
}

export class SetRepresentationMinimumsRequest {
  @ApiProperty({ type: [RepresentationMinimumGroup], description: 'The whole set (replaces any earlier one); [] removes them.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RepresentationMinimumGroup)
  groups: RepresentationMinimumGroup[];
}

/** Representation minimums of an STV election (the exclusion method at the count). */
@ApiTags('elections')
@UseFilters(ElectionsErrorFilter)
@Controller('elections/:electionId/minimums')
export class RepresentationMinimumsController {
  constructor(private readonly minimums: RepresentationMinimumsUseCase) {}

  @Put()
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: [RepresentationMinimumGroup], description: 'Before voting opens; disjoint groups, minimums together at most the seats.' })
  set(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: SetRepresentationMinimumsRequest, @CurrentPrincipal() p: Principal): Promise<RepresentationMinimumGroup[]> {
    return this.minimums.set(p, id, b.groups.map((g) => ({ group: g.group, candidateIds: g.candidateIds, minimum: g.minimum })));
  }

  @Get()
  @Policy.member()
  @ApiOkResponse({ type: [RepresentationMinimumGroup], description: 'The minimums the count applies (`npm run count -- … --group "name:1,3" --minimum "name:1"` with ballot numbers).' })
  get(@Param('electionId', uuidParam('electionId')) id: string): Promise<RepresentationMinimumGroup[]> {
    return this.minimums.get(id);
  }
}
