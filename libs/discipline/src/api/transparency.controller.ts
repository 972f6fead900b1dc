import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@org/identity';
import { TransparencyReportQuery } from '../application/transparency/transparency-report.query';
import { DisciplineErrorFilter } from '../infrastructure/http/discipline-error.filter';
import { TransparencyQuery } from './dto/publication.request.dto';
import { TransparencyReportIndexResponse } from './dto/transparency.response.dto';

/**
 * The transparency report (S6, S8): aggregate figures for fixed periods, small cells suppressed,
 * computed and frozen by the scheduled job after each period closes — never for an arbitrary
 * window, never live (S1).
 */
@ApiTags('discipline')
@UseFilters(DisciplineErrorFilter)
@Controller('transparency-report')
export class TransparencyController {
  constructor(private readonly report: TransparencyReportQuery) {}

  @Get()
  @Policy.member()
  @ApiOkResponse({ type: TransparencyReportIndexResponse, description: 'The published periods, and the report of the period asked for (or the latest).' })
  @ApiBadRequestResponse({ description: 'An arbitrary window (from/to), or a period not named like the organization’s periods.' })
  @ApiNotFoundResponse({ description: 'That period’s report is not published (yet): the message says when it will be.' })
  get(@Query() q: TransparencyQuery) {
    return this.report.read(q);
  }
}
