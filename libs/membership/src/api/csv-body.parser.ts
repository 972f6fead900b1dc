import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../application/membership.config';

/**
 * Lets routes receive `text/csv` bodies as raw bytes (the parser checks the encoding itself, so
 * bytes that are not UTF-8 reach it and are reported by row), with their own size limit.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  onModuleInit(): void {
    const instance = this.host.httpAdapter?.getInstance?.();
    if (!instance?.addContentTypeParser || instance.hasContentTypeParser?.('text/csv')) return;
    instance.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: this.config.csvMaxBytes }, (_req: unknown, body: Buffer, done: (e: Error | null, b?: Buffer) => void) =>
      done(null, body),
    );
  }
}
