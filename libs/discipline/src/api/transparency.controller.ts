import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@org/identity';
import { TransparencyReportQuery } from '../application/transparency/transparency-report.query';
import { TransparencyQuery } from './dto/part2/proceedings.request.dto';
import { TransparencyReportResponse } from './dto/part2/proceedings.response.dto';

/** The transparency report (S6, S8): aggregate figures for a period, small cells suppressed. */
@ApiTags('discipline')
@Controller('transparency-report')
export class TransparencyController {
  constructor(private readonly report: TransparencyReportQuery) {}

  @Get()
  @Policy.member()
  @ApiOkResponse({ type: TransparencyReportResponse })
  get(@Query() q: TransparencyQuery) {
    return this.report.report({ from: q.from, to: q.to });
  }
}
