import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { RETURNING_OFFICER_POLICY } from '../../application/floor-access';
import { BulletinUseCase } from '../../application/bulletin/bulletin.use-case';
import { uuidParam } from '../route-params';
import { BulletinErrorFilter } from './bulletin-error.filter';
import { BulletinOrdersRequest, BulletinResponse, ContributionResponse, PublishContributionRequest } from './bulletin.dto';

const idempotencyKey = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  if (!/^[\x21-\x7e]{8,200}$/.test(v)) throw new DomainError('invalid', 'invalid_idempotency_key', 'Idempotency-Key must be 8 to 200 visible ASCII characters.', { field: 'Idempotency-Key' });
  return v;
};

/**
 * The pre-congress discussion bulletin. There is deliberately no route to approve, hide, edit,
 * reorder or delay a contribution: publication is immediate, and only its author withdraws it.
 */
@ApiTags('congress bulletin')
@UseFilters(BulletinErrorFilter)
@Controller()
export class BulletinController {
  constructor(private readonly bulletin: BulletinUseCase) {}

  @Post('congresses/:congressId/bulletin')
  @Policy.mandate(RETURNING_OFFICER_POLICY)
  @ApiCreatedResponse({ type: BulletinResponse, description: 'The bulletin section of the standing orders (period, length in words), set once; every member is told.' })
  set(@Param('congressId', uuidParam('congressId')) id: string, @Body() b: BulletinOrdersRequest, @CurrentPrincipal() p: Principal): Promise<BulletinResponse> {
    return this.bulletin.set(p, id, b);
  }

  @Get('congresses/:congressId/bulletin')
  @Policy.member()
  @ApiOkResponse({ type: BulletinResponse, description: 'Its period and length, and every contribution in the order published (withdrawn ones shown as withdrawn).' })
  get(@Param('congressId', uuidParam('congressId')) id: string, @CurrentPrincipal() p: Principal): Promise<BulletinResponse> {
    return this.bulletin.view(p, id);
  }

  @Post('congresses/:congressId/bulletin/contributions')
  @Policy.member()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random UUID: a retry with the same key returns the contribution published the first time.' })
  @ApiCreatedResponse({ type: ContributionResponse, description: 'Published at once — for yourself, or for a caucus you belong to (`caucusId`).' })
  publish(
    @Param('congressId', uuidParam('congressId')) id: string,
    @Body() b: PublishContributionRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() p: Principal,
  ): Promise<ContributionResponse> {
    return this.bulletin.publish(p, id, { title: b.title, text: b.text, caucusId: b.caucusId ?? null }, idempotencyKey(key));
  }

  @Get('contributions/:contributionId')
  @Policy.member()
  @ApiOkResponse({ type: ContributionResponse })
  one(@Param('contributionId', uuidParam('contributionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ContributionResponse> {
    return this.bulletin.one(p, id);
  }

  @Post('contributions/:contributionId/withdraw')
  @HttpCode(200)
  @Policy.inUseCase('the author of the contribution (for a caucus: a current member of it), before the bulletin closes')
  @ApiOkResponse({ type: ContributionResponse, description: 'Withdrawn; the withdrawal stays shown, the text no longer.' })
  withdraw(@Param('contributionId', uuidParam('contributionId')) id: string, @CurrentPrincipal() p: Principal): Promise<ContributionResponse> {
    return this.bulletin.withdraw(p, id);
  }
}
