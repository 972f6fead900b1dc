import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { SpeakersUseCase } from '../application/use-cases/speakers.use-case';
import { SpeakersResponse, SpeakRequest } from './floor.dto';
import { FloorErrorFilter } from './floor-error.filter';
import { uuidParam } from './route-params';

const itemId = uuidParam('agendaItemId');

/** Speakers' lists per agenda item. */
@ApiTags('congress floor')
@UseFilters(FloorErrorFilter)
@Controller()
export class SpeakersController {
  constructor(private readonly speakers: SpeakersUseCase) {}

  @Get('agenda-items/:agendaItemId/speakers')
  @Policy.member()
  @ApiOkResponse({ type: SpeakersResponse })
  list(@Param('agendaItemId', itemId) id: string): Promise<SpeakersResponse> {
    return this.speakers.view(id);
  }

  @Post('agenda-items/:agendaItemId/speakers')
  @Policy.inUseCase('an accredited delegate for themself, or a chair for a delegate')
  @ApiCreatedResponse({ type: SpeakersResponse })
  add(@Param('agendaItemId', itemId) id: string, @Body() b: SpeakRequest, @CurrentPrincipal() p: Principal): Promise<SpeakersResponse> {
    return this.speakers.add(p, id, b);
  }

  @Post('agenda-items/:agendaItemId/speakers/next')
  @HttpCode(200)
  @Policy.inUseCase('a chair of the congress')
  @ApiOkResponse({ type: SpeakersResponse, description: 'The current speech ends and the next speaker in order has the floor.' })
  next(@Param('agendaItemId', itemId) id: string, @CurrentPrincipal() p: Principal): Promise<SpeakersResponse> {
    return this.speakers.next(p, id);
  }

  @Post('speakers/:speakerId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('the speaker, or a chair')
  @ApiOkResponse({ type: SpeakersResponse })
  withdraw(@Param('speakerId', uuidParam('speakerId')) id: string, @CurrentPrincipal() p: Principal): Promise<SpeakersResponse> {
    return this.speakers.withdraw(p, id);
  }
}
