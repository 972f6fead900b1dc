import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Lets the bank import receive `text/csv` bodies as a stream of raw bytes (unless the member
 * import's parser, which does the same, is already there); the import enforces its size limit.
 */
@Injectable()
export class DuesCsvBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.host.httpAdapter?.getInstance?.();
    if (!instance?.addContentTypeParser || instance.hasContentTypeParser?.('text/csv')) return;
    instance.addContentTypeParser('text/csv', (_req: unknown, payload: AsyncIterable<Buffer>, done: (e: Error | null, body?: AsyncIterable<Buffer>) => void) => done(null, payload));
  }
}
