import { Controller, Get, HttpCode, Inject, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { Policy } from '@org/identity';
import { DomainError } from '@org/kernel';
import { READINESS_PROBES, type ReadinessProbe } from './readiness-probe';

class LiveResponse {
  @ApiProperty({ example: 'ok' }) status: string;
}
class ReadyResponse {
  @ApiProperty({ example: 'ok' }) status: string;
  @ApiProperty({ example: { database: 'ok' } }) checks: Record<string, string>;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[] = [],
  ) {}

  @Get('live')
  @Policy.public('liveness probe')
  @ApiOkResponse({ type: LiveResponse })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @Policy.public('readiness probe')
  @ApiOkResponse({ type: ReadyResponse })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down.' })
  async ready(): Promise<ReadyResponse> {
    const checks: Record<string, string> = {};
    const all: ReadinessProbe[] = [{ name: 'database', check: async () => void (await this.ds.query('SELECT 1')) }, ...(this.probes ?? [])];
    await Promise.all(
      all.map(async (p) => {
        try {
          await withTimeout(p.check(), 2000);
          checks[p.name] = 'ok';
        } catch {
          checks[p.name] = 'unavailable';
        }
      }),
    );
    if (Object.values(checks).some((v) => v !== 'ok')) {
      throw new DomainError('unavailable', 'not_ready', 'A dependency of the platform is unavailable.', checks);
    }
    return { status: 'ok', checks };
  }
}
