import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CompositesUseCase } from '../application/use-cases/composites.use-case';
import { CompositeAnswerRequest, CompositeResponse, CompositeWithdrawalRequest, ProposeCompositeRequest } from './floor.dto';
import { FloorErrorFilter } from './floor-error.filter';
import { uuidParam } from './route-params';

/** Composites of similar motions: proposed by the standing orders committee, agreed only by every mover. */
@ApiTags('congress floor')
@UseFilters(FloorErrorFilter)
@Controller()
export class CompositesController {
  constructor(private readonly composites: CompositesUseCase) {}

  @Get('congresses/:congressId/composites')
  @Policy.member()
  @ApiOkResponse({ type: [CompositeResponse], description: "Every composite proposed, with each mover's answer." })
  list(@Param('congressId', uuidParam('congressId')) id: string): Promise<CompositeResponse[]> {
    return this.composites.list(id);
  }

  @Post('congresses/:congressId/composites')
  @Policy.inUseCase("a member of the congress's standing orders committee")
  @ApiCreatedResponse({ type: CompositeResponse, description: "Proposed; it replaces the motions only once every mover consents." })
  propose(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: ProposeCompositeRequest, @CurrentPrincipal() p: Principal): Promise<CompositeResponse> {
    return this.composites.propose(p, id, b);
  }

  @Get('composites/:compositeId')
  @Policy.member()
  @ApiOkResponse({ type: CompositeResponse })
  get(@Param('compositeId', uuidParam('compositeId')) id: string): Promise<CompositeResponse> {
    return this.composites.get(id);
  }

  @Post('composites/:compositeId/answers')
  @HttpCode(200)
  @Policy.inUseCase('whoever moved that original motion (the member, an officer of the branch, the executive, a member of the caucus)')
  @ApiOkResponse({ type: CompositeResponse, description: 'Consented or refused; the last consent admits the composite and composites the originals.' })
  answer(@Param('compositeId', uuidParam('compositeId')) id: string, @Body() b: CompositeAnswerRequest, @CurrentPrincipal() p: Principal): Promise<CompositeResponse> {
    return this.composites.answer(p, id, b);
  }

  @Post('composites/:compositeId/withdrawals')
  @HttpCode(200)
  @Policy.inUseCase('whoever moved that original motion (the member, an officer of the branch, the executive, a member of the caucus)')
  @ApiOkResponse({ type: CompositeResponse, description: "A mover's consent to withdrawing the composite motion; the last mover's consent withdraws it." })
  withdraw(@Param('compositeId', uuidParam('compositeId')) id: string, @Body() b: CompositeWithdrawalRequest, @CurrentPrincipal() p: Principal): Promise<CompositeResponse> {
    return this.composites.withdraw(p, id, b);
  }
}
