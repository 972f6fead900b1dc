import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Policy } from '@org/identity';
import { DeadLettersService } from '../application/dead-letters.service';
import { DeadLettersQuery, DeadLettersResponse } from './notifications.dto';

/**
 * Operators' view of messages that failed for good. There is no operator mandate: the people who
 * run the platform hold STAFF mandates. They see recipients and types, never content, and for
 * disciplinary messages not even the recipient (S1).
 */
@ApiTags('operations')
@Controller('operations')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get('dead-letters')
  @Policy.mandate({ body: 'STAFF' })
  @ApiOkResponse({ type: DeadLettersResponse })
  list(@Query() q: DeadLettersQuery): Promise<DeadLettersResponse> {
    return this.deadLetters.list(q.limit ?? 50, q.offset ?? 0);
  }
}
