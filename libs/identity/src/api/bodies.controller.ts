import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { IdentityTransactions } from '../application/ports/identity-transactions.port';
import { MandateService } from '../application/mandate.service';
import type { Principal } from '../domain/principal';
import { BodySeatsRepository } from '../application/ports/body-seats.repository';
import { IdentityRepository } from '../application/ports/identity.repository';
import { AppointMandateRequest, CreatedResponse, EndMandateRequest } from './bodies.dto';
import { MandateResponse, MessageResponse } from './auth.dto';
import { PublicBodyResponse } from './public-bodies.dto';
import { CurrentPrincipal, Policy } from './policy.decorator';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new DomainError('invalid', 'invalid_id', 'The id in the path must be a UUID.') });

@ApiTags('identity')
@Controller()
export class BodiesController {
  constructor(
    private readonly ds: IdentityTransactions,
    private readonly repo: IdentityRepository,
    private readonly mandates: MandateService,
    private readonly seats: BodySeatsRepository,
    private readonly clock: Clock,
  ) {}

  /** A democratic organization's bodies are public to its members: who sits where, since when, how elected. */
  @Get('bodies')
  @Policy.member()
  @ApiOkResponse({ type: [PublicBodyResponse] })
  list(): Promise<PublicBodyResponse[]> {
    return this.seats.publicBodies(this.ds.manager, this.clock.today());
  }

  @Get('bodies/:bodyId')
  @Policy.member()
  @ApiOkResponse({ type: PublicBodyResponse })
  @ApiNotFoundResponse({ description: 'No such body.' })
  async one(@Param('bodyId', uuid) bodyId: string): Promise<PublicBodyResponse> {
    const [body] = await this.seats.publicBodies(this.ds.manager, this.clock.today(), bodyId);
    if (!body) throw new DomainError('not_found', 'body_not_found', 'No such body. The list of bodies is at GET /bodies.');
    return body;
  }

  @Get('me/mandates')
  @Policy.member()
  @ApiOkResponse({ type: [MandateResponse] })
  async mine(@CurrentPrincipal() p: Principal): Promise<MandateResponse[]> {
    return p.memberId ? this.repo.mandatesOf(this.ds.manager, p.memberId) : [];
  }

  /** EC appointments (staff, national offices). Commission and appeals seats are refused by the service. */
  @Post('bodies/:bodyId/mandates')
  @Policy.mandate({ body: 'EC' })
  @ApiCreatedResponse({ type: CreatedResponse })
  async appoint(@Param('bodyId', uuid) bodyId: string, @Body() body: AppointMandateRequest, @CurrentPrincipal() p: Principal): Promise<CreatedResponse> {
    const id = await this.ds.transaction((m) =>
      this.mandates.create(m, {
        memberId: body.memberId,
        bodyId,
        role: body.role,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        source: { kind: 'appointment', ref: body.decisionRef },
        actor: { id: p.memberId, kind: 'member' },
      }),
    );
    return { id };
  }

  @Post('mandates/:mandateId/end')
  @HttpCode(200)
  @Policy.mandate({ body: 'EC' })
  @ApiOkResponse({ type: MessageResponse })
  async end(@Param('mandateId', uuid) mandateId: string, @Body() body: EndMandateRequest, @CurrentPrincipal() p: Principal): Promise<MessageResponse> {
    await this.mandates.endByDecision({ id: p.memberId ?? p.accountId, kind: 'member' }, mandateId, body.endsOn, body.reason);
    return { message: 'The mandate ends on ' + body.endsOn + '.' };
  }
}
