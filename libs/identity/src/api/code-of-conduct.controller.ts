import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@org/kernel';
import { CodeOfConductService } from '../application/code-of-conduct.service';
import type { Principal } from '../domain/principal';
import {
  AcknowledgeCodeRequest,
  AcknowledgementAggregatesResponse,
  AcknowledgementResponse,
  CodeOfConductResponse,
  NotAcknowledgedResponse,
  PublishCodeOfConductRequest,
  PublishedCodeOfConductResponse,
} from './accounts.dto';
import { CurrentPrincipal, Policy } from './policy.decorator';

const uuid = (name: string) => new ParseUUIDPipe({ exceptionFactory: () => new DomainError('invalid', 'invalid_id', `${name} in the path must be a UUID.`, { field: name }) });

/** S14: the code of conduct the organization publishes, and members' acknowledgements of it. */
@ApiTags('identity')
@Controller()
export class CodeOfConductController {
  constructor(private readonly code: CodeOfConductService) {}

  @Get('me/code-of-conduct')
  @Policy.signedIn()
  @ApiOkResponse({ type: CodeOfConductResponse, description: 'The current version, and whether you acknowledged it.' })
  @ApiNotFoundResponse({ description: '`code_of_conduct_not_published`.' })
  current(@CurrentPrincipal() p: Principal): Promise<CodeOfConductResponse> {
    return this.code.current(p);
  }

  @Post('code-of-conduct/versions')
  @Policy.mandate({ body: 'EC', roles: ['chair', 'secretary'] })
  @ApiCreatedResponse({ type: PublishedCodeOfConductResponse, description: 'The new current version; members are asked to acknowledge it.' })
  publish(@Body() body: PublishCodeOfConductRequest, @CurrentPrincipal() p: Principal): Promise<PublishedCodeOfConductResponse> {
    return this.code.publish(p, body.title, body.text);
  }

  @Post('me/code-of-conduct/acknowledgements')
  @HttpCode(200)
  @Policy.member()
  @ApiOkResponse({ type: AcknowledgementResponse, description: 'Recorded once per version; a repeat answers the first time.' })
  @ApiNotFoundResponse({ description: '`code_of_conduct_version_not_found`.' })
  @ApiConflictResponse({ description: '`code_of_conduct_superseded`: acknowledge the current version.' })
  acknowledge(@Body() body: AcknowledgeCodeRequest, @CurrentPrincipal() p: Principal): Promise<AcknowledgementResponse> {
    return this.code.acknowledge(p, body.version);
  }

  @Get('code-of-conduct/acknowledgements')
  @Policy.mandate({ body: 'EC' }, { body: 'NATIONAL_OFFICE' })
  @ApiOkResponse({ type: AcknowledgementAggregatesResponse, description: 'Counts only: the share of current members who acknowledged the current version, per branch.' })
  @ApiNotFoundResponse({ description: '`code_of_conduct_not_published`.' })
  aggregates(): Promise<AcknowledgementAggregatesResponse> {
    return this.code.aggregates();
  }

  @Get('branches/:branchId/code-of-conduct/not-acknowledged')
  @Policy.mandate({ body: 'BRANCH_COMMITTEE', roles: ['secretary'] })
  @ApiOkResponse({ type: NotAcknowledgedResponse, description: "Only for the branch's own secretary." })
  @ApiNotFoundResponse({ description: 'Not a branch you are secretary of, or no code published.' })
  notAcknowledged(@Param('branchId', uuid('branchId')) branchId: string, @CurrentPrincipal() p: Principal): Promise<NotAcknowledgedResponse> {
    return this.code.notAcknowledged(p, branchId);
  }
}
