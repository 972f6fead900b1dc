import { Body, Controller, Get, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { RETURNING_OFFICER_POLICY } from '../application/floor-access';
import { FloorUseCase, type FloorView } from '../application/use-cases/floor.use-case';
import { MotionsUseCase, type MotionView } from '../application/use-cases/motions.use-case';
import { AgendaItemRequest, AgendaItemResponse, FloorResponse, MotionResponse, OpenFloorRequest, SubmitMotionRequest } from './floor.dto';
import { FloorErrorFilter } from './floor-error.filter';
import { uuidParam } from './route-params';

export const toFloorResponse = (v: FloorView): FloorResponse => ({
  congressId: v.floor.congressId,
  standingOrders: v.floor.orders,
  chairs: v.floor.chairs,
  standingOrdersCommittee: v.floor.standingOrdersCommittee,
  openedAt: v.floor.openedAt,
  agenda: v.agenda,
});

export const toMotionResponse = (v: MotionView): MotionResponse => v;

/** A congress's floor: its standing orders and officers, its agenda, its motions. */
@ApiTags('congress floor')
@UseFilters(FloorErrorFilter)
@Controller('congresses/:congressId')
export class FloorController {
  constructor(
    private readonly floor: FloorUseCase,
    private readonly motions: MotionsUseCase,
  ) {}

  @Post('floor')
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: FloorResponse })
  async open(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: OpenFloorRequest, @CurrentPrincipal() p: Principal): Promise<FloorResponse> {
    return toFloorResponse(await this.floor.open(p, id, { orders: b.standingOrders, chairs: b.chairs, standingOrdersCommittee: b.standingOrdersCommittee }));
  }

  @Get('floor')
  @Policy.member()
  @ApiOkResponse({ type: FloorResponse })
  async get(@Param('congressId', uuidParam('congressId')) id: string): Promise<FloorResponse> {
    return toFloorResponse(await this.floor.view(id));
  }

  @Post('agenda')
  @Policy.inUseCase('a chair of this congress')
  @ApiCreatedResponse({ type: AgendaItemResponse })
  addAgendaItem(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: AgendaItemRequest, @CurrentPrincipal() p: Principal): Promise<AgendaItemResponse> {
    return this.floor.addAgendaItem(p, id, b);
  }

  @Get('motions')
  @Policy.member()
  @ApiOkResponse({ type: [MotionResponse] })
  async list(@Param('congressId', uuidParam('congressId')) id: string): Promise<MotionResponse[]> {
    return (await this.motions.list(id)).map(toMotionResponse);
  }

  @Post('motions')
  @Policy.member()
  @ApiCreatedResponse({ type: MotionResponse, description: 'Submitted; a member for themself, a branch by its chair or secretary, the executive by an EC member, a caucus by whom the caucus allows.' })
  async submit(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: SubmitMotionRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return toMotionResponse(await this.motions.submit(p, id, { title: b.title, text: b.text, submitter: { kind: b.submitter.kind, ref: b.submitter.ref ?? null }, agendaItemId: b.agendaItemId ?? null }));
  }
}

