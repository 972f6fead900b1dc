import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { VacanciesUseCase } from '../application/use-cases/vacancies.use-case';
import { ElectionsErrorFilter } from './elections-error.filter';
import { RETURNING_OFFICER_POLICY, uuidParam } from './route-params';
import { LateWithdrawalResponse, RecordVacancyRequest, VacancyResponse } from './vacancies.dto';

/** Seats after voting opened: withdrawals during the poll, and vacancies after the result. */
@ApiTags('elections')
@UseFilters(ElectionsErrorFilter)
@Controller('elections/:electionId')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesUseCase) {}

  @Post('candidates/:candidateId/withdraw-after-opening')
  @HttpCode(200)
  @Policy.inUseCase('the candidate themself, or a returning officer who is not a candidate')
  @ApiOkResponse({ type: LateWithdrawalResponse, description: 'Voting open or closed, not yet certified, ranked ballots: the candidate stays on the paper and is skipped on every ballot at the count.' })
  withdraw(
    @Param('electionId', uuidParam('electionId')) id: string,
    @Param('candidateId', uuidParam('candidateId')) candidateId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<LateWithdrawalResponse> {
    return this.vacancies.withdrawAfterOpening(p, id, candidateId);
  }

  @Post('vacancies')
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: VacancyResponse, description: 'A winner cannot take the seat or leaves it: the seat is filled by the organization’s rule (countback or next-highest) in one transaction; their mandate ends, the new one begins.' })
  record(@Param('electionId', uuidParam('electionId')) id: string, @Body() b: RecordVacancyRequest, @CurrentPrincipal() p: Principal): Promise<VacancyResponse> {
    return this.vacancies.recordVacancy(p, id, { candidateId: b.candidateId, reason: b.reason });
  }

  @Get('vacancies')
  @Policy.member()
  @ApiOkResponse({ type: [VacancyResponse], description: 'Members once the result is published; returning officers from certification.' })
  list(@Param('electionId', uuidParam('electionId')) id: string, @CurrentPrincipal() p: Principal): Promise<VacancyResponse[]> {
    return this.vacancies.list(p, id);
  }
}
