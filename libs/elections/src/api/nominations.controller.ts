import { Body, Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { NominateUseCase } from '../application/use-cases/nominate.use-case';
import { BodyNominationRequest, CreateSlateRequest, NominateSelfRequest, SlateResponse } from './ballots.dto';
import { CandidateResponse, toCandidateResponse } from './elections.dto';
import { ElectionsErrorFilter } from './elections-error.filter';
import { uuidParam } from './route-params';

/** Nominations and slates (S2, E2). */
@ApiTags('elections')
@UseFilters(ElectionsErrorFilter)
@Controller()
export class NominationsController {
  constructor(private readonly nominate: NominateUseCase) {}

  @Post('elections/:electionId/nominations')
  @Policy.member()
  @ApiCreatedResponse({ type: CandidateResponse, description: 'Stand as a candidate (your consent). Valid once enough members nominate you.' })
  async self(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: NominateSelfRequest, @CurrentPrincipal() p: Principal): Promise<CandidateResponse> {
    return toCandidateResponse(await this.nominate.nominateSelf(p, id, { slateId: b.slateId ?? null, statement: b.statement ?? null }));
  }

  @Post('elections/:electionId/nominations/by-body')
  @Policy.inUseCase('a current member of the nominating body; never for commission or appeals seats (S2)')
  @ApiCreatedResponse({ type: CandidateResponse })
  async byBody(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: BodyNominationRequest, @CurrentPrincipal() p: Principal): Promise<CandidateResponse> {
    return toCandidateResponse(await this.nominate.nominateByBody(p, id, { memberId: b.memberId, bodyId: b.bodyId, slateId: b.slateId ?? null }));
  }

  @Post('elections/:electionId/candidates/:candidateId/nominators')
  @Policy.member()
  @ApiCreatedResponse({ type: CandidateResponse, description: 'Nominate this candidate (you must be on the electorate).' })
  async second(
    @Param('electionId', uuidParam('electionId')) id: string,
    @Param('candidateId', uuidParam('candidateId')) candidateId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<CandidateResponse> {
    return toCandidateResponse(await this.nominate.nominateCandidate(p, id, candidateId));
  }

  @Post('elections/:electionId/candidates/:candidateId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('the candidate themself')
  @ApiOkResponse({ type: CandidateResponse })
  async withdraw(
    @Param('electionId', uuidParam('electionId')) id: string,
    @Param('candidateId', uuidParam('candidateId')) candidateId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<CandidateResponse> {
    return toCandidateResponse(await this.nominate.withdraw(p, id, candidateId));
  }

  @Post('slates')
  @Policy.member()
  @ApiCreatedResponse({ type: SlateResponse })
  createSlate(@Body() b: CreateSlateRequest, @CurrentPrincipal() p: Principal): Promise<SlateResponse> {
    return this.nominate.createSlate(p, b.name);
  }
}
