import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { DeclareResultUseCase } from '../application/use-cases/declare-result.use-case';
import { ReadElectionsUseCase } from '../application/use-cases/read-elections.use-case';
import { RunElectionUseCase } from '../application/use-cases/run-election.use-case';
import { electionMethodDefinitions } from '../domain';
import { CloseElectionRequest, CreateElectionRequest, ElectionDetailResponse, ElectionMethodResponse, ElectionResponse, OpenVotingRequest, ResultResponse, toCandidateResponse, toElectionMethodResponse, toElectionResponse } from './elections.dto';
import { ElectionsErrorFilter } from './elections-error.filter';
import { RETURNING_OFFICER_POLICY, uuidParam } from './route-params';

/** Setting up and running elections (returning officers), and reading them (members). */
@ApiTags('elections')
@UseFilters(ElectionsErrorFilter)
@Controller('elections')
export class ElectionsController {
  constructor(
    private readonly run: RunElectionUseCase,
    private readonly declare: DeclareResultUseCase,
    private readonly read: ReadElectionsUseCase,
  ) {}

  @Post()
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: ElectionResponse })
  async create(@Body() b: CreateElectionRequest, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    const scope = b.scope === 'branch' ? { kind: 'branch' as const, branchId: b.branchId! } : b.scope === 'congress' ? { kind: 'congress' as const, congressId: b.congressId! } : { kind: 'organization' as const };
    const electorate = b.rollId ? { kind: 'roll' as const, rollId: b.rollId } : b.electorateAsOf ? { kind: 'freeze' as const, asOf: b.electorateAsOf } : null;
    return toElectionResponse(
      await this.run.create(p, {
        title: b.title,
        purpose: b.purpose,
        scope,
        bodyId: b.bodyId ?? null,
        seats: b.seats,
        method: b.method,
        motionText: b.motionText ?? null,
        motionThreshold: b.motionThreshold ?? null,
        recallMandateId: b.recallMandateId ?? null,
        electorate,
        termStartsOn: b.termStartsOn ?? null,
        termEndsOn: b.termEndsOn ?? null,
      }),
    );
  }

  @Get()
  @Policy.member()
  @ApiOkResponse({ type: [ElectionResponse] })
  async list(): Promise<ElectionResponse[]> {
    return (await this.read.list()).map(toElectionResponse);
  }

  @Get('methods')
  @Policy.member()
  @ApiOkResponse({ type: [ElectionMethodResponse], description: 'The election methods this platform counts, with the label and description members see.' })
  methods(): ElectionMethodResponse[] {
    return electionMethodDefinitions().map(toElectionMethodResponse);
  }

  @Get(':electionId')
  @Policy.member()
  @ApiOkResponse({ type: ElectionDetailResponse })
  async get(@Param('electionId', uuidParam('electionId')) id: string): Promise<ElectionDetailResponse> {
    const d = await this.read.get(id);
    return {
      ...toElectionResponse(d.election),
      candidates: d.candidates.map(toCandidateResponse),
      slates: d.slates,
      nominatorsRequired: d.nominatorsRequired,
      acclamationPossibleFrom: d.acclamationPossibleFrom,
      turnout: d.turnout,
    };
  }

  @Post(':electionId/open-nominations')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse })
  async openNominations(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.run.openNominations(p, id));
  }

  @Post(':electionId/acclaim')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse, description: 'E1: only after the statutory nomination period and with no more candidates than seats; never for the commission or appeals committee.' })
  async acclaim(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.run.acclaim(p, id));
  }

  @Post(':electionId/open-voting')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse })
  async openVoting(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: OpenVotingRequest, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.run.openVoting(p, id, new Date(b.closesAt)));
  }

  @Post(':electionId/close')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse, description: 'Closes the poll and commits the hash of the ballot list, before any count.' })
  async close(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: CloseElectionRequest, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.declare.close(p, id, b.tieBreakSeed ?? null));
  }

  @Post(':electionId/certify')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse, description: 'Counts the committed ballot list and fills the seats (mandates, or congress delegates) in one transaction.' })
  async certify(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.declare.certify(p, id));
  }

  @Post(':electionId/publish')
  @HttpCode(200)
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiOkResponse({ type: ElectionResponse, description: 'Publishes the result to the members of the scope (notice and feed) and the ballot list.' })
  async publish(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ElectionResponse> {
    return toElectionResponse(await this.declare.publish(p, id));
  }

  @Get(':electionId/result')
  @Policy.member()
  @ApiOkResponse({ type: ResultResponse, description: 'Round by round. Members once published; returning officers from certification.' })
  async result(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ResultResponse> {
    const r = await this.read.result(p, id);
    return { election: toElectionResponse(r.election), result: r.result as unknown as Record<string, unknown>, turnoutByBranch: r.turnoutByBranch };
  }
}
