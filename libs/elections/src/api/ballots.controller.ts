import { Body, Controller, Get, Headers, Param, Post, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@org/identity';
import { CastBallotUseCase } from '../application/use-cases/cast-ballot.use-case';
import { ReadElectionsUseCase } from '../application/use-cases/read-elections.use-case';
import { BallotListResponse, CastBallotRequest, ReceiptCheckResponse, ReceiptListResponse, ReceiptResponse } from './ballots.dto';
import { ElectionsErrorFilter } from './elections-error.filter';
import { uuidParam } from './route-params';

/** Casting (one ballot per voter) and the published, verifiable ballot list (E3). */
@ApiTags('elections')
@UseFilters(ElectionsErrorFilter)
@Controller('elections/:electionId')
export class BallotsController {
  constructor(
    private readonly casting: CastBallotUseCase,
    private readonly read: ReadElectionsUseCase,
  ) {}

  @Post('ballots')
  @Policy.member()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random UUID: a retry with the same key returns the same receipt.' })
  @ApiCreatedResponse({ type: ReceiptResponse })
  cast(
    @Param('electionId', uuidParam('electionId')) id: string,
    @Body() b: CastBallotRequest,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() p: Principal,
  ): Promise<ReceiptResponse> {
    return this.casting.cast(p, id, { ranking: b.ranking, choices: b.choices, slate: b.slate, struck: b.struck, added: b.added, answer: b.answer }, key ?? null);
  }

  @Get('ballots')
  @Policy.member()
  @ApiOkResponse({ type: BallotListResponse, description: 'After publication: every ballot, in random order, without receipts (withheld below the minimum electorate).' })
  ballots(@Param('electionId', uuidParam('electionId')) id: string): Promise<BallotListResponse> {
    return this.read.ballots(id) as Promise<BallotListResponse>;
  }

  @Get('ballots.blt')
  @Policy.member()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Ranked ballots as a BLT file: recount with `npm run count -- file.blt`.', schema: { type: 'string' } })
  async blt(@Param('electionId', uuidParam('electionId')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.read.blt(id);
    void reply.header('content-type', 'text/plain; charset=utf-8').header('content-disposition', `attachment; filename="election-${id}.blt"`);
    return text;
  }

  @Get('receipts')
  @Policy.member()
  @ApiOkResponse({ type: ReceiptListResponse, description: 'After publication: the receipt codes of the counted ballots, sorted, published apart from the ballots.' })
  receipts(@Param('electionId', uuidParam('electionId')) id: string): Promise<ReceiptListResponse> {
    return this.read.receipts(id);
  }

  @Get('receipts/:receiptCode')
  @Policy.member()
  @ApiOkResponse({ type: ReceiptCheckResponse })
  receipt(@Param('electionId', uuidParam('electionId')) id: string, @Param('receiptCode') code: string, @CurrentPrincipal() p: Principal): Promise<ReceiptCheckResponse> {
    void p;
    return this.read.checkReceipt(id, code);
  }
}
