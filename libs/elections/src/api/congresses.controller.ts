import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CongressUseCase, type CongressView } from '../application/use-cases/congress.use-case';
import { AccreditationResponse, AccreditRequest, CongressResponse, CreateCongressRequest, CredentialResponse, DelegateElectionsRequest } from './congress.dto';
import { ElectionResponse, toElectionResponse } from './elections.dto';
import { ElectionsErrorFilter } from './elections-error.filter';
import { RETURNING_OFFICER_POLICY, uuidParam } from './route-params';

const toCongressResponse = (v: CongressView): CongressResponse => ({
  ...v.congress,
  delegates: v.delegates,
  accredited: v.accredited,
  quorate: v.quorate,
  elections: v.elections.map(toElectionResponse),
});

/** Congress: delegate elections, credentials, accreditation (item 9). */
@ApiTags('congress')
@UseFilters(ElectionsErrorFilter)
@Controller('congresses')
export class CongressesController {
  constructor(private readonly congress: CongressUseCase) {}

  @Post()
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: CongressResponse })
  async create(@Body() b: CreateCongressRequest, @CurrentPrincipal() p: Principal): Promise<CongressResponse> {
    return toCongressResponse(await this.congress.create(p, { title: b.title, apportionmentId: b.apportionmentId, opensOn: b.opensOn, quorum: b.quorum ?? null }));
  }

  @Get(':congressId')
  @Policy.member()
  @ApiOkResponse({ type: CongressResponse })
  async get(@Param('congressId', uuidParam('congressId')) id: string): Promise<CongressResponse> {
    return toCongressResponse(await this.congress.get(id));
  }

  @Post(':congressId/delegate-elections')
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: [ElectionResponse], description: 'One delegate election per branch with seats, from the apportionment.' })
  async delegateElections(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: DelegateElectionsRequest, @CurrentPrincipal() p: Principal): Promise<ElectionResponse[]> {
    return (await this.congress.callDelegateElections(p, id, { method: b.method ?? null })).map(toElectionResponse);
  }

  @Post(':congressId/credential')
  @Policy.inUseCase('an elected delegate to this congress, for themself')
  @ApiCreatedResponse({ type: CredentialResponse })
  credential(@Param('congressId', uuidParam('congressId')) id: string, @CurrentPrincipal() p: Principal): Promise<CredentialResponse> {
    return this.congress.issueCredential(p, id);
  }

  @Post(':congressId/accreditations')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: AccreditationResponse })
  accredit(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: AccreditRequest, @CurrentPrincipal() p: Principal): Promise<AccreditationResponse> {
    return this.congress.accredit(p, id, b.credentialCode);
  }
}
