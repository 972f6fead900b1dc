import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Lets routes receive `text/csv` bodies as a stream of raw bytes: the import reads the file as it
 * arrives (never holding it whole), checks the encoding itself (bytes that are not UTF-8 are
 * reported by row) and enforces its own size limit. The bank import's parser is the same; the
 * first context to start registers it.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.host.httpAdapter?.getInstance?.();
    if (!instance?.addContentTypeParser || instance.hasContentTypeParser?.('text/csv')) return;
    instance.addContentTypeParser('text/csv', (_req: unknown, payload: AsyncIterable<Buffer>, done: (e: Error | null, body?: AsyncIterable<Buffer>) => void) => done(null, payload));
  }
}
