import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { actorFromPrincipal } from '../application/access/discipline-actor';
import { ReadmissionUseCase } from '../application/readmission/readmission.use-case';
import type { ComplainantConsultation } from '../domain/readmission/readmission-decision.entity';
import { ReadmissionDecisionRequest } from './dto/readmission.request.dto';
import { ReadmissionFileResponse } from './dto/readmission.response.dto';

/**
 * Readmission (S9): decided by Control Commission members without a conflict in the case of
 * the expulsion, never without a recorded consultation of the complainant(s).
 */
@ApiTags('discipline')
@Controller()
export class ReadmissionController {
  constructor(private readonly readmission: ReadmissionUseCase) {}

  @Post('readmission-decisions')
  @Policy.mandate({ body: 'CCOM' })
  @ApiCreatedResponse({ type: ReadmissionFileResponse })
  decide(@Body() body: ReadmissionDecisionRequest, @CurrentPrincipal() p: Principal) {
    return this.readmission.record(actorFromPrincipal(p), { ...body, consultations: body.consultations as unknown as ComplainantConsultation[] });
  }

  @Get('readmission/:memberId')
  @Policy.mandate({ body: 'CCOM' })
  @ApiOkResponse({ type: ReadmissionFileResponse })
  file(@Param('memberId') memberId: string, @CurrentPrincipal() p: Principal) {
    return this.readmission.file(actorFromPrincipal(p), memberId);
  }
}
