import { Body, Controller, Get, Headers, Param, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { ElectoralRollUseCase } from '../application/use-cases/electoral-roll.use-case';
import { ApportionRequest, ApportionmentResponse, FreezeRollRequest, RollDetailResponse, RollResponse } from './electoral-roll.dto';
import { MembershipErrorFilter } from './membership-error.filter';
import { uuidParam } from './route-helpers';

const idempotencyKey = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  if (!/^[\x21-\x7e]{8,200}$/.test(v)) throw new DomainError('invalid', 'invalid_idempotency_key', 'Idempotency-Key must be 8 to 200 visible ASCII characters.', { field: 'Idempotency-Key' });
  return v;
};

/** E4: frozen electoral rolls and delegate apportionment. */
@ApiTags('membership')
@UseFilters(MembershipErrorFilter)
@Controller('electoral-rolls')
export class ElectoralRollsController {
  constructor(private readonly rolls: ElectoralRollUseCase) {}

  @Post()
  @Policy.inUseCase('the Elections Committee, the EC or the national membership secretary; a branch roll also by that branch’s secretary')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the roll frozen the first time.' })
  @ApiCreatedResponse({ type: RollResponse })
  freeze(@Body() body: FreezeRollRequest, @Headers('idempotency-key') key: string | undefined, @CurrentPrincipal() p: Principal): Promise<RollResponse> {
    return this.rolls.freeze(p, {
      asOf: body.asOf,
      scope: body.scope === 'branch' ? { kind: 'branch', branchId: body.branchId! } : { kind: 'organization' },
      label: body.label ?? null,
      idempotencyKey: idempotencyKey(key),
    });
  }

  @Get()
  @Policy.inUseCase('rolls the caller may freeze')
  @ApiOkResponse({ type: [RollResponse] })
  list(@CurrentPrincipal() p: Principal): Promise<RollResponse[]> {
    return this.rolls.list(p);
  }

  @Get(':rollId')
  @Policy.inUseCase('rolls the caller may freeze')
  @ApiOkResponse({ type: RollDetailResponse })
  get(@Param('rollId', uuidParam('rollId')) rollId: string, @CurrentPrincipal() p: Principal): Promise<RollDetailResponse> {
    return this.rolls.get(p, rollId);
  }

  @Post(':rollId/apportionment')
  @Policy.mandate({ body: 'EC' }, { body: 'ELECTIONS' }, { body: 'NATIONAL_OFFICE', roles: ['membership-secretary'] })
  @ApiCreatedResponse({ type: ApportionmentResponse })
  apportion(@Param('rollId', uuidParam('rollId')) rollId: string, @Body() body: ApportionRequest, @CurrentPrincipal() p: Principal): Promise<ApportionmentResponse> {
    return this.rolls.apportion(p, rollId, body);
  }
}
