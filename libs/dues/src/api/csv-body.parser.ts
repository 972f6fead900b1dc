import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DUES_CONFIG, type DuesConfig } from '../application/dues.config';

/** Lets the bank import receive `text/csv` bodies as raw bytes (unless another context already did). */
@Injectable()
export class DuesCsvBodyParser implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(DUES_CONFIG) private readonly config: DuesConfig,
  ) {}

  onModuleInit(): void {
    const instance = this.host.httpAdapter?.getInstance?.();
    if (!instance?.addContentTypeParser || instance.hasContentTypeParser?.('text/csv')) return;
    instance.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: this.config.csvMaxBytes }, (_req: unknown, body: Buffer, done: (e: Error | null, b?: Buffer) => void) =>
      done(null, body),
    );
  }
}
