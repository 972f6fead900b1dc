import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openEventStream } from '@org/platform';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { RETURNING_OFFICER_POLICY } from '../application/floor-access';
import { FloorUseCase, type FloorView } from '../application/use-cases/floor.use-case';
import { MinutesUseCase } from '../application/use-cases/minutes.use-case';
import { MotionsUseCase, type MotionView } from '../application/use-cases/motions.use-case';
import { AgendaItemRequest, AgendaItemResponse, FloorResponse, MinutesResponse, MotionResponse, OpenFloorRequest, SubmitMotionRequest } from './floor.dto';
import { NO_QUORUM } from '../domain';
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
    private readonly minutesOf: MinutesUseCase,
  ) {}

  @Get('floor/events')
  @Policy.member()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-sent events (`event: floor`, data `{ type, id, tally? }`) whenever the agenda, a motion, an amendment, a speakers’ list or a vote changes — in any API process. Totals only, never who voted what. The screen reloads what it shows on each event (and on reconnecting).',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async events(@Param('congressId', uuidParam('congressId')) id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let send: ((event: string, data: unknown) => void) | null = null;
    // The floor is checked (404 when it is not open) before the response is taken over.
    const stop = await this.floor.follow(id, (e) => send?.('floor', e));
    reply.hijack();
    openEventStream(req.raw, reply.raw, (s) => {
      send = s;
      s('ready', { congressId: id });
      return stop;
    });
  }

  @Get('minutes')
  @Policy.member()
  @ApiOkResponse({ type: MinutesResponse, description: 'Produced from the record: agenda, speakers, motions, amendments and votes with their totals.' })
  minutes(@Param('congressId', uuidParam('congressId')) id: string): Promise<MinutesResponse> {
    return this.minutesOf.minutes(id);
  }

  @Post('floor')
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: FloorResponse })
  async open(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: OpenFloorRequest, @CurrentPrincipal() p: Principal): Promise<FloorResponse> {
    return toFloorResponse(await this.floor.open(p, id, { orders: { ...b.standingOrders, quorum: b.standingOrders.quorum ?? NO_QUORUM, emergencyAcceptance: b.standingOrders.emergencyAcceptance ?? 'congress' }, chairs: b.chairs, standingOrdersCommittee: b.standingOrdersCommittee }));
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
  @ApiCreatedResponse({ type: MotionResponse, description: 'Submitted (after the deadline only as an emergency motion, with its reason); a member for themself, a branch by its chair or secretary, the executive by an EC member, a caucus by whom the caucus allows.' })
  async submit(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: SubmitMotionRequest, @CurrentPrincipal() p: Principal): Promise<MotionResponse> {
    return toMotionResponse(await this.motions.submit(p, id, { title: b.title, text: b.text, submitter: { kind: b.submitter.kind, ref: b.submitter.ref ?? null }, agendaItemId: b.agendaItemId ?? null, emergency: b.emergency ? { reason: b.emergency.reason } : null }));
  }
}

