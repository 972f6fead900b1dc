import { Body, Controller, Get, Param, Put, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { ImportMappingsUseCase } from '../application/use-cases/import-mappings.use-case';
import { ImportMappingResponse, SaveImportMappingRequest } from './member.dto';
import { MembershipErrorFilter } from './membership-error.filter';
import { SECRETARY_POLICY } from './route-helpers';

/** Column mappings for the member import, saved by name (`POST /members/import?mapping=<name>`). */
@ApiTags('membership')
@UseFilters(MembershipErrorFilter)
@Controller('imports/mappings')
export class ImportMappingsController {
  constructor(private readonly mappings: ImportMappingsUseCase) {}

  @Get()
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: [ImportMappingResponse], description: 'The built-in mappings and those the organization saved, by name.' })
  list(@CurrentPrincipal() p: Principal): Promise<ImportMappingResponse[]> {
    return this.mappings.list(p);
  }

  @Get(':name')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: ImportMappingResponse })
  @ApiBadRequestResponse({ description: '`csv_mapping_invalid`: not a mapping name.' })
  @ApiNotFoundResponse({ description: '`import_mapping_not_found`: no mapping of that name.' })
  get(@Param('name') name: string, @CurrentPrincipal() p: Principal): Promise<ImportMappingResponse> {
    return this.mappings.get(p, name);
  }

  @Put(':name')
  @Policy.mandate(...SECRETARY_POLICY)
  @ApiOkResponse({ type: ImportMappingResponse, description: 'Saved (a new version when the name existed).' })
  @ApiBadRequestResponse({ description: '`csv_mapping_invalid`: every problem of the mapping, in words (unknown field, required field not mapped, a bad date format…).' })
  save(@Param('name') name: string, @Body() body: SaveImportMappingRequest, @CurrentPrincipal() p: Principal): Promise<ImportMappingResponse> {
    return this.mappings.save(p, name, body);
  }
}
